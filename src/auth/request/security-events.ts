import type { RequestAuthReason } from './reasons.js';
import type { TokenType } from './token-types.js';

/**
 * One authentication outcome, for audit logs and metrics. It never holds a token or a secret:
 * only the outcome, the reason code, the token kind and where it was found, and the subject id.
 *
 * @example
 * const event: AuthEvent = { type: 'request_rejected', reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie', tokenType: 'session_token', tokenSource: 'cookie', subject: undefined };
 */
export interface AuthEvent {
  type: 'request_verified' | 'request_rejected';
  reason: RequestAuthReason | undefined;
  tokenType: TokenType | undefined;
  tokenSource: 'header' | 'cookie' | undefined;
  /** `user_…` for sessions, the token subject for machine tokens; only on verified requests. */
  subject: string | undefined;
}

/**
 * Receives {@link AuthEvent}s; anything it throws or rejects with is ignored.
 *
 * @example
 * const onAuthEvent: AuthEventHook = (event) => console.info('auth', event.type, event.reason);
 */
export type AuthEventHook = (event: AuthEvent) => void | Promise<void>;

/**
 * Calls the hook without letting it change the outcome: a throw or a rejected promise is swallowed.
 *
 * @example
 * emitAuthEvent(options.onAuthEvent, event);
 */
export function emitAuthEvent(hook: AuthEventHook | undefined, event: AuthEvent): void {
  if (hook === undefined) return;
  try {
    const pending = hook(Object.freeze(event));
    if (pending !== undefined && typeof (pending as Promise<void>).then === 'function')
      (pending as Promise<void>).then(undefined, () => undefined);
  } catch {
    // A logging hook must never turn a verified request into a failure, or the reverse.
  }
}
