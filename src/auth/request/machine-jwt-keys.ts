/**
 * The slice of the Backend API client that reads the instance's JWKS; `createClerkClient()` fits.
 *
 * @example
 * const client: JwksClient = createClerkClient({ secretKey });
 */
export interface JwksClient {
  jwks?: { getJwks(): Promise<{ data?: unknown; errors?: readonly unknown[] | undefined }> } | undefined;
}

/**
 * Settings of {@link createMachineJwtKeys}.
 *
 * @example
 * const options: MachineJwtKeysOptions = { client, now: Date.now, ttlInMs: 300_000, cooldownInMs: 30_000 };
 */
export interface MachineJwtKeysOptions {
  client: JwksClient;
  now: () => number;
  /** How long a fetched key set is used before it is fetched again. */
  ttlInMs: number;
  /** Minimum time between two fetches caused by an unknown `kid` or a failure. */
  cooldownInMs: number;
}

/**
 * Finds the public key of a machine JWT in the instance's JWKS, read through the injected client (so the
 * secret key never leaves it). Concurrent lookups share one fetch, and an unknown `kid` triggers at most one
 * refetch per cooldown, so a flood of random `kid`s costs one request. Keys found here still go through
 * `verifyJwt`'s own key checks (RSA, exponent, size) before use.
 *
 * @example
 * const keys = createMachineJwtKeys({ client: clerk, now: Date.now, ttlInMs: 300_000, cooldownInMs: 30_000 });
 * const jwk = await keys.find('ins_1');
 */
export function createMachineJwtKeys(options: MachineJwtKeysOptions): {
  find(kid: string | undefined): Promise<JsonWebKey | undefined>;
  /** Whether the last read of the JWKS failed (no answer, an error result, no key list): a missing key then proves nothing. */
  failing(): boolean;
} {
  let keys: readonly (JsonWebKey & { kid?: unknown })[] = [];
  let fetchedAt = -Infinity;
  let pending: Promise<void> | undefined;
  let failed = false;

  function refresh(): Promise<void> {
    pending ??= (async () => {
      fetchedAt = options.now();
      try {
        const result = await options.client.jwks?.getJwks();
        const list = (result?.data as { keys?: unknown } | undefined)?.keys;
        failed = !Array.isArray(list);
        if (Array.isArray(list)) keys = list.filter((key): key is JsonWebKey => typeof key === 'object' && key !== null);
      } catch {
        // Keep the last good set; the cooldown bounds how often a failing endpoint is asked.
        failed = true;
      }
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const pick = (kid: string | undefined): JsonWebKey | undefined =>
    kid === undefined ? (keys.length === 1 ? keys[0] : undefined) : keys.find((key) => key.kid === kid);

  return {
    async find(kid) {
      const age = options.now() - fetchedAt;
      if (age >= options.ttlInMs) await refresh();
      const found = pick(kid);
      if (found !== undefined || options.now() - fetchedAt < options.cooldownInMs) return found;
      await refresh();
      return pick(kid);
    },
    failing: () => failed,
  };
}
