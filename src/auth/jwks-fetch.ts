import { startAttempt } from '../kernel/attempt-signal.js';
import { raceAbort } from '../kernel/race-abort.js';
import { ResponseTooLargeError, readBodyCapped } from '../kernel/read-body.js';
import type { Result } from '../kernel/result.js';
import { fail, invalidKey, type TokenError } from './errors.js';

/**
 * How one JWKS request is made.
 *
 * @example
 * const request: JwksRequest = { url: 'https://api.clerk.com/v1/jwks', headers: {}, fetch, timeoutInMs: 5000, maxBytes: 262144, bapi: true };
 */
export interface JwksRequest {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  timeoutInMs: number;
  maxBytes: number;
  /** Whether a 401/403 means the secret key was refused (Backend API) rather than a plain failure. */
  bapi: boolean;
}

/**
 * Fetches a JWKS document once, never retried inline: the timeout covers headers and body, the body
 * is read up to `maxBytes`, redirects are refused (the request may carry the secret key).
 *
 * @example
 * const { data, errors } = await fetchJwks(request);
 */
export async function fetchJwks(request: JwksRequest): Promise<Result<unknown, TokenError>> {
  const attempt = startAttempt(undefined, request.timeoutInMs);
  const { signal } = attempt;
  try {
    // Raced against the timeout: an injected fetch that ignores the signal must not hang every verifier call.
    // Called detached: as `request.fetch(…)` its `this` would be `request`, and Workers' fetch throws
    // "Illegal invocation" for any `this` but the global.
    const send = request.fetch;
    const response = await raceAbort(
      send(request.url, {
        method: 'GET',
        headers: { Accept: 'application/json', ...request.headers },
        // 'manual', not 'error': Workers (workerd) reject `redirect: 'error'` outright. A 3xx answer (or an
        // opaque redirect, status 0) is not ok, so it is refused below and its Location is never followed.
        redirect: 'manual',
        signal,
      }),
      signal,
    );
    const meta = { status: response.status };
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      if (request.bapi && (response.status === 401 || response.status === 403)) {
        return fail('secret_key_invalid', 'The Backend API refused the secret key while loading the JWKS.', meta);
      }
      return fail('jwks_fetch_failed', `The JWKS endpoint answered with status ${response.status}.`, meta);
    }
    let text: string;
    try {
      // Raced as well: a body stream that ignores cancellation must still be bounded by the timeout.
      text = await raceAbort(readBodyCapped(response, request.maxBytes, signal), signal);
    } catch (error) {
      if (!(error instanceof ResponseTooLargeError)) throw error;
      return fail('jwks_fetch_failed', `The JWKS response is larger than ${request.maxBytes} bytes.`, meta);
    }
    try {
      return { data: JSON.parse(text) as unknown };
    } catch {
      return invalidKey('The JWKS response is not JSON.', meta);
    }
  } catch {
    if (attempt.timedOut()) return fail('jwks_timeout', `The JWKS request took longer than ${request.timeoutInMs} ms.`);
    return fail('jwks_fetch_failed', 'The JWKS request failed before a response arrived.');
  } finally {
    attempt.finish();
  }
}
