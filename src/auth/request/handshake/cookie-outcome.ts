// What deciding a request by its cookies can end in; its own module because both the cookie flow and the
// handshake return (resolve-handshake.ts) produce it.
import type { VerifiedSession } from '../../claims.js';
import type { AuthFailure } from '../reasons.js';
import type { HandshakeState, SignedOutState } from '../request-state.js';
import type { TokenType } from '../token-types.js';

/**
 * The outcome of a cookie-session request: an answer already made (a handshake, or signed out with a
 * reason), or a verified session for the caller to turn into a signed-in state.
 *
 * @example
 * if (outcome.type === 'signed-in') console.log(outcome.session.userId);
 */
export type CookieOutcome =
  | { type: 'state'; state: HandshakeState | SignedOutState; failure: AuthFailure | undefined }
  | { type: 'signed-in'; token: string; session: VerifiedSession; headers: Headers | undefined }
  | { type: 'signed-out'; failure: AuthFailure; headers: Headers | undefined; tokenType?: TokenType | undefined };
