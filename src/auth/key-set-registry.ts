import { BoundedMap } from '../kernel/bounded-map.js';
import { createKeySource } from './create-token-verifier.js';
import type { KeySource } from './key-source.js';
import type { ResolvedOptions } from './options.js';

/**
 * Key sets kept by the convenience `verifyToken`: one per tenant, so this is how many tenants one
 * process serves without refetching. Past it, the least recently used key set is dropped (and simply
 * fetched again when its tenant comes back).
 */
export const MAX_KEY_SETS = 10_000;
const keySets = new BoundedMap<string, KeySource>(MAX_KEY_SETS);

/**
 * The key source for the key set the options name, shared by every convenience verifier of that key
 * set. It is keyed by what identifies the key set, the JWKS URL plus the `Authorization` it is fetched
 * with (so the API URL plus secret key), or the fixed key, and by the settings that shape its
 * cache (algorithms, TTL, cooldown, limits). Claim options and callbacks (`now`, `fetch`, `logger`)
 * never split it.
 *
 * @example
 * const keys = sharedKeySource(resolved);
 */
export function sharedKeySource(options: ResolvedOptions): KeySource {
  const id = keySetIdentity(options);
  let keys = keySets.get(id);
  if (keys === undefined) {
    keys = createKeySource(options);
    keySets.set(id, keys);
  }
  return keys;
}

/**
 * JSON of exactly what the key set depends on: the source (kind, URL and `Authorization`, or the fixed key),
 * the algorithms and the cache settings. JSON quotes every string, so no URL or key can be crafted to
 * collide with another pair; it is built once per new verifier, never per verification.
 */
function keySetIdentity({ source, algorithms, jwks }: ResolvedOptions): string {
  return JSON.stringify([source, algorithms, jwks]);
}
