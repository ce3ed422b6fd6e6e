// Stable, collision-checked JavaScript identifiers for spec names (`JWKS.rsa.PublicKey` → `JWKS_rsa_PublicKey`).

/** Replaces every non-identifier character with `_` and prefixes a leading digit. */
export function toIdentifier(name: string): string {
  const replaced = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}

/** Maps names to identifiers with a prefix, failing loudly if two names meet. */
export function identifierMap(names: string[], prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const name of names) {
    const id = `${prefix}${toIdentifier(name)}`;
    const owner = owners.get(id);
    if (owner !== undefined)
      throw new Error(`identifier collision: ${JSON.stringify(owner)} and ${JSON.stringify(name)} both map to ${id}`);
    owners.set(id, name);
    map.set(name, id);
  }
  return map;
}
