import { raceAbort } from '../kernel/race-abort.js';
import { readBodyCapped, ResponseTooLargeError } from '../kernel/read-body.js';

/**
 * Why an attempt ended without a readable response: a guarantee of ours refused it
 * (`origin_mismatch`, `unexpected_redirect`, `response_too_large`), or `fetch`, the `Request`
 * or the body read failed (`fetch_failed`, with what it threw in `error`).
 *
 * @example
 * const failure: AttemptFailure = 'unexpected_redirect';
 */
export type AttemptFailure = 'origin_mismatch' | 'unexpected_redirect' | 'response_too_large' | 'fetch_failed';

/**
 * What one attempt returns: the response with its whole body (read under the byte cap), or why
 * there is none, with the response when one had arrived.
 *
 * @example
 * const outcome = await fetchAttempt(url, init, config);
 * if (outcome.failure === undefined) console.log(outcome.response.status, outcome.text.length);
 */
export type AttemptOutcome =
  | { readonly failure?: undefined; readonly response: Response; readonly text: string }
  | { readonly failure: AttemptFailure; readonly response: Response | undefined; readonly error?: unknown };

/**
 * The options {@link fetchAttempt} reads from the client config.
 *
 * @example
 * const options: AttemptOptions = { apiOrigin: 'https://api.clerk.com', maxResponseBytes: 1024, fetch: undefined };
 */
export interface AttemptOptions {
  readonly apiOrigin: string;
  readonly maxResponseBytes: number;
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one request and reads its body, where the guarantees the platform `fetch` cannot give live:
 * the origin check, refusing redirects (the `Authorization` header would follow `Location`), and the
 * byte cap. Never throws; `init.signal` (timeout or caller abort) ends the wait even if `fetch` ignores it.
 *
 * @example
 * const outcome = await fetchAttempt('https://api.clerk.com/v1/users', { method: 'GET', signal }, config);
 */
export async function fetchAttempt(url: string, init: RequestInit, options: AttemptOptions): Promise<AttemptOutcome> {
  let response: Response | undefined;
  try {
    // Never follow a redirect: the Authorization header would go wherever Location points.
    const request = new Request(url, { ...init, redirect: 'manual' });
    // `Request` normalises its URL, and an origin followed by "/" cannot be a prefix of another
    // origin's URL, so this prefix test is exact origin equality without parsing a URL per call.
    if (!request.url.startsWith(`${options.apiOrigin}/`)) return { failure: 'origin_mismatch', response: undefined };
    // Looked up per request so that fetch polyfills or test doubles installed later are used.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch implementation: pass options.fetch');
    const received = await raceAbort(fetchImpl(request), request.signal);
    // An injected fetch may resolve to anything; only an object can be read as a response.
    if (typeof received !== 'object' || received === null) throw new TypeError('fetch resolved to something other than a Response');
    response = received;
    if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
      response.body?.cancel().catch(() => {});
      return { failure: 'unexpected_redirect', response };
    }
    return { response, text: await readBodyCapped(response, options.maxResponseBytes, request.signal) };
  } catch (error) {
    if (error instanceof ResponseTooLargeError) return { failure: 'response_too_large', response };
    return { failure: 'fetch_failed', response, error };
  }
}
