import { handshakeState, signedOutState, type HandshakeState, type SignedOutState } from '../request-state.js';
import type { ClerkCookies } from './clerk-cookies.js';
import { frontendApiBase, type InstanceConfig } from './instance.js';
import { COOKIE, HANDSHAKE_API_VERSION, MAX_HANDSHAKE_REDIRECTS, PARAM, type HandshakeReason } from './names.js';
import { isDocumentRequest, type RequestView } from './request-view.js';

/**
 * One cookie-session request, as the handshake decisions read it.
 *
 * @example
 * const flow: CookieFlow = { instance, view, jar };
 */
export interface CookieFlow {
  readonly instance: InstanceConfig;
  readonly view: RequestView;
  readonly jar: ClerkCookies;
}

/**
 * Answers a request that needs a handshake: a page load of a known instance gets the redirect (to the
 * Frontend API, or to `redirect` when given), anything else is signed out with the same reason. The
 * redirect counter cookie stops a loop after {@link MAX_HANDSHAKE_REDIRECTS} redirects within 2 s,
 * signing the request out with the reason (Clerk's `checkAndTrackRedirectLoop`).
 *
 * @example
 * return maybeHandshake(flow, 'client-uat-but-no-session-token', '');
 */
export function maybeHandshake(
  flow: CookieFlow,
  reason: HandshakeReason,
  message: string,
  redirect?: URL,
  organizationParams?: ReadonlyMap<string, string>,
): HandshakeState | SignedOutState {
  const signedOut = (): SignedOutState => signedOutState({ reason, message: message || describe(reason) }, 'session_token');
  if (flow.instance.publishableKey === undefined || !isDocumentRequest(flow.view)) return signedOut();
  const target = redirect ?? handshakeUrl(flow, reason, organizationParams);
  if (target === undefined) return signedOut();
  if (flow.jar.redirectCount >= MAX_HANDSHAKE_REDIRECTS) return signedOut();
  const headers = new Headers({ location: target.href, 'cache-control': 'no-store' });
  // Chrome caches 307s of inactive tabs: `no-store`, or the handshake loops. The counter lives 2 s.
  headers.append('set-cookie', `${COOKIE.redirectCount}=${flow.jar.redirectCount + 1}; SameSite=Lax; HttpOnly; Max-Age=2`);
  return handshakeState(reason, message, headers);
}

/**
 * The Frontend API handshake URL: `/v1/client/handshake` with the return URL (without dev-browser
 * parameters) and the parameters `@clerk/backend` sends.
 *
 * @example
 * handshakeUrl(flow, 'session-token-iat-before-client-uat')?.href;
 */
export function handshakeUrl(flow: CookieFlow, reason: HandshakeReason, organizationParams?: ReadonlyMap<string, string>): URL | undefined {
  const here = flow.view.url();
  if (here === undefined) return undefined;
  const base = frontendApiBase(flow.instance, here.origin);
  if (base === undefined) return undefined;
  let url: URL;
  try {
    url = new URL('v1/client/handshake', base);
  } catch {
    return undefined;
  }
  const back = new URL(here);
  back.searchParams.delete(PARAM.devBrowser);
  back.searchParams.delete(PARAM.legacyDevBrowser);
  const params = url.searchParams;
  params.append('redirect_url', back.href);
  params.append(PARAM.apiVersion, HANDSHAKE_API_VERSION);
  params.append(PARAM.suffixedCookies, String(flow.jar.suffixed));
  params.append(PARAM.handshakeReason, reason);
  params.append(PARAM.format, 'nonce');
  if (flow.jar.sessionToken !== undefined) params.append(PARAM.session, flow.jar.sessionToken);
  const devBrowser = here.searchParams.get(PARAM.devBrowser) || flow.jar.devBrowser;
  if (flow.instance.instanceType === 'development' && devBrowser) params.append(PARAM.devBrowser, devBrowser);
  organizationParams?.forEach((value, key) => params.append(key, value));
  return url;
}

/** Clerk's signed-out message here is empty; ours says what would have fixed it. */
function describe(reason: HandshakeReason): string {
  return `A handshake (${reason}) is needed, and only a page load of a known instance can be redirected to one.`;
}
