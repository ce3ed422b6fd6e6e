import { absoluteHttpUrl, type InstanceConfig } from './instance.js';
import type { RequestView } from './request-view.js';

const LEGACY_DEV_SUFFIXES = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com'];
const CURRENT_DEV_SUFFIXES = ['.accounts.dev', '.accountsstage.dev', '.accounts.lclclerk.com'];

/**
 * Whether the `Referer` is a page of another origin than the request's (Clerk's `isCrossOriginReferrer`).
 *
 * @example
 * isCrossOriginReferrer(view); // true after a link from https://satellite.example
 */
export function isCrossOriginReferrer(view: RequestView): boolean {
  const referrer = absoluteHttpUrl(view.header('referer'));
  const here = view.url();
  return referrer !== undefined && here !== undefined && referrer.origin !== here.origin;
}

/**
 * Whether the `Referer` is Clerk itself: the instance's Frontend API, its Account Portal, or (development
 * instances only) a development Account Portal host. Never a bare `accounts.*` prefix.
 *
 * @example
 * isKnownClerkReferrer(view, instance); // true after the Account Portal's redirect
 */
export function isKnownClerkReferrer(view: RequestView, instance: InstanceConfig): boolean {
  const referrer = absoluteHttpUrl(view.header('referer'));
  if (referrer === undefined) return false;
  const host = referrer.hostname;
  const fapi = instance.frontendApiHost;
  if (fapi !== undefined && host === fapi.replace(/:\d+$/, '')) return true;
  if (instance.instanceType !== 'production') {
    if (host.startsWith('accounts.') && LEGACY_DEV_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
    if (CURRENT_DEV_SUFFIXES.some((suffix) => host.endsWith(suffix) && !host.endsWith(`.clerk${suffix}`))) return true;
  }
  if (fapi === undefined) return false;
  const accounts = fapi.replace(/clerk\.accountsstage\./, 'accountsstage.').replace(/clerk\.accounts\.|clerk\./, 'accounts.');
  return referrer.origin === `https://${accounts}`;
}

/**
 * The satellite page a development primary may send the browser back to: `__clerk_redirect_url` only when
 * its origin is the request's own or one of `allowedRedirectOrigins` (SECURITY C.24: the redirect carries
 * the dev-browser token, so an unchecked target would hand it to anyone).
 *
 * @example
 * syncBackTarget('http://localhost:3001/dashboard', instance, here); // URL, when localhost:3001 is allowed
 */
export function syncBackTarget(value: string, instance: InstanceConfig, here: URL | undefined): URL | undefined {
  const target = absoluteHttpUrl(value);
  if (target === undefined) return undefined;
  const allowed = target.origin === here?.origin || instance.allowedRedirectOrigins.includes(target.origin);
  return allowed ? target : undefined;
}
