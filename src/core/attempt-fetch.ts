import { raceAbort } from './race-abort.js';
import { readBodyCapped, ResponseTooLargeError } from './read-body.js';

/**
 * What one attempt's transport saw; filled in as the attempt progresses.
 *
 * @example
 * const record: AttemptRecord = {};
 * if (record.failure === 'response_too_large') console.warn(record.response?.status);
 */
export interface AttemptRecord {
  response?: Response;
  text?: string;
  failure?: 'response_too_large' | 'unexpected_redirect' | 'origin_mismatch';
}

/** Thrown to stop openapi-fetch after a failure recorded in {@link AttemptRecord}; never escapes. */
class TransportStop extends Error {}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The `fetch` handed to openapi-fetch for one attempt. It is where the guarantees that
 * openapi-fetch cannot give live: the origin check, refusing redirects, and the byte cap.
 * It reads every body itself (capped) into `record.text`; openapi-fetch is asked for
 * `parseAs: 'stream'` and, for non-2xx responses, given an empty stand-in so that its own
 * uncapped `response.text()` reads nothing.
 *
 * @example
 * const record: AttemptRecord = {};
 * await client.request('GET', '/users', { fetch: createAttemptFetch(record, options), parseAs: 'stream' });
 */
export function createAttemptFetch(
  record: AttemptRecord,
  options: { apiOrigin: string; maxResponseBytes: number; fetch: ((request: Request) => Promise<Response>) | undefined },
): (request: Request) => Promise<Response> {
  return async (request) => {
    // `Request` normalises its URL, and an origin followed by "/" cannot be a prefix of another
    // origin's URL, so this prefix test is exact origin equality without parsing a URL per call.
    if (!request.url.startsWith(`${options.apiOrigin}/`)) {
      record.failure = 'origin_mismatch';
      throw new TransportStop();
    }
    // Looked up per request so that fetch polyfills or test doubles installed later are used.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch implementation: pass options.fetch');
    // The attempt's signal (timeout or caller abort) must end the wait even if the fetch ignores it.
    const response = await raceAbort(fetchImpl(request), request.signal);
    record.response = response;
    if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
      response.body?.cancel().catch(() => {});
      record.failure = 'unexpected_redirect';
      throw new TransportStop();
    }
    try {
      record.text = await readBodyCapped(response, options.maxResponseBytes, request.signal);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        record.failure = 'response_too_large';
        throw new TransportStop();
      }
      throw error;
    }
    return response.ok ? response : new Response(null, { status: response.status });
  };
}
