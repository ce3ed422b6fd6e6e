/**
 * Splits a `fea` claim into organization-scoped features, in order; `undefined` when an entry has no
 * scope, so that a malformed claim grants nothing rather than shifting the feature indices.
 *
 * @example
 * orgFeatures('o:reports,u:billing,uo:sso'); // ['reports', 'sso']
 */
export function orgFeatures(fea: string | undefined): string[] | undefined {
  if (fea === undefined || fea === '') return [];
  const features: string[] = [];
  for (const raw of fea.split(',')) {
    const part = raw.trim();
    const colon = part.indexOf(':');
    if (colon === -1) return undefined;
    const scope = part.slice(0, colon);
    if (scope === 'o' || scope === 'ou' || scope === 'uo') features.push(part.slice(colon + 1));
  }
  return features;
}

/**
 * Decodes the version 2 permission bitmask into `org:<feature>:<permission>` strings, as
 * `@clerk/shared`'s `buildOrgPermissions` does: `fpm` holds one decimal bitmask per organization
 * feature of `fea`, and bit `i` (least significant first) selects the `i`-th name of `per`.
 *
 * @example
 * decodeOrgPermissions({ fea: 'o:reports', per: 'read,manage', fpm: '3' }); // ['org:reports:read', 'org:reports:manage']
 */
export function decodeOrgPermissions(claims: { fea?: string | undefined; per?: string | undefined; fpm?: string | undefined }): string[] {
  const { per, fpm } = claims;
  if (!per || !fpm) return [];
  const features = orgFeatures(claims.fea);
  if (features === undefined) return [];
  const permissions = per.split(',').map((name) => name.trim());
  const masks = fpm.split(',').map((mask) => mask.trim());
  const granted: string[] = [];
  for (let index = 0; index < features.length && index < masks.length; index++) {
    const mask = masks[index] ?? '';
    // BigInt keeps masks exact beyond 53 bits; a non-decimal mask grants nothing for its feature.
    if (!/^\d+$/.test(mask)) continue;
    // Masks of up to 9 digits fit a 32-bit integer: plain number bit operations, BigInt only beyond.
    if (mask.length <= 9) {
      for (let bit = 0, bits = Number(mask); bit < permissions.length && bits > 0; bit++, bits >>>= 1) {
        if ((bits & 1) === 1) granted.push(`org:${features[index]}:${permissions[bit]}`);
      }
      continue;
    }
    let bits = BigInt(mask);
    for (let bit = 0; bit < permissions.length && bits > 0n; bit++, bits >>= 1n) {
      if ((bits & 1n) === 1n) granted.push(`org:${features[index]}:${permissions[bit]}`);
    }
  }
  return granted;
}

/** The last decoded (`fea`, `per`, `fpm`) and its frozen permissions; see {@link frozenOrgPermissions}. */
let lastDecoded: { fea: string | undefined; per: string | undefined; fpm: string | undefined; permissions: readonly string[] } | undefined;

/**
 * {@link decodeOrgPermissions}, frozen, for a verified session. The tokens of one organization role carry the same
 * three strings, so the last decoding is kept and handed out again when they match exactly: decoding (splits,
 * masks, one string per permission) cost a third of the claim checks of every fresh token, and the frozen list can
 * be shared by every session that has it. A mismatch costs three string comparisons.
 *
 * @example
 * frozenOrgPermissions('o:reports', 'read,manage', '3'); // ['org:reports:read', 'org:reports:manage'], frozen
 */
export function frozenOrgPermissions(fea: string | undefined, per: string | undefined, fpm: string | undefined): readonly string[] {
  const last = lastDecoded;
  if (last !== undefined && last.fpm === fpm && last.per === per && last.fea === fea) return last.permissions;
  const permissions = Object.freeze(decodeOrgPermissions({ fea, per, fpm }));
  lastDecoded = { fea, per, fpm, permissions };
  return permissions;
}
