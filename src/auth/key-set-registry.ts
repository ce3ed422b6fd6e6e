import { BoundedMap } from '../core/bounded-map.js';
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

function keySetIdentity({ source, algorithms, jwks }: ResolvedOptions): string {
  const settings = `${algorithms.join(',')}|${jwks.ttlInMs},${jwks.cooldownInMs},${jwks.staleIfErrorInMs},${jwks.timeoutInMs},${jwks.maxBytes},${jwks.maxKeys}`;
  if (source.kind === 'jwt-key') {
    const key = typeof source.key === 'string' ? source.key : JSON.stringify(source.key);
    return `jwt-key|${settings}|${key}`;
  }
  // Length-prefixed: no URL or key can be crafted to collide with another pair.
  const authorization = source.headers['Authorization'] ?? '';
  return `${source.kind}|${settings}|${source.url.length}:${source.url}|${authorization}`;
}
