import type { TokenErrorCode } from '../errors.js';
import type { HandshakeReason, HandshakeRefusal, RefreshFailure } from './handshake/names.js';

/**
 * Why a request is signed out; a closed union, one code per cause, so handlers can switch on it. Where
 * `@clerk/backend` has a name for the cause (its `AuthErrorReason`, kebab-case), the reason is that exact
 * string; our own causes, and the verifier's codes it passes through, are snake_case.
 *
 * - `session-token-and-uat-missing`: no `Authorization: Bearer` token, no `__session` cookie and no signed-in
 *   `__client_uat` (Clerk's name; was `token_missing`).
 * - `request_invalid`: the request cannot be read: not a Fetch API `Request` (a plain object or Node's
 *   `IncomingMessage`: use an adapter or `authenticateParts`), or a `Cookie` header over 64 KiB.
 * - `authorization_header_invalid`: an `Authorization` header that is not one `Bearer <token>` (another
 *   scheme, an empty token, several values).
 * - `session-token-expired-refresh-<why>`: the session token has expired (refresh it on the client and retry);
 *   `<why>` is the refresh outcome, as Clerk names it (`non-eligible-no-refresh-cookie` for a Bearer token,
 *   `non-eligible-non-get` for a POST…). Was `session_token_expired`.
 * - `session-token-nbf`, `session-token-iat-in-the-future`: the session token is not valid yet (was the
 *   verifier's `token_not_active_yet`, `token_iat_in_the_future`).
 * - `session_id_mismatch`: the `_clerk_session_id` query parameter names another session than the token's `sid`.
 * - `session_pending`: not a reason of the request state; given by `toAuth()` when a pending session
 *   is treated as signed out.
 * - `token-type-mismatch`: the token's type is not one `acceptsToken` allows (a machine token where a
 *   session is expected, or the reverse, or a machine token in a cookie).
 * - `machine_token_invalid`: an `ak_`/`mt_`/`oat_` token the Backend API does not know, or a machine JWT that fails verification.
 * - `machine_token_revoked`, `machine_token_expired`: the Backend API knows the token but it may no longer be used.
 * - `machine_verification_unavailable`: a machine token arrived but no client was given to verify it,
 *   or the Backend API could not be reached.
 * - `options_invalid`: the options of the convenience `authenticateRequest` are unusable.
 * - every other {@link TokenErrorCode} of the session token verifier, as is.
 * - cookie sessions: a {@link HandshakeReason} (`@clerk/backend`'s strings) when a handshake was needed
 *   but the request is not a page load (or no publishable key is known, or the redirect loop limit was
 *   reached), and a {@link HandshakeRefusal} when the return trip of a handshake is refused.
 *
 * @example
 * const reason: RequestAuthReason = 'session-token-and-uat-missing';
 */
export type RequestAuthReason =
  | 'request_invalid'
  | 'authorization_header_invalid'
  | 'session_id_mismatch'
  | 'session_pending'
  | 'token-type-mismatch'
  | 'machine_token_invalid'
  | 'machine_token_revoked'
  | 'machine_token_expired'
  | 'machine_verification_unavailable'
  | Exclude<TokenErrorCode, 'token_expired' | 'token_not_active_yet' | 'token_iat_in_the_future' | 'token_type_mismatch'>
  | HandshakeReason
  | HandshakeRefusal;

/**
 * A reason with its human message; the message never holds a token or a secret.
 *
 * @example
 * const failure: AuthFailure = { reason: 'session-token-and-uat-missing', message: 'No session token in the request.' };
 */
export interface AuthFailure {
  reason: RequestAuthReason;
  message: string;
}

/**
 * Maps a verifier error of a session token to a request reason with `@clerk/backend`'s names where it has one
 * (its `convertTokenVerificationErrorReasonToAuthErrorReason`): the time claims become `session-token-*`, the
 * expiry naming the refresh outcome; a token of another kind is `token-type-mismatch`. Other codes pass as they are.
 *
 * @example
 * toRequestReason('token_expired'); // 'session-token-expired-refresh-non-eligible-no-refresh-cookie'
 */
export function toRequestReason(code: TokenErrorCode, refresh: RefreshFailure = 'non-eligible-no-refresh-cookie'): RequestAuthReason {
  switch (code) {
    case 'token_expired':
      return `session-token-expired-refresh-${refresh}`;
    case 'token_not_active_yet':
      return 'session-token-nbf';
    case 'token_iat_in_the_future':
      return 'session-token-iat-in-the-future';
    case 'token_type_mismatch':
      return 'token-type-mismatch';
    default:
      return code;
  }
}

/**
 * The refresh outcome Clerk names in the reason of an expired token that no refresh was tried for: a request
 * other than a GET is not eligible, a GET had no `__refresh` cookie (a Bearer token never has one here).
 *
 * @example
 * notRefreshed('POST'); // 'non-eligible-non-get'
 */
export function notRefreshed(method: string | undefined): RefreshFailure {
  return method !== undefined && method.toUpperCase() !== 'GET' ? 'non-eligible-non-get' : 'non-eligible-no-refresh-cookie';
}
