import type { Result } from '../core/result.js';
import { checkHeaderType, checkRegisteredClaims } from './claim-checks.js';
import { decodePayload, splitCompactJwt, type JwtPayload } from './decode-jwt.js';
import { fail, type TokenError } from './errors.js';
import { checkHeader } from './header-checks.js';
import { importKeyCached } from './key-import-cache.js';
import { resolveClaimOptions, type ClaimOptions } from './options.js';
import { verifySignature } from './verify-signature.js';

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
    const split = splitCompactJwt(token);
    if (split.errors) return split;
    const header = checkHeader(split.data.header, algorithms);
    if (header.errors) return header;
    const key = await importKeyCached(options.key, algorithms);
    if (key.errors) return key;
    if (key.data.alg !== undefined && key.data.alg !== header.data.alg) {
      return fail('token_invalid_algorithm', 'The token algorithm does not match the key.');
    }
    // Claims are checked while WebCrypto verifies; the signature outcome is still reported first.
    const signature = verifySignature(key.data, header.data.alg, split.data);
    const payload = decodePayload(split.data.payloadSegment);
    const problem = payload.errors
      ? payload.errors[0]
      : (checkHeaderType(split.data.header, rules) ?? checkRegisteredClaims(payload.data, rules, now()));
    if (!(await signature)) return fail('token_invalid_signature', 'The token signature is invalid.');
    return problem === undefined ? payload : { errors: [problem] };
  } catch {
    return fail('options_invalid', 'The options could not be read.');
  }
}
