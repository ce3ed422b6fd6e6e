import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { splitCompactJwt, type CompactJwt } from './decode-jwt.js';
import { refuseToken, type TokenError } from './errors.js';
import { checkHeader } from './header-checks.js';
import type { KeyContext, KeySource } from './key-source.js';
import type { RsaKeyEntry } from './rsa-key.js';
import { describeUntrusted } from './safe-detail.js';
import { verifySignature } from './verify-signature.js';

/**
 * What a verified compact JWS gives back: the claims step's value and the key that verified it.
 *
 * @example
 * const verified: VerifiedCompact<JwtPayload> = { value: payload, kid: 'ins_1', key };
 */
export interface VerifiedCompact<T> {
  readonly value: T;
  readonly kid: string | undefined;
  readonly key: RsaKeyEntry;
}

/**
 * The one JWS pipeline of the auth layer (jose's `compactVerify`, without re-parsing): split → header
 * → key → pinned algorithm → signature. `readClaims` is the claims step; it runs while the signature
 * is being checked, but the signature outcome is reported first (RFC 8725 §3.3): a forged, expired
 * token reports the forgery.
 *
 * @example
 * const { data, errors } = await verifyCompact(token, ['RS256'], keys, { nowMs: Date.now() }, () => ({ data: undefined }));
 */
export async function verifyCompact<T>(
  token: unknown,
  algorithms: readonly RsaAlgorithm[],
  keys: KeySource,
  context: KeyContext,
  readClaims: (compact: CompactJwt) => Result<T, TokenError>,
): Promise<Result<VerifiedCompact<T>, TokenError>> {
  const split = splitCompactJwt(token);
  if (split.errors) return split;
  const header = checkHeader(split.data.header, algorithms);
  if (header.errors) return header;
  const { alg, kid } = header.data;
  // A key that is already loaded is used without an `await`: the hot path stays one microtask long.
  let key = keys.peek(kid, context.nowMs);
  if (key === undefined) {
    const loaded = await keys.getKey(kid, context);
    if (loaded.errors) return loaded;
    key = loaded.data;
  }
  if (key.alg !== undefined && key.alg !== alg) {
    return refuseToken('token_invalid_algorithm', 'algorithm does not match the algorithm its key is pinned to', {
      alg: describeUntrusted(alg),
      expected: [key.alg],
    });
  }
  const signature = verifySignature(key, alg, split.data);
  const claims = readClaims(split.data);
  // `await` only a pending check: awaiting a plain boolean would still cost a microtask hop per token.
  const valid = typeof signature === 'boolean' ? signature : await signature;
  if (!valid) return refuseToken('token_invalid_signature', 'signature is invalid');
  return claims.errors ? claims : { data: { value: claims.data, kid, key } };
}
