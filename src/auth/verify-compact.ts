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
 * Answers synchronously when it can (a loaded key and a synchronous signature check, or a refusal before any
 * key is needed) and with a promise otherwise; `await` works on both. Throws only what an injected callback throws.
 *
 * @example
 * const { data, errors } = await verifyCompact(token, ['RS256'], keys, { nowMs: Date.now() }, () => ({ data: undefined }));
 */
export function verifyCompact<T>(
  token: unknown,
  algorithms: readonly RsaAlgorithm[],
  keys: KeySource,
  context: KeyContext,
  readClaims: (compact: CompactJwt) => Result<T, TokenError>,
): Checked<T> | Promise<Checked<T>> {
  const split = splitCompactJwt(token);
  if (split.errors) return split;
  const header = checkHeader(split.data.header, algorithms);
  if (header.errors) return header;
  const { alg, kid } = header.data;
  // A key that is already loaded is used at once: the hot path has no `await` at all.
  const key = keys.peek(kid, context.nowMs);
  if (key !== undefined) return checkWithKey(split.data, alg, kid, key, readClaims);
  return keys.getKey(kid, context).then((loaded) => (loaded.errors ? loaded : checkWithKey(split.data, alg, kid, loaded.data, readClaims)));
}

type Checked<T> = Result<VerifiedCompact<T>, TokenError>;

function checkWithKey<T>(
  compact: CompactJwt,
  alg: RsaAlgorithm,
  kid: string | undefined,
  key: RsaKeyEntry,
  readClaims: (compact: CompactJwt) => Result<T, TokenError>,
): Checked<T> | Promise<Checked<T>> {
  if (key.alg !== undefined && key.alg !== alg) {
    return refuseToken('token_invalid_algorithm', 'algorithm does not match the algorithm its key is pinned to', {
      alg: describeUntrusted(alg),
      expected: [key.alg],
    });
  }
  const signature = verifySignature(key, alg, compact);
  const claims = readClaims(compact);
  // A synchronous check is answered synchronously: no promise and no microtask hop per token.
  if (typeof signature === 'boolean') return decide(signature, claims, kid, key);
  return signature.then((valid) => decide(valid, claims, kid, key));
}

/** The signature outcome first, then the claims'. */
function decide<T>(valid: boolean, claims: Result<T, TokenError>, kid: string | undefined, key: RsaKeyEntry): Checked<T> {
  if (!valid) return refuseToken('token_invalid_signature', 'signature is invalid');
  return claims.errors ? claims : { data: { value: claims.data, kid, key } };
}
