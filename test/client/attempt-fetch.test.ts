import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAttempt } from '../../src/client/attempt-fetch.js';
import { startAttempt } from '../../src/kernel/attempt-signal.js';

// One HTTP attempt on its own: origin pinning, redirects refused, fetch doubles that misbehave, the size cap; and
// the per-attempt signal (timeout or caller abort, and which of them fired).

const API = 'https://api.clerk.com';

function options(fetch: ((request: Request) => Promise<Response>) | undefined, maxResponseBytes = 1000) {
  return { apiOrigin: API, maxResponseBytes, fetch };
}

describe('fetchAttempt', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends to the API origin only, never calling fetch for another origin', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    for (const url of ['https://evil.example/v1/users', 'https://api.clerk.com.evil.example/v1/users', 'http://api.clerk.com/v1/users']) {
      expect(await fetchAttempt(url, {}, options(fetch)), url).toEqual({ failure: 'origin_mismatch', response: undefined });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads the body of a response from the API origin, with redirects set to manual', async () => {
    const fetch = vi.fn(async (_request: Request) => new Response('{"ok":true}', { status: 201 }));
    const outcome = await fetchAttempt(`${API}/v1/users`, { method: 'POST', headers: { 'x-a': 'b' } }, options(fetch));
    expect(outcome.failure).toBeUndefined();
    expect(outcome.response?.status).toBe(201);
    expect(outcome.failure === undefined && outcome.text).toBe('{"ok":true}');
    const request = fetch.mock.calls[0]?.[0];
    expect([request?.method, request?.redirect, request?.headers.get('x-a')]).toEqual(['POST', 'manual', 'b']);
  });

  it('refuses every redirect status and an opaque redirect, and nothing else', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const response = new Response(null, { status, headers: { location: 'https://evil.example/' } });
      const outcome = await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => response),
      );
      expect(outcome, String(status)).toEqual({ failure: 'unexpected_redirect', response });
    }
    const opaque = { type: 'opaqueredirect', status: 0, body: null } as unknown as Response;
    expect(
      await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => opaque),
      ),
    ).toEqual({ failure: 'unexpected_redirect', response: opaque });
    for (const status of [300, 304]) {
      const outcome = await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => new Response(null, { status })),
      );
      expect(outcome.failure, String(status)).toBeUndefined();
    }
  });

  it('reports a body over the cap as response_too_large, with the response', async () => {
    const response = new Response('x'.repeat(11));
    expect(
      await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => response, 10),
      ),
    ).toEqual({ failure: 'response_too_large', response });
  });

  it('turns a throwing fetch, a fetch resolving to a non-object and a missing fetch into fetch_failed', async () => {
    const boom = new Error('offline');
    expect(
      await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => {
          throw boom;
        }),
      ),
    ).toEqual({ failure: 'fetch_failed', response: undefined, error: boom });
    for (const value of [null, 'text', 42]) {
      const outcome = await fetchAttempt(
        `${API}/v1/users`,
        {},
        options(async () => value as unknown as Response),
      );
      expect(outcome).toMatchObject({ failure: 'fetch_failed', response: undefined });
      expect(outcome.failure !== undefined && outcome.error).toEqual(new TypeError('fetch resolved to something other than a Response'));
    }
    vi.stubGlobal('fetch', undefined);
    const missing = await fetchAttempt(`${API}/v1/users`, {}, options(undefined));
    expect(missing.failure !== undefined && missing.error).toEqual(new TypeError('no fetch implementation: pass options.fetch'));
  });

  it('uses globalThis.fetch, looked up per call, when none is injected', async () => {
    const fetch = vi.fn(async () => new Response('late'));
    vi.stubGlobal('fetch', fetch);
    const outcome = await fetchAttempt(`${API}/v1/users`, {}, options(undefined));
    expect(outcome.failure === undefined && outcome.text).toBe('late');
  });

  it('gives up on a fetch that never settles once the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const attempt = fetchAttempt(
      `${API}/v1/users`,
      { signal: controller.signal },
      options(() => new Promise<Response>(() => {})),
    );
    controller.abort(reason);
    expect(await attempt).toEqual({ failure: 'fetch_failed', response: undefined, error: reason });
  });
});

describe('startAttempt', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts with a TimeoutError once the timeout passes, and says so', () => {
    vi.useFakeTimers();
    const attempt = startAttempt(undefined, 100);
    vi.advanceTimersByTime(99);
    expect([attempt.signal.aborted, attempt.timedOut()]).toEqual([false, false]);
    vi.advanceTimersByTime(1);
    expect([attempt.signal.aborted, attempt.timedOut()]).toEqual([true, true]);
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'The attempt timed out.' });
  });

  it("passes the caller's abort on with its reason, which is not a timeout", () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    const attempt = startAttempt(parent.signal, 100);
    const reason = new Error('caller');
    parent.abort(reason);
    expect(attempt.signal.reason).toBe(reason);
    expect(attempt.timedOut()).toBe(false);
  });

  it('stops listening and timing once finished', () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    const attempt = startAttempt(parent.signal, 100);
    attempt.finish();
    parent.abort(new Error('late'));
    vi.advanceTimersByTime(1000);
    expect([attempt.signal.aborted, attempt.timedOut()]).toEqual([false, false]);
  });
});
