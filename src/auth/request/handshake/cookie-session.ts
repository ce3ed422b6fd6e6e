import type { Result } from '../../../kernel/result.js';
import type { VerifiedSession } from '../../claims.js';
import { decodeJwt } from '../../decode-jwt.js';
import type { TokenError } from '../../errors.js';
import type { AuthFailure } from '../reasons.js';
import type { HandshakeState, SignedOutState } from '../request-state.js';
import { toRequestReason } from '../reasons.js';
import { readClerkCookies } from './clerk-cookies.js';
import { maybeHandshake, type CookieFlow } from './handshake-redirect.js';
import type { InstanceConfig } from './instance.js';
import { HANDSHAKE_REASON, MAX_HANDSHAKE_REDIRECTS, PARAM, type HandshakeReason, type RefreshFailure } from './names.js';
import { canRefresh, refreshSession } from './refresh-session.js';
import { resolveHandshake, type HandshakeTools } from './resolve-handshake.js';
import { signedInAuthObject } from '../auth-object.js';
import { needsOrganizationActivation, organizationSyncQueryParams, type OrganizationSyncMatcher } from '../organization-sync.js';
import { isCrossOriginReferrer, isKnownClerkReferrer, syncBackTarget } from './referrers.js';
import { createRequestView, isDocumentRequest } from './request-view.js';
import type { RequestParts } from '../read-token.js';
import { classifyToken } from '../token-types.js';
import type { CookieOutcome } from './cookie-outcome.js';

/**
 * What the cookie session flow needs besides the request.
 *
 * @example
 * const outcome = await decideCookieSession(parts, cookies, input);
 */
export interface CookieSessionInput {
  instance: InstanceConfig;
  suffix: string | undefined;
  nowMs: number;
  verifySession(token: string): Promise<Result<VerifiedSession, TokenError>>;
  /** Resolves the return trip of a handshake; without it, handshake parameters are ignored. */
  handshake?: Omit<HandshakeTools, 'verifySession'> | undefined;
  /** A Backend API client that can refresh sessions (`sessions.refreshSession`); without it, no refresh. */
  client?: unknown;
  /** `organizationSyncOptions`, compiled: the organization a URL asks to activate. */
  matchOrganization?: OrganizationSyncMatcher | undefined;
}

const MACHINE_PREFIXES = ['ak_', 'mt_', 'oat_'];

/**
 * Decides a request authenticated by its cookies, as `@clerk/backend`'s `authenticateRequestWithTokenInCookie`
 * does: multi-domain sync, dev-browser, `__client_uat` against the session cookie, verification, then the
 * cross-origin check. Network calls happen only where a decision needs one (never on a plain valid cookie).
 *
 * @example
 * const outcome = await decideCookieSession(parts, parseCookies(header), { instance, suffix, nowMs: Date.now(), verifySession });
 */
export async function decideCookieSession(
  parts: RequestParts,
  cookies: ReadonlyMap<string, string>,
  input: CookieSessionInput,
): Promise<CookieOutcome> {
  const { instance } = input;
  const jar = readClerkCookies(cookies, input.suffix, instance, input.nowMs);
  const view = createRequestView(parts);
  const flow: CookieFlow = { instance, view, jar };
  const dev = instance.instanceType === 'development' && instance.publishableKey !== undefined;
  // Parsing the URL only when a Clerk parameter can be in it keeps the plain cookie request cheap.
  const query = typeof parts.url === 'string' && parts.url.includes('__clerk') ? view.url()?.searchParams : undefined;
  const hasSession = jar.sessionToken !== undefined;
  const hasClient = jar.clientUat > 0;
  // Machine tokens are bearer credentials for APIs, never read from a cookie (SECURITY C.22).
  const cookieToken = jar.sessionToken;
  if (cookieToken !== undefined && MACHINE_PREFIXES.some((prefix) => cookieToken.startsWith(prefix))) {
    const failure: AuthFailure = {
      reason: 'token-type-mismatch',
      message: 'Machine tokens are only accepted in the Authorization header.',
    };
    return { type: 'signed-out', failure, headers: undefined, tokenType: classifyToken(cookieToken).type };
  }
  const state = (answer: HandshakeState | SignedOutState): CookieOutcome => ({
    type: 'state',
    state: answer,
    failure: answer.status === 'signed-out' ? { reason: answer.reason, message: answer.message } : undefined,
  });

  // The return trip of a handshake: apply the cookies it brought (or refuse them) before anything else.
  if (instance.publishableKey !== undefined && input.handshake !== undefined) {
    const token = query?.get(PARAM.handshake) || undefined;
    const nonce = query?.get(PARAM.handshakeNonce) || undefined;
    const back =
      token !== undefined || nonce !== undefined
        ? { token, nonce, fromQuery: true }
        : jar.handshakeToken !== undefined || jar.handshakeNonce !== undefined
          ? { token: jar.handshakeToken, nonce: jar.handshakeNonce, fromQuery: false }
          : undefined;
    if (back !== undefined) {
      const outcome = await resolveHandshake(back, flow, { ...input.handshake, verifySession: input.verifySession });
      if (outcome !== undefined) return outcome;
    }
  }
  // Multi-domain sync: a satellite has no cookies of its own until the primary's session is synced to it.
  if (instance.isSatellite && view.header('sec-fetch-dest') === 'document' && view.method === 'GET') {
    const synced = query?.get(PARAM.synced);
    const needsSync = synced === 'false';
    if (synced !== 'true') {
      const hasCookies = hasSession || hasClient;
      if (!instance.satelliteAutoSync && !hasCookies && !needsSync) return missing();
      if (!hasCookies || needsSync) {
        const target = dev ? signInRedirect(instance, view.url()) : undefined;
        if (dev && target === undefined) return missing();
        return state(maybeHandshake(flow, HANDSHAKE_REASON.satelliteNeedsSyncing, '', target));
      }
    }
  }
  // A development primary sends a satellite back, with the dev-browser token, once the satellite asked to sync.
  const syncBack = query?.get(PARAM.redirectUrl);
  if (dev && !instance.isSatellite && syncBack) {
    const target = syncBackTarget(syncBack, instance, view.url());
    if (target !== undefined) {
      const devBrowser = query?.get(PARAM.devBrowser) || jar.devBrowser;
      if (devBrowser) target.searchParams.append(PARAM.devBrowser, devBrowser);
      target.searchParams.set(PARAM.synced, 'true');
      return state(maybeHandshake(flow, HANDSHAKE_REASON.primaryRespondsToSyncing, '', target));
    }
  }
  if (dev && query?.has(PARAM.devBrowser)) return state(maybeHandshake(flow, HANDSHAKE_REASON.devBrowserSync, ''));
  // Only a page load can fetch a dev browser; other requests are judged by their cookies (Clerk signs them out).
  if (dev && jar.devBrowser === undefined && isDocumentRequest(view)) {
    return state(maybeHandshake(flow, HANDSHAKE_REASON.devBrowserMissing, ''));
  }
  if (!hasClient && !hasSession) return missing();
  if (!hasClient) return state(maybeHandshake(flow, HANDSHAKE_REASON.sessionTokenWithoutClientUat, ''));
  if (!hasSession) return state(maybeHandshake(flow, HANDSHAKE_REASON.clientUatWithoutSessionToken, ''));
  const token = jar.sessionToken as string;
  const decoded = decodeJwt(token);
  if (decoded.errors) return refuse({ reason: toRequestReason(decoded.errors[0].code), message: decoded.errors[0].message });
  const iat = decoded.data.payload['iat'];
  if (typeof iat === 'number' && iat < jar.clientUat) {
    return state(maybeHandshake(flow, HANDSHAKE_REASON.sessionTokenIatBeforeClientUat, ''));
  }
  const verified = await input.verifySession(token);
  if (verified.errors) {
    const error = verified.errors[0];
    // An expired cookie with a __refresh cookie is refreshed through the Backend API first, on a GET (as Clerk).
    let refresh: RefreshFailure | undefined;
    if (error.code === 'token_expired' && view.method === 'GET' && jar.refreshToken !== undefined) {
      if (canRefresh(input.client)) {
        const refreshed = await refreshSession(input.client, token, jar.refreshToken, view, input.verifySession, jar.suffixed);
        if ('token' in refreshed)
          return { type: 'signed-in', token: refreshed.token, session: refreshed.session, headers: refreshed.headers };
        refresh = refreshed.failure;
      } else refresh = 'missing-api-client';
    }
    return afterError(flow, error, state, refuse, refresh);
  }
  if (
    !instance.isSatellite &&
    view.method === 'GET' &&
    view.header('sec-fetch-dest') === 'document' &&
    jar.redirectCount === 0 &&
    isCrossOriginReferrer(view) &&
    !isKnownClerkReferrer(view, instance)
  ) {
    const message = 'Cross-origin request from satellite domain requires handshake';
    return state(maybeHandshake(flow, HANDSHAKE_REASON.primaryDomainCrossOriginSync, message));
  }
  // Organization sync: a page whose URL names another organization than the active one activates it.
  const here = input.matchOrganization === undefined ? undefined : view.url();
  const target = here === undefined ? null : (input.matchOrganization?.(here) ?? null);
  if (target !== null && jar.redirectCount < MAX_HANDSHAKE_REDIRECTS) {
    const auth = signedInAuthObject(verified.data.claims);
    if (auth.userId && needsOrganizationActivation(target, { orgId: auth.orgId ?? undefined, orgSlug: auth.orgSlug ?? undefined })) {
      const params = new Map(organizationSyncQueryParams(target));
      const answer = maybeHandshake(flow, HANDSHAKE_REASON.activeOrganizationMismatch, '', undefined, params);
      if (answer.status === 'handshake') return state(answer);
    }
  }
  return { type: 'signed-in', token, session: verified.data, headers: undefined };
}

function missing(): CookieOutcome {
  return refuse({
    reason: 'session-token-and-uat-missing',
    message: 'The request has no Authorization: Bearer token and no __session cookie.',
  });
}

function refuse(failure: AuthFailure): CookieOutcome {
  return { type: 'signed-out', failure, headers: undefined };
}

const HANDSHAKE_ERRORS: ReadonlySet<string> = new Set(['token_expired', 'token_not_active_yet', 'token_iat_in_the_future']);

/** An expired, not-yet-valid or future-issued cookie is refreshed by a handshake on a page load; other errors sign out. */
function afterError(
  flow: CookieFlow,
  error: TokenError,
  state: (answer: HandshakeState | SignedOutState) => CookieOutcome,
  fail: (failure: AuthFailure) => CookieOutcome,
  refresh: RefreshFailure | undefined,
): CookieOutcome {
  const reason = toRequestReason(error.code, refresh ?? refreshFailure(flow));
  if (!HANDSHAKE_ERRORS.has(error.code)) return fail({ reason, message: error.message });
  // As Clerk: where no handshake can be done, the handshake reason is the signed-out reason too.
  return state(maybeHandshake(flow, reason as HandshakeReason, error.message));
}

function refreshFailure(flow: CookieFlow): RefreshFailure {
  if (flow.view.method !== 'GET') return 'non-eligible-non-get';
  if (flow.jar.refreshToken === undefined) return 'non-eligible-no-refresh-cookie';
  return 'missing-api-client';
}

/** The primary's sign-in page with `__clerk_redirect_url` back to this page (a development satellite's sync). */
function signInRedirect(instance: InstanceConfig, here: URL | undefined): URL | undefined {
  if (instance.signInUrl === undefined || here === undefined) return undefined;
  try {
    const target = new URL(instance.signInUrl);
    target.searchParams.append(PARAM.redirectUrl, here.href);
    return target;
  } catch {
    return undefined;
  }
}
