import type { OptionTable } from '../../../kernel/check-options.js';
import type { HasParams } from '../has.js';
import type { RequestParts } from '../read-token.js';
import { resolveInstance } from './instance.js';
import { createRequestView, isDocumentRequest } from './request-view.js';

/**
 * The options every adapter's route guard takes (`requireAuth` of Express and Fastify, `protect` and `withAuth` of
 * the web adapter): the same names and meaning everywhere.
 *
 * @example
 * const options: AccessOptions = { has: { permission: 'org:invoices:read' }, redirectToSignIn: true };
 */
export interface AccessOptions {
  /** Conditions the session must meet, else 403. */
  has?: HasParams | undefined;
  /**
   * Send a signed-out page load (`Sec-Fetch-Dest: document`, or `Accept: text/html`) to `signInUrl` with a 307 and
   * `redirect_url` set to the page; other requests still get the 401. Default `false`.
   */
  redirectToSignIn?: boolean | undefined;
  /**
   * Where `redirectToSignIn` sends a page load; defaults to the application-level `signInUrl` (`clerkMiddleware`'s,
   * `clerkPlugin`'s or `createWebAuth`'s), then to `CLERK_SIGN_IN_URL` on Node.
   */
  signInUrl?: string | undefined;
}

/** How {@link AccessOptions} are checked when a guard is created. */
export const ACCESS_OPTIONS: OptionTable = {
  has: [(value) => typeof value === 'object' && value !== null, 'an object of conditions'],
  redirectToSignIn: [(value) => typeof value === 'boolean', 'a boolean'],
  signInUrl: [(value) => typeof value === 'string', 'a string'],
};

/**
 * Where `requireAuth({ redirectToSignIn: true })` (Express, Fastify) or `protect(request, { redirectToSignIn: true })`
 * (web) sends a signed-out page load: the configured `signInUrl` (checked at construction: an absolute http(s) URL
 * or a path on this origin) with `redirect_url` set to the page's own URL. `undefined` for anything but a page
 * load, or without a `signInUrl`; those get the 401.
 *
 * @example
 * const target = signInRedirect('/sign-in', parts); // '/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Forders'
 */
export function signInRedirect(signInUrl: string | undefined, parts: RequestParts): string | undefined {
  if (typeof signInUrl !== 'string' || signInUrl === '') return undefined;
  // Checked again here: `protect(request, { signInUrl })` is not checked ahead, and `//evil` must never leave.
  if (typeof resolveInstance({ signInUrl }) === 'string') return undefined;
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

/**
 * The parts of a Fetch API `Request` that {@link signInRedirect} reads (method, URL, headers).
 *
 * @example
 * signInRedirect('/sign-in', webRequestParts(request));
 */
export function webRequestParts(request: Request): RequestParts {
  return {
    authorization: undefined,
    cookie: undefined,
    sessionIdParam: undefined,
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
  };
}

/**
 * Checks a route-level `signInUrl` with the rule of the authenticator's own (SECURITY C.24: an absolute
 * http(s) URL or a path starting with one `/`), throwing a `TypeError` that names the option and the adapter.
 *
 * @example
 * checkSignInUrl('requireAuth', '//evil.example'); // throws TypeError
 */
export function checkSignInUrl(adapter: string, signInUrl: unknown): void {
  if (signInUrl === undefined) return;
  const problem = typeof signInUrl === 'string' ? resolveInstance({ signInUrl }) : 'The signInUrl option must be a string.';
  if (typeof problem === 'string') throw new TypeError(`${adapter}: ${problem}`);
}
