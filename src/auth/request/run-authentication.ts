import { isPromiseLike } from '../../kernel/guards.js';
import type { Result } from '../../kernel/result.js';
import type { VerifiedSession } from '../claims.js';
import type { TokenError } from '../errors.js';
import { sessionAuthObject, signedOutAuthObject, type SessionTokenClient } from './auth-object.js';
import { cookieSuffix } from './cookie-suffix.js';
import { decideCookieSession, type CookieSessionInput } from './handshake/cookie-session.js';
import { resolveInstance, type InstanceConfig } from './handshake/instance.js';
import { createRequestView, isDocumentRequest } from './handshake/request-view.js';
import { machineAuthObject } from './machine-auth-object.js';
import type { MachineTokenVerifier } from './machine-tokens.js';
import { MAX_COOKIE_HEADER_LENGTH, parseCookies } from './parse-cookies.js';
import { cookieHeaderText, readToken, type FoundToken, type RequestParts } from './read-token.js';
import { notRefreshed, toRequestReason, type AuthFailure } from './reasons.js';
import { signedInState, signedOutState, type RequestState } from './request-state.js';
import { emitAuthEvent, type AuthEventHook } from './security-events.js';
import { reportServerSide } from './report-server-side.js';
import type { AuthLogger } from '../key-source.js';
import { classifyToken, isAccepted, type TokenKind, type TokenType } from './token-types.js';

/**
 * Everything one authentication needs, resolved from the options.
 *
 * @example
 * const state = await runAuthentication(parts, context);
 */
export interface AuthenticationContext {
  accepts: readonly TokenType[] | 'any';
  verifySession(token: string): Promise<Result<VerifiedSession, TokenError>>;
  machine: MachineTokenVerifier;
  client: Partial<SessionTokenClient> | undefined;
  publishableKey: string | undefined;
  onAuthEvent: AuthEventHook | undefined;
  /** Where a failure of the server's own (machine verification unavailable, unusable options) is reported, once per window. */
  logger?: AuthLogger | undefined;
  /** Cookie sessions: the instance and multi-domain settings (handshake, `__client_uat`, satellites). */
  instance?: InstanceConfig | undefined;
  now?: (() => number) | undefined;
  /** Cookie sessions: resolving the return trip of a handshake. */
  handshake?: CookieSessionInput['handshake'];
  /** Cookie sessions: `organizationSyncOptions`, compiled. */
  matchOrganization?: CookieSessionInput['matchOrganization'];
}

const SESSION_COOKIE = '__session';

/**
 * Finds the one token of a request, checks that its kind is accepted from where it was found, verifies
 * it, and builds the request state; reports the outcome to the audit hook. Never throws.
 *
 * @example
 * const state = await runAuthentication({ authorization: 'Bearer eyJ…', cookie: undefined, sessionIdParam: undefined }, context);
 */
export async function runAuthentication(parts: RequestParts, context: AuthenticationContext): Promise<RequestState> {
  let source: FoundToken['source'] | undefined;
  let kind: TokenKind | undefined;
  try {
    if ((parts.authorization === undefined || parts.authorization === null) && isAccepted('session_token', context.accepts)) {
      const cookie = cookieHeaderText(parts.cookie);
      // No cookie at all and no page load: nothing to decide, the plain "no token" answer.
      if (cookie !== undefined || isDocumentRequest(createRequestView(parts))) {
        source = 'cookie';
        kind = { type: 'session_token', form: 'jwt' };
        return await authenticateCookies(cookie, parts, context);
      }
    }
    const pending = findToken(parts, context);
    // Read without an `await` when no cookie suffix had to be computed (every Authorization header request).
    const found = isPromiseLike(pending) ? await pending : pending;
    if ('reason' in found) return reject(context, found, undefined, undefined);
    source = found.source;
    kind = quickKind(found.token, context.accepts);
    // Machine tokens are bearer credentials for APIs: never read from a cookie, never a session (C.22).
    if (kind.type !== 'session_token' && (source === 'cookie' || !isAccepted(kind.type, context.accepts))) {
      return reject(context, mismatch(kind.type, source), kind.type, source);
    }
    if (kind.type === 'session_token') {
      if (!isAccepted('session_token', context.accepts)) return reject(context, mismatch('session_token', source), 'session_token', source);
      return await authenticateSession(found, parts, context);
    }
    const verified = await context.machine.verify(kind as TokenKind & { type: Exclude<TokenType, 'session_token'> }, found.token);
    if ('reason' in verified) return reject(context, verified, kind.type, source);
    emit(context, 'request_verified', undefined, kind.type, source, verified.data.subject);
    const auth = machineAuthObject(verified.data, found.token);
    return signedInState(found.token, kind.type, () => auth);
  } catch {
    return reject(
      context,
      { reason: 'options_invalid', message: 'Authentication could not run: an injected option failed.' },
      kind?.type,
      source,
    );
  }
}

const NO_COOKIES: ReadonlyMap<string, string> = new Map();

function findToken(parts: RequestParts, context: AuthenticationContext): FoundToken | AuthFailure | Promise<FoundToken | AuthFailure> {
  const header = cookieHeaderText(parts.cookie);
  // Without a cookie header the suffix is never needed: skip the digest on the (common) header-only path.
  if (header === undefined || (parts.authorization !== undefined && parts.authorization !== null)) {
    return readToken(parts, NO_COOKIES, []);
  }
  if (header.length > MAX_COOKIE_HEADER_LENGTH) return cookieTooLong();
  if (context.publishableKey === undefined) return readToken(parts, parseCookies(header), [SESSION_COOKIE]);
  return cookieSuffix(context.publishableKey).then((suffix) =>
    readToken(parts, parseCookies(header), suffix === undefined ? [SESSION_COOKIE] : [`${SESSION_COOKIE}_${suffix}`, SESSION_COOKIE]),
  );
}

/**
 * Opaque prefixes are recognised at once; JWTs are decoded to tell machine from session only when a
 * machine kind is accepted. Otherwise the session verifier refuses machine JWTs itself (`typ`, `cat`, `mch_`).
 */
function quickKind(token: string, accepts: AuthenticationContext['accepts']): TokenKind {
  if (token.startsWith('ak_') || token.startsWith('mt_') || token.startsWith('oat_')) return classifyToken(token);
  if (accepts !== 'any' && accepts.length === 1 && accepts[0] === 'session_token') return { type: 'session_token', form: 'jwt' };
  return classifyToken(token);
}

async function authenticateCookies(cookie: string | undefined, parts: RequestParts, context: AuthenticationContext): Promise<RequestState> {
  // Refused, not parsed as empty: a __session past the cap must not read as "no cookie" (issue #22 item 11).
  if (cookie !== undefined && cookie.length > MAX_COOKIE_HEADER_LENGTH) return reject(context, cookieTooLong(), undefined, 'cookie');
  const suffix = context.publishableKey === undefined ? undefined : await cookieSuffix(context.publishableKey);
  const outcome = await decideCookieSession(parts, parseCookies(cookie), {
    instance: context.instance ?? plainInstance(context.publishableKey),
    suffix,
    nowMs: (context.now ?? Date.now)(),
    verifySession: context.verifySession,
    handshake: context.handshake,
    matchOrganization: context.matchOrganization,
    client: context.client,
  });
  if (outcome.type === 'signed-in') return signIn(outcome.token, 'cookie', outcome.session, parts, context, outcome.headers);
  if (outcome.type === 'signed-out') {
    const type = outcome.failure.reason === 'session-token-and-uat-missing' ? undefined : (outcome.tokenType ?? 'session_token');
    emit(context, 'request_rejected', outcome.failure.reason, type, 'cookie', undefined);
    return signedOutState(outcome.failure, type, outcome.headers);
  }
  emit(context, 'request_rejected', outcome.state.reason, 'session_token', 'cookie', undefined);
  return outcome.state;
}

function plainInstance(publishableKey: string | undefined): InstanceConfig {
  const instance = resolveInstance({ publishableKey });
  return typeof instance === 'string' ? (resolveInstance({}) as InstanceConfig) : instance;
}

async function authenticateSession(found: FoundToken, parts: RequestParts, context: AuthenticationContext): Promise<RequestState> {
  const wanted = parts.sessionIdParam;
  // A repeated parameter: the application may read another value than the one checked here (SECURITY G.43).
  if (typeof wanted === 'object' && wanted !== null) {
    const failure: AuthFailure = { reason: 'session_id_mismatch', message: 'The _clerk_session_id parameter is repeated.' };
    return reject(context, failure, 'session_token', found.source);
  }
  const result = await context.verifySession(found.token);
  if (result.errors) {
    const error = result.errors[0];
    // A machine JWT refused by the session verifier is reported as the machine kind it is.
    const type = error.code === 'token_type_mismatch' ? classifyToken(found.token).type : 'session_token';
    const reason = toRequestReason(error.code, notRefreshed(parts.method));
    return reject(context, { reason, message: error.message }, type, found.source);
  }
  return signIn(found.token, found.source, result.data, parts, context, undefined);
}

function signIn(
  token: string,
  source: FoundToken['source'],
  session: VerifiedSession,
  parts: RequestParts,
  context: AuthenticationContext,
  headers: Headers | undefined,
): RequestState {
  const found = { token, source };
  const wanted = parts.sessionIdParam;
  // A repeated parameter: the application may read another value than the one checked here (SECURITY G.43).
  if (typeof wanted === 'object' && wanted !== null) {
    const failure: AuthFailure = { reason: 'session_id_mismatch', message: 'The _clerk_session_id parameter is repeated.' };
    return reject(context, failure, 'session_token', found.source);
  }
  // Multi-session apps name the session a request is for; a token of another session of the same user is refused.
  if (typeof wanted === 'string' && wanted !== '' && wanted !== session.sessionId) {
    const failure: AuthFailure = {
      reason: 'session_id_mismatch',
      message: 'The _clerk_session_id parameter names another session than the token.',
    };
    return reject(context, failure, 'session_token', found.source);
  }
  emit(context, 'request_verified', undefined, 'session_token', found.source, session.userId);
  const client = context.client?.sessions === undefined ? undefined : (context.client as SessionTokenClient);
  return signedInState(
    found.token,
    'session_token',
    ({ treatPendingAsSignedOut = true }) => {
      const auth = sessionAuthObject(session, { token: found.token, client });
      return treatPendingAsSignedOut && auth.sessionStatus === 'pending' ? signedOutAuthObject('pending') : auth;
    },
    headers,
  );
}

function cookieTooLong(): AuthFailure {
  return { reason: 'request_invalid', message: `The Cookie header is longer than ${MAX_COOKIE_HEADER_LENGTH} characters.` };
}

function mismatch(type: TokenType, source: FoundToken['source']): AuthFailure {
  const where =
    source === 'cookie' && type !== 'session_token'
      ? 'Machine tokens are only accepted in the Authorization header.'
      : `This route does not accept a ${type}.`;
  return { reason: 'token-type-mismatch', message: where };
}

function reject(
  context: AuthenticationContext,
  failure: AuthFailure,
  type: TokenType | undefined,
  source: FoundToken['source'] | undefined,
): RequestState {
  emit(context, 'request_rejected', failure.reason, type, source, undefined);
  reportServerSide(context.logger, failure, type, context.now ?? Date.now);
  return signedOutState(failure, type);
}

function emit(
  context: AuthenticationContext,
  type: 'request_verified' | 'request_rejected',
  reason: AuthFailure['reason'] | undefined,
  tokenType: TokenType | undefined,
  tokenSource: FoundToken['source'] | undefined,
  subject: string | undefined,
): void {
  // No event object at all without a hook: this runs on every request.
  if (context.onAuthEvent !== undefined) emitAuthEvent(context.onAuthEvent, { type, reason, tokenType, tokenSource, subject });
}
