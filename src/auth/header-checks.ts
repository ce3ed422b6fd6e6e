import { isString } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { fail, invalidToken, refuseToken, type TokenError } from './errors.js';
import { describeUntrusted } from './safe-detail.js';

/** Longer `kid`s are refused: Clerk's are about 30 characters and a `kid` may end up in logs. */
export const MAX_KID_LENGTH = 256;

/**
 * What the header tells the verifier before the signature is checked.
 *
 * @example
 * const checked: CheckedHeader = { alg: 'RS256', kid: 'ins_1' };
 */
export interface CheckedHeader {
  alg: RsaAlgorithm;
  kid: string | undefined;
}

/**
 * Checks the JOSE header parameters that decide how a token is verified (RFC 8725 §3.1, RFC 7515 §4.1.11).
 *
 * `jku`, `x5u`, `x5c` and `jwk` are ignored on purpose: keys only ever come from configuration.
 *
 * @example
 * checkHeader({ alg: 'RS256', kid: 'ins_1' }, ['RS256']); // { data: { alg: 'RS256', kid: 'ins_1' } }
 */
export function checkHeader(header: Record<string, unknown>, algorithms: readonly RsaAlgorithm[]): Result<CheckedHeader, TokenError> {
  const alg = header['alg'];
  if (!isString(alg) || !(algorithms as readonly string[]).includes(alg)) {
    return refuseToken('token_invalid_algorithm', `algorithm is not one of: ${algorithms.join(', ')}`, {
      alg: describeUntrusted(alg),
      expected: [...algorithms],
    });
  }
  // No JWS extension is understood, so any critical one must be refused.
  if (header['crit'] !== undefined) {
    return invalidToken('header lists critical extensions this verifier does not support');
  }
  if (header['b64'] !== undefined && header['b64'] !== true) {
    return fail('token_invalid', 'Unencoded-payload tokens (b64: false) are not supported.');
  }
  if (header['cty'] !== undefined) {
    return fail('token_invalid', 'Nested tokens (cty header) are not supported.');
  }
  const kid = header['kid'];
  if (kid !== undefined && (!isString(kid) || kid.length === 0 || kid.length > MAX_KID_LENGTH)) {
    return invalidToken(`kid must be a non-empty string of at most ${MAX_KID_LENGTH} characters`);
  }
  return { data: { alg: alg as RsaAlgorithm, kid } };
}
