import { defineRedactedView } from '../../kernel/redacted-view.js';
import { signedOutAuthObject, type SessionAuthObject } from './auth-object.js';
import type { MachineAuthObject } from './machine-auth-object.js';
import type { HandshakeReason } from './handshake/names.js';
import type { AuthFailure, RequestAuthReason } from './reasons.js';
import type { TokenType } from './token-types.js';

/**
 * Options of `toAuth()`.
 *
 * @example
 * const auth = state.toAuth({ treatPendingAsSignedOut: false });
 */
export interface ToAuthOptions {
  /** A session with status `pending` (tasks left, e.g. choosing an organization) counts as signed out. Default `true`. */
  treatPendingAsSignedOut?: boolean | undefined;
}

/**
 * The auth object of any request: a session (signed in or out) or a verified machine token.
 *
 * @example
 * const auth: AuthObject = state.toAuth();
 * if (auth.tokenType === 'session_token' && auth.isAuthenticated) console.log(auth.userId);
 */
export type AuthObject = SessionAuthObject | MachineAuthObject;

/**
 * A request that carried an accepted, verified token.
 *
 * @example
 * if (state.status === 'signed-in') console.log(state.tokenType);
 */
export interface SignedInState {
  readonly status: 'signed-in';
  readonly reason: undefined;
  readonly message: undefined;
  /** The exact token that was verified (not enumerable: never included by a spread, `JSON.stringify` or `util.inspect`). */
  readonly token: string;
  readonly tokenType: TokenType;
  readonly isAuthenticated: true;
  /** `x-clerk-auth-status`, `x-clerk-auth-reason` and `x-clerk-auth-message` for the response. */
  readonly headers: Headers;
  toAuth(options?: ToAuthOptions): AuthObject;
}

/**
 * A request without an accepted, verified token, and why.
 *
 * @example
 * if (state.status === 'signed-out') console.log(state.reason);
 */
export interface SignedOutState {
  readonly status: 'signed-out';
  readonly reason: RequestAuthReason;
  readonly message: string;
  readonly token: undefined;
  /** The kind of token that was refused, when one was found. */
  readonly tokenType: TokenType | undefined;
  readonly isAuthenticated: false;
  readonly headers: Headers;
  toAuth(options?: ToAuthOptions): SessionAuthObject;
}

/**
 * A browser page load whose cookies need refreshing by Clerk's Frontend API: answer it with a `307`
 * redirect carrying {@link HandshakeState.headers} (`Location`, `Set-Cookie`, `Cache-Control`) before any
 * route runs. Only document requests of cookie sessions get it; the adapters send the redirect themselves.
 *
 * @example
 * if (state.status === 'handshake') return new Response(null, { status: 307, headers: state.headers });
 */
export interface HandshakeState {
  readonly status: 'handshake';
  /** Why, as `@clerk/backend` names it (`session-token-expired-refresh-…`, `client-uat-but-no-session-token`, …). */
  readonly reason: HandshakeReason;
  readonly message: string;
  readonly token: undefined;
  readonly tokenType: 'session_token';
  readonly isAuthenticated: false;
  /** `Location` (the Frontend API or the sync target), `Cache-Control: no-store`, and `Set-Cookie` where cookies change. */
  readonly headers: Headers;
  /** Signed out: the request is answered by the redirect, no route should see a user. */
  toAuth(options?: ToAuthOptions): SessionAuthObject;
}

/**
 * The outcome of `authenticateRequest`.
 *
 * @example
 * const state: RequestState = await authenticateRequest(request, { jwtKey });
 */
export type RequestState = SignedInState | SignedOutState | HandshakeState;

/**
 * Builds a signed-in state; `makeAuth` runs on each `toAuth()` call.
 *
 * @example
 * const state = signedInState(token, 'session_token', (options) => signedInAuthObject(claims, { token }));
 */
export function signedInState(
  token: string,
  tokenType: TokenType,
  makeAuth: (options: ToAuthOptions) => AuthObject,
  extraHeaders?: Headers,
): SignedInState {
  // Built on first read: most signed-in requests never send these headers, and a `Headers` costs more to build
  // than the rest of the state (measured in bench/http).
  let headers: Headers | undefined;
  const buildHeaders = (): Headers => {
    const built = new Headers({ 'x-clerk-auth-status': 'signed-in' });
    extraHeaders?.forEach((value, name) => (name === 'set-cookie' ? undefined : built.set(name, value)));
    for (const cookie of extraHeaders?.getSetCookie() ?? []) built.append('set-cookie', cookie);
    return built;
  };
  const state = {
    status: 'signed-in',
    reason: undefined,
    message: undefined,
    tokenType,
    isAuthenticated: true,
    get headers(): Headers {
      headers ??= buildHeaders();
      return headers;
    },
    toAuth: (options: ToAuthOptions = {}) => makeAuth(options ?? {}),
  } as Omit<SignedInState, 'token'> as SignedInState;
  // Readable as `state.token`, but not enumerable: spreading, `Object.entries` or a logger that walks the state
  // never copies the verified token.
  Object.defineProperty(state, 'token', { value: token });
  if (extraHeaders !== undefined) EXTRA_HEADERS.set(state, extraHeaders);
  return defineRedactedView(state, { type: 'RequestState', status: 'signed-in', tokenType });
}

/** The headers a signed-in state was built with (a handshake's return trip), for {@link responseCookies}. */
const EXTRA_HEADERS = new WeakMap<SignedInState, Headers>();

/**
 * The `Set-Cookie` lines a state asks the response to carry (`state.headers.getSetCookie()`), without building the
 * headers of a signed-in state, which most requests never send.
 *
 * @example
 * const cookies = responseCookies(state);
 * if (cookies.length > 0) res.setHeader('set-cookie', cookies);
 */
export function responseCookies(state: RequestState): string[] {
  if (state.status !== 'signed-in') return state.headers.getSetCookie();
  return EXTRA_HEADERS.get(state)?.getSetCookie() ?? [];
}

/**
 * Reasons that say the server cannot verify anything (its keys, its options, its way to reach Clerk), not that
 * the request is bad. Their messages describe the server's configuration, so the response header carries a
 * neutral sentence; the detailed message stays on `state.message` for the server's own log.
 */
const SERVER_SIDE_REASONS: ReadonlySet<RequestAuthReason> = new Set<RequestAuthReason>([
  'jwk_invalid',
  'jwks_fetch_failed',
  'jwks_timeout',
  'secret_key_invalid',
  'options_invalid',
  'machine_verification_unavailable',
]);

/** The `x-clerk-auth-message` a client may see for a failure. */
function clientMessage(failure: AuthFailure): string {
  return SERVER_SIDE_REASONS.has(failure.reason) ? 'The server could not verify this request; see the server log.' : failure.message;
}

/**
 * Builds a signed-out state with its reason headers.
 *
 * @example
 * const state = signedOutState({ reason: 'session-token-and-uat-missing', message: 'No token.' }, undefined);
 */
export function signedOutState(failure: AuthFailure, tokenType: TokenType | undefined, extraHeaders?: Headers): SignedOutState {
  const headers = new Headers({
    'x-clerk-auth-status': 'signed-out',
    'x-clerk-auth-reason': failure.reason,
    'x-clerk-auth-message': headerSafe(clientMessage(failure)),
  });
  extraHeaders?.forEach((value, name) => (name === 'set-cookie' ? undefined : headers.set(name, value)));
  for (const cookie of extraHeaders?.getSetCookie() ?? []) headers.append('set-cookie', cookie);
  const state: SignedOutState = {
    status: 'signed-out',
    reason: failure.reason,
    message: failure.message,
    token: undefined,
    tokenType,
    isAuthenticated: false,
    headers,
    toAuth: () => signedOutAuthObject(),
  };
  return defineRedactedView(state, { type: 'RequestState', status: 'signed-out', reason: failure.reason });
}

/**
 * Builds a handshake state: `headers` hold the redirect (`Location`, `Set-Cookie`, `Cache-Control`) and
 * the `x-clerk-auth-*` headers.
 *
 * @example
 * const state = handshakeState('client-uat-but-no-session-token', '', new Headers({ location: 'https://clerk.example.com/v1/client/handshake?…' }));
 */
export function handshakeState(reason: HandshakeReason, message: string, redirect: Headers): HandshakeState {
  const headers = new Headers(redirect);
  headers.set('x-clerk-auth-status', 'handshake');
  headers.set('x-clerk-auth-reason', reason);
  if (message !== '') headers.set('x-clerk-auth-message', headerSafe(message));
  const state: HandshakeState = {
    status: 'handshake',
    reason,
    message,
    token: undefined,
    tokenType: 'session_token',
    isAuthenticated: false,
    headers,
    toAuth: () => signedOutAuthObject(),
  };
  return defineRedactedView(state, { type: 'RequestState', status: 'handshake', reason });
}

/** Header values must be printable ASCII here (messages may hold an en dash, say); anything else becomes `?`. */
function headerSafe(message: string): string {
  return message.replace(/[^\x20-\x7E]/g, '?');
}
