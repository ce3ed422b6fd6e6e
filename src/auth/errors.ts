import type { ClerkError, NonEmptyArray } from '../kernel/result.js';

/**
 * Every reason a token, key or key set can be refused; a closed union so callers can switch on it exhaustively.
 *
 * - `token_invalid`: malformed token (shape, base64url, JSON, header parameters, missing/ill-typed claims).
 * - `token_too_large`: over the size cap, refused before any parsing.
 * - `token_invalid_algorithm`: `alg` not in the allow-list or not matching the key.
 * - `token_invalid_signature`: the signature does not verify.
 * - `token_expired`, `token_not_active_yet`, `token_iat_in_the_future`: time claims, with clock skew.
 * - `token_invalid_authorized_party`, `token_invalid_audience`, `token_invalid_issuer`: `azp`, `aud`, `iss`.
 * - `token_type_mismatch`: not a session token (`typ`, `cat`, a machine `sub`).
 * - `jwk_kid_mismatch`: no key with the token's `kid`.
 * - `jwk_invalid`: a key or key set that cannot be used (not RSA, weak, malformed).
 * - `jwks_fetch_failed`, `jwks_timeout`: the key set could not be loaded.
 * - `secret_key_invalid`: the secret key is malformed or was refused by the Backend API.
 * - `options_invalid`: the options of the convenience `verifyToken` are unusable.
 *
 * @example
 * const code: TokenErrorCode = 'token_expired';
 */
export type TokenErrorCode =
  | 'token_expired'
  | 'token_not_active_yet'
  | 'token_iat_in_the_future'
  | 'token_invalid_signature'
  | 'token_invalid_algorithm'
  | 'token_invalid_authorized_party'
  | 'token_invalid_audience'
  | 'token_invalid_issuer'
  | 'token_invalid'
  | 'token_too_large'
  | 'token_type_mismatch'
  | 'jwk_kid_mismatch'
  | 'jwk_invalid'
  | 'jwks_fetch_failed'
  | 'jwks_timeout'
  | 'secret_key_invalid'
  | 'options_invalid';

/**
 * An auth error: a reason code, a human message, and context that never contains a token or a secret.
 *
 * @example
 * const error: TokenError = { code: 'token_expired', message: 'The token has expired.' };
 */
export type TokenError = ClerkError<TokenErrorCode>;

/**
 * Builds a {@link TokenError}; `meta` is only attached when given, to keep results small.
 *
 * @example
 * tokenError('token_invalid', 'The token is malformed.');
 */
export function tokenError(code: TokenErrorCode, message: string, meta?: Record<string, unknown>): TokenError {
  return meta === undefined ? { code, message } : { code, message, meta };
}

/**
 * Wraps one error into the `errors` side of a result.
 *
 * @example
 * return fail('token_invalid', 'The token is malformed.');
 */
export function fail(
  code: TokenErrorCode,
  message: string,
  meta?: Record<string, unknown>,
): { data?: never; errors: NonEmptyArray<TokenError> } {
  return { errors: [tokenError(code, message, meta)] };
}

/**
 * A refusal about the token itself, with the message `The token <problem>.`.
 *
 * @example
 * tokenRefusal('token_expired', 'has expired'); // { code: 'token_expired', message: 'The token has expired.' }
 */
export function tokenRefusal(code: TokenErrorCode, problem: string, meta?: Record<string, unknown>): TokenError {
  return tokenError(code, `The token ${problem}.`, meta);
}

/**
 * {@link tokenRefusal} as the `errors` side of a result.
 *
 * @example
 * return refuseToken('token_invalid_signature', 'signature is invalid');
 */
export function refuseToken(
  code: TokenErrorCode,
  problem: string,
  meta?: Record<string, unknown>,
): { data?: never; errors: NonEmptyArray<TokenError> } {
  return fail(code, `The token ${problem}.`, meta);
}

/**
 * The most common refusal, `token_invalid` with the message `The token <problem>.`.
 *
 * @example
 * return invalidToken('must be a string'); // message: 'The token must be a string.'
 */
export function invalidToken(problem: string): { data?: never; errors: NonEmptyArray<TokenError> } {
  return refuseToken('token_invalid', problem);
}

/**
 * A key or key set that cannot be used (`jwk_invalid`).
 *
 * @example
 * return invalidKey('The JWKS response is not JSON.');
 */
export function invalidKey(message: string, meta?: Record<string, unknown>): { data?: never; errors: NonEmptyArray<TokenError> } {
  return fail('jwk_invalid', message, meta);
}

/**
 * A refusal of one claim, `The <claim> claim <problem>.`, naming the claim in `meta.claim`.
 *
 * @example
 * claimError('azp', 'is not a string'); // { code: 'token_invalid', message: 'The azp claim is not a string.', meta: { claim: 'azp' } }
 */
export function claimError(claim: string, problem: string, code: TokenErrorCode = 'token_invalid'): TokenError {
  return tokenError(code, `The ${claim} claim ${problem}.`, { claim });
}
