import type { Result } from '../kernel/result.js';
import { readCheckedClaims } from './claim-checks.js';
import type { JwtPayload } from './decode-jwt.js';
import { fail, type TokenError } from './errors.js';
import { sharedFixedKeySource } from './key-source.js';
import { resolveClaimOptions, type ClaimOptions } from './options.js';
import { verifyCompact } from './verify-compact.js';

/**
 * Options of {@link verifyJwt}: the key plus the claim rules.
 *
 * @example
 * const options: VerifyJwtOptions = { key: pem, audience: 'api' };
 */
export interface VerifyJwtOptions extends ClaimOptions {
  /** PEM SPKI text (literal `\n` allowed) or an RSA JWK. */
  key: string | JsonWebKey;
}

/**
 * Verifies any RS256 JWT with a given key: signature first, then `exp`/`nbf`/`iat`/`azp`/`aud`/`iss`
 * and `typ`. Session-specific rules (`sid`, `cat`, machine subjects) are `verifyToken`'s job.
 *
 * @example
 * const { data: payload, errors } = await verifyJwt(token, { key: pem });
 */
export async function verifyJwt(token: string, options: VerifyJwtOptions): Promise<Result<JwtPayload, TokenError>> {
  try {
    const claims = resolveClaimOptions(options);
    if (claims.errors) return claims;
    const { rules, algorithms, now } = claims.data;
    const nowMs = now();
    const keys = sharedFixedKeySource(options.key, algorithms);
    const verified = await verifyCompact(token, algorithms, keys, { nowMs }, (compact) => readCheckedClaims(compact, rules, nowMs));
    return verified.errors ? verified : { data: verified.data.value };
  } catch {
    return fail('options_invalid', 'The options could not be read.');
  }
}
