import type { Result } from '../../../kernel/result.js';
import type { VerifiedSession } from '../../claims.js';
import type { TokenError } from '../../errors.js';
import { handshakeState } from '../request-state.js';
import type { CookieOutcome } from './cookie-outcome.js';
import type { CookieFlow } from './handshake-redirect.js';
import { COOKIE, PARAM } from './names.js';
import type { HandshakeNonceResolver } from './nonce-payload.js';
import type { HandshakeVerifier } from './verify-handshake-token.js';

/**
 * Where the return trip of a handshake comes from: the query (`__clerk_handshake`, `__clerk_handshake_nonce`)
 * or the cookies of the same names.
 *
 * @example
 * const back: HandshakeReturn = { token: undefined, nonce: 'n_1', fromQuery: true };
 */
export interface HandshakeReturn {
  token: string | undefined;
  nonce: string | undefined;
  fromQuery: boolean;
}

/**
 * What resolving a handshake needs: the verifier of handshake tokens, the nonce resolver, and the session verifier.
 *
 * @example
 * const tools: HandshakeTools = { verifyHandshake, resolveNonce, verifySession };
 */
export interface HandshakeTools {
  verifyHandshake: HandshakeVerifier;
  resolveNonce: HandshakeNonceResolver;
  verifySession(token: string): Promise<Result<VerifiedSession, TokenError>>;
}

// Only Clerk's own cookies are applied: a payload can never set another cookie of the application.
const ALLOWED = /^(?:__session|__client_uat|__clerk_db_jwt|__refresh)(?:_[A-Za-z0-9_-]{8})?$/;
const CLEARABLE: ReadonlySet<string> = new Set([COOKIE.handshake, COOKIE.handshakeNonce]);

/**
 * Resolves the return trip of a handshake as `@clerk/backend`'s `resolveHandshake` does, with stricter rules:
 * the payload comes from a verified handshake token or the Backend API's answer for the nonce; only Clerk's
 * cookies are applied; a page that came back with the parameters in its URL is redirected to the same URL
 * without them (a `handshake` state with reason `handshake-applied`). A forged, expired or foreign token or
 * an unresolved nonce changes no cookie: signed out with `handshake-token-invalid` / `handshake-nonce-unresolved`,
 * except a production handshake cookie, which may belong to an app on a sibling domain: then `undefined`,
 * and the request is decided by its other cookies (Clerk does the same).
 *
 * @example
 * const outcome = await resolveHandshake(back, flow, tools);
 */
export async function resolveHandshake(back: HandshakeReturn, flow: CookieFlow, tools: HandshakeTools): Promise<CookieOutcome | undefined> {
  let directives: readonly string[] | undefined;
  let refusal: 'handshake-token-invalid' | 'handshake-nonce-unresolved';
  let message: string;
  if (back.nonce !== undefined) {
    directives = await tools.resolveNonce(back.nonce);
    refusal = 'handshake-nonce-unresolved';
    message = 'The Backend API gave no handshake payload for this nonce.';
  } else {
    const verified = await tools.verifyHandshake(back.token ?? '');
    directives = verified.data;
    refusal = 'handshake-token-invalid';
    message = verified.errors ? `The handshake token was refused: ${verified.errors[0].message}` : '';
  }
  if (directives === undefined) {
    if (!back.fromQuery && flow.instance.instanceType === 'production') return undefined;
    return { type: 'signed-out', failure: { reason: refusal, message }, headers: undefined };
  }
  const cookies = directives.filter(isClerkCookie);
  const sessionToken = pickSession(cookies, flow.jar.suffixed);
  let verified: Result<VerifiedSession, TokenError> | undefined;
  if (sessionToken !== undefined) {
    verified = await tools.verifySession(sessionToken);
    if (verified.errors) {
      const failure = {
        reason: 'handshake-payload-invalid' as const,
        message: `The session of the handshake was refused: ${verified.errors[0].message}`,
      };
      return { type: 'signed-out', failure, headers: undefined };
    }
  }
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  const here = flow.view.url();
  if (back.fromQuery && here !== undefined) {
    const clean = new URL(here);
    for (const name of [PARAM.handshake, PARAM.handshakeHelp, PARAM.devBrowser, PARAM.handshakeNonce]) clean.searchParams.delete(name);
    headers.set('location', clean.href);
    headers.set('cache-control', 'no-store');
    return { type: 'state', state: handshakeState('handshake-applied', '', headers), failure: undefined };
  }
  if (verified?.data === undefined || sessionToken === undefined) {
    return { type: 'signed-out', failure: { reason: 'session-token-missing', message: 'The handshake signed the client out.' }, headers };
  }
  return { type: 'signed-in', token: sessionToken, session: verified.data, headers };
}

/**
 * Whether a `Set-Cookie` line is one of Clerk's cookies on one line (never another cookie of the application).
 *
 * @example
 * isClerkCookie('__session=eyJ…; Path=/'); // true
 */
export function isClerkCookie(line: string): boolean {
  // One header line: CR, LF or NUL would split it into more (response splitting).
  if (/[\r\n\0]/.test(line)) return false;
  const name = cookieName(line);
  if (ALLOWED.test(name)) return true;
  // Clearing the handshake cookies themselves is allowed; setting them is not.
  return CLEARABLE.has(name) && cookieValue(line) === '';
}

function cookieName(line: string): string {
  const equals = line.indexOf('=');
  return equals === -1 ? '' : line.slice(0, equals).trim();
}

function cookieValue(line: string): string {
  const start = line.indexOf('=') + 1;
  const end = line.indexOf(';', start);
  return (end === -1 ? line.slice(start) : line.slice(start, end)).trim();
}

/**
 * The session cookie of a payload: the suffixed one when the request uses suffixed cookies, else the plain one.
 *
 * @example
 * pickSession(['__session=eyJ…'], false); // 'eyJ…'
 */
export function pickSession(cookies: readonly string[], suffixed: boolean): string | undefined {
  let plain: string | undefined;
  let withSuffix: string | undefined;
  for (const line of cookies) {
    const name = cookieName(line);
    if (!name.startsWith(COOKIE.session)) continue;
    const value = cookieValue(line);
    if (name === COOKIE.session) plain = value;
    else withSuffix = value;
  }
  const chosen = suffixed ? (withSuffix ?? plain) : (plain ?? withSuffix);
  return chosen === '' ? undefined : chosen;
}
