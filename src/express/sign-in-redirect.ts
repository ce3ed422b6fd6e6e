import { createRequestView, isDocumentRequest } from '../auth/request/handshake/request-view.js';
import type { RequestParts } from '../auth/index.js';

/**
 * Where `requireAuth({ redirectToSignIn: true })` sends a signed-out page load: the configured `signInUrl`
 * (checked at construction: an absolute http(s) URL or a path on this origin) with `redirect_url` set to the
 * page's own URL. `undefined` for anything but a page load, or without a `signInUrl`; those get the 401.
 *
 * @example
 * const target = signInRedirect('/sign-in', parts); // '/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Forders'
 */
export function signInRedirect(signInUrl: string | undefined, parts: RequestParts): string | undefined {
  if (typeof signInUrl !== 'string' || signInUrl === '') return undefined;
  const view = createRequestView(parts);
  if (!isDocumentRequest(view)) return undefined;
  const here = view.url();
  try {
    const absolute = /^https?:\/\//i.test(signInUrl);
    // A path is resolved on a fixed dummy origin only to edit its query; the origin is dropped again below.
    const target = new URL(signInUrl, absolute ? undefined : 'http://sign-in.invalid');
    if (here !== undefined) target.searchParams.set('redirect_url', here.href);
    return absolute ? target.href : `${target.pathname}${target.search}`;
  } catch {
    return undefined;
  }
}
