import { raceAbort } from '../core/race-abort.js';
import type { Result } from '../core/result.js';
import { fail, type TokenError } from './errors.js';

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
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutInMs);
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
        signal: controller.signal,
      }),
      controller.signal,
    );
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const meta = { status: response.status };
      if (request.bapi && (response.status === 401 || response.status === 403)) {
        return fail('secret_key_invalid', 'The Backend API refused the secret key while loading the JWKS.', meta);
      }
      return fail('jwks_fetch_failed', `The JWKS endpoint answered with status ${response.status}.`, meta);
    }
    const text = await readCapped(response, request.maxBytes, controller.signal);
    if (text === undefined) {
      return fail('jwks_fetch_failed', `The JWKS response is larger than ${request.maxBytes} bytes.`, { status: response.status });
    }
    try {
      return { data: JSON.parse(text) as unknown };
    } catch {
      return fail('jwk_invalid', 'The JWKS response is not JSON.', { status: response.status });
    }
  } catch {
    if (timedOut) return fail('jwks_timeout', `The JWKS request took longer than ${request.timeoutInMs} ms.`);
    return fail('jwks_fetch_failed', 'The JWKS request failed before a response arrived.');
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  // A fetch that ignores the signal for the body (or a mock) must still be bounded by the timeout.
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) throw new Error('aborted');
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  signal.removeEventListener('abort', cancel);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
