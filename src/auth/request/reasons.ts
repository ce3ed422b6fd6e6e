import type { TokenErrorCode } from '../errors.js';
import type { HandshakeReason, HandshakeRefusal } from './handshake/names.js';

/**
 * Why a request is signed out; a closed union, one code per cause, so handlers can switch on it.
 *
 * - `token_missing`: no `Authorization: Bearer` token and no `__session` cookie.
 * - `request_invalid`: the request cannot be read: not a Fetch API `Request` (a plain object or Node's
 *   `IncomingMessage`: use an adapter or `authenticateParts`), or a `Cookie` header over 64 KiB.
 * - `authorization_header_invalid`: an `Authorization` header that is not one `Bearer <token>` (another
 *   scheme, an empty token, several values).
 * - `session_token_expired`: the session token has expired (refresh it on the client and retry).
 * - `session_id_mismatch`: the `_clerk_session_id` query parameter names another session than the token's `sid`.
 * - `session_pending`: not a reason of the request state; given by `toAuth()` when a pending session
 *   is treated as signed out.
 * - `token_type_mismatch`: the token's type is not one `acceptsToken` allows (a machine token where a
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
 * const reason: RequestAuthReason = 'session_token_expired';
 */
export type RequestAuthReason =
  | 'token_missing'
  | 'request_invalid'
  | 'authorization_header_invalid'
  | 'session_token_expired'
  | 'session_id_mismatch'
  | 'session_pending'
  | 'token_type_mismatch'
  | 'machine_token_invalid'
  | 'machine_token_revoked'
  | 'machine_token_expired'
  | 'machine_verification_unavailable'
  | Exclude<TokenErrorCode, 'token_expired'>
  | HandshakeReason
  | HandshakeRefusal;

/**
 * A reason with its human message; the message never holds a token or a secret.
 *
 * @example
 * const failure: AuthFailure = { reason: 'token_missing', message: 'No session token in the request.' };
 */
export interface AuthFailure {
  reason: RequestAuthReason;
  message: string;
}

/**
 * Maps a verifier error to a request reason: an expired session token gets its own code, as in Clerk's SDKs.
 *
 * @example
 * toRequestReason('token_expired'); // 'session_token_expired'
 */
export function toRequestReason(code: TokenErrorCode): RequestAuthReason {
  return code === 'token_expired' ? 'session_token_expired' : code;
}
