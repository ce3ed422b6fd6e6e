import type { RequestState } from './request-state.js';

/**
 * A loggable summary of a request state: status, reason, message and token kind, and for a signed-in
 * session the user and session ids. It never holds the token or any secret.
 *
 * @example
 * console.log(debugRequestState(state)); // { status: 'signed-out', reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie', … }
 */
export function debugRequestState(state: RequestState): {
  status: RequestState['status'];
  reason: string | undefined;
  message: string | undefined;
  tokenType: string | undefined;
  isAuthenticated: boolean;
  subject: string | undefined;
} {
  let subject: string | undefined;
  if (state.status === 'signed-in') {
    const auth = state.toAuth({ treatPendingAsSignedOut: false });
    subject = auth.tokenType === 'session_token' ? auth.userId : auth.subject;
  }
  return {
    status: state.status,
    reason: state.reason,
    message: state.message,
    tokenType: state.tokenType,
    isAuthenticated: state.isAuthenticated,
    subject,
  };
}
