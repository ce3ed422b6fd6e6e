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

const MESSAGES: Partial<Record<string, string>> = {
  'session-token-and-uat-missing': 'The request has no session cookie and no __client_uat.',
  'session-token-but-no-client-uat': 'The request has a session cookie but __client_uat says there is no signed-in client.',
  'client-uat-but-no-session-token': 'The __client_uat cookie says signed in, but there is no session cookie.',
  'session-token-iat-before-client-uat': 'The session cookie is older than the client (a sign-out or switch in another tab).',
  'dev-browser-missing': 'A development instance needs the __clerk_db_jwt dev-browser cookie.',
  'dev-browser-sync': 'The dev-browser token in the URL must be synced by a handshake.',
  'satellite-needs-syncing': 'This satellite domain must sync its session with the primary domain.',
  'primary-responds-to-syncing': 'The primary domain sends a satellite back after syncing.',
  'primary-domain-cross-origin-sync': 'A page load from another origin needs a handshake on the primary domain.',
  'active-organization-mismatch': 'The URL names another organization than the active one.',
};

function describe(reason: HandshakeReason): string {
  const known = MESSAGES[reason];
  if (known !== undefined) return `${known} Only a page load can be refreshed by a handshake.`;
  return 'The session cookie must be refreshed by a handshake, and only a page load can be.';
}
