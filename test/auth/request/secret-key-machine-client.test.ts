import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSecretKeyMachineClient } from '../../../src/auth/request/secret-key-machine-client.js';
import { recordFetch } from '../helpers/fetch-recorder.js';

// The machine-token client made from the secret key alone: the exact Backend API calls (path, method, headers,
// body), the shape of its answers, and its bounds (status, byte cap, timeout). Ported from the verify calls of
// Clerk's request.test.ts (api keys, m2m tokens, OAuth access tokens) and its BAPI header checks.

const SECRET = 'sk_test_machineClientSecret0123456789';

/** The client with every member present, as this client always sets them. */
type Full<T> = { [K in keyof T]-?: NonNullable<T[K]> };

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status });

function client(answer: () => Response | Promise<Response>, apiUrl?: string) {
  const api = recordFetch(answer);
  const made = createSecretKeyMachineClient({ secretKey: SECRET, apiUrl, fetch: api.fetch });
  if (!made) throw new Error('no client');
  // Every member is set by this client; the interfaces mark them optional for clients passed by applications.
  return { client: made as Full<typeof made>, calls: api.calls };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createSecretKeyMachineClient: the calls', () => {
  it('POSTs each machine token to its verify endpoint as JSON, with the secret key', async () => {
    const { client: machine, calls } = client(() => json({ id: 'x' }));
    await machine.apiKeys.verifyApiKey({ secret: 'ak_1' });
    await machine.m2m.verifyM2mToken({ token: 'mt_1' });
    await machine.oauthAccessTokens.verifyOAuthAccessToken({ access_token: 'oat_1' });
    expect(calls.map((call) => [call.url, call.init.method, call.init.body])).toEqual([
      ['https://api.clerk.com/v1/api_keys/verify', 'POST', '{"secret":"ak_1"}'],
      ['https://api.clerk.com/v1/m2m_tokens/verify', 'POST', '{"token":"mt_1"}'],
      ['https://api.clerk.com/v1/oauth_applications/access_tokens/verify', 'POST', '{"access_token":"oat_1"}'],
    ]);
    for (const call of calls) {
      expect(call.init.headers).toEqual({
        Accept: 'application/json',
        Authorization: `Bearer ${SECRET}`,
        'Content-Type': 'application/json',
      });
      expect(call.init.redirect).toBe('manual');
      expect(call.init.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('GETs /v1/jwks with no body and no Content-Type', async () => {
    const { client: machine, calls } = client(() => json({ keys: [] }));
    expect(await machine.jwks.getJwks()).toEqual({ data: { keys: [] } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://api.clerk.com/v1/jwks');
    expect(calls[0]?.init.method).toBe('GET');
    expect('body' in (calls[0]?.init ?? {})).toBe(false);
    expect(calls[0]?.init.headers).toEqual({ Accept: 'application/json', Authorization: `Bearer ${SECRET}` });
  });

  it('keeps the path of apiUrl and drops its trailing slashes', async () => {
    for (const [apiUrl, expected] of [
      ['https://bapi.example.test', 'https://bapi.example.test/v1/jwks'],
      ['https://bapi.example.test///', 'https://bapi.example.test/v1/jwks'],
      ['https://proxy.example.test/clerk/', 'https://proxy.example.test/clerk/v1/jwks'],
      ['http://localhost:3000', 'http://localhost:3000/v1/jwks'],
    ] as const) {
      const { client: machine, calls } = client(() => json({}), apiUrl);
      await machine.jwks.getJwks();
      expect(
        calls.map((call) => call.url),
        apiUrl,
      ).toEqual([expected]);
    }
  });

  it('is undefined for an apiUrl the secret key must not be sent to', () => {
    const api = recordFetch(() => json({}));
    for (const apiUrl of [
      'not a url',
      'http://api.example.test',
      'https://api.example.test/?x=1',
      'https://api.example.test/?',
      'https://api.example.test/#',
      'https://user:pass@api.example.test',
      'ftp://api.example.test',
    ]) {
      expect(createSecretKeyMachineClient({ secretKey: SECRET, apiUrl, fetch: api.fetch }), apiUrl).toBeUndefined();
    }
    expect(api.calls).toHaveLength(0);
  });

  it('uses the global fetch when none is injected', async () => {
    const api = recordFetch(() => json({ ok: true }));
    vi.stubGlobal('fetch', api.fetch);
    const machine = createSecretKeyMachineClient({ secretKey: SECRET, apiUrl: undefined, fetch: undefined });
    expect(await machine?.m2m?.verifyM2mToken({ token: 'mt_1' })).toEqual({ data: { ok: true } });
    expect(api.calls).toHaveLength(1);
  });
});

describe('createSecretKeyMachineClient: the answers', () => {
  it('gives the parsed body of a 2xx answer as data', async () => {
    const { client: machine } = client(() => json({ id: 'ak_id', subject: 'user_1' }));
    expect(await machine.apiKeys.verifyApiKey({ secret: 'ak_1' })).toEqual({ data: { id: 'ak_id', subject: 'user_1' } });
  });

  it('gives only the status of a refused or redirected answer, and cancels its body', async () => {
    for (const status of [302, 400, 401, 404, 422, 429, 500]) {
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ errors: [{ message: SECRET }] })));
        },
        cancel() {
          cancelled = true;
        },
      });
      const { client: machine } = client(() => new Response(body, { status }));
      expect(await machine.m2m.verifyM2mToken({ token: 'mt_1' }), String(status)).toEqual({ errors: [{ status }] });
      await Promise.resolve();
      expect(cancelled, String(status)).toBe(true);
    }
  });

  it('gives the status of a refusal that has no body at all', async () => {
    const { client: machine } = client(() => new Response(null, { status: 401 }));
    expect(await machine.oauthAccessTokens.verifyOAuthAccessToken({ access_token: 'oat_1' })).toEqual({ errors: [{ status: 401 }] });
  });

  it('reads at most 64 KiB of an answer', async () => {
    const padded = (bytes: number): Response => {
      const base = JSON.stringify({ pad: '' });
      return new Response(JSON.stringify({ pad: 'x'.repeat(bytes - base.length) }));
    };
    const { client: fits } = client(() => padded(65_536));
    expect((await fits.jwks.getJwks()).data).toEqual({ pad: 'x'.repeat(65_536 - 10) });
    const { client: over } = client(() => padded(65_537));
    await expect(over.jwks.getJwks()).rejects.toThrow();
  });

  it('rejects on a network failure or a body that is not JSON (request authentication reports it as unavailable)', async () => {
    const { client: down } = client(() => Promise.reject(new TypeError('fetch failed')));
    await expect(down.jwks.getJwks()).rejects.toThrow('fetch failed');
    const { client: html } = client(() => new Response('<html>oops</html>'));
    await expect(html.jwks.getJwks()).rejects.toThrow(SyntaxError);
  });

  it('times out after 5 seconds and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const { client: slow } = client(() => new Promise<Response>(() => undefined));
    let outcome: unknown = 'pending';
    const pending = slow.m2m.verifyM2mToken({ token: 'mt_1' }).then(
      () => (outcome = 'resolved'),
      (error: unknown) => (outcome = error),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect((outcome as DOMException).name).toBe('TimeoutError');
    expect(vi.getTimerCount()).toBe(0);

    const { client: fast } = client(() => json({}));
    await fast.jwks.getJwks();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never shows the secret key in the client or its answers', async () => {
    const { client: machine } = client(() => json({ message: 'refused' }, 401));
    const answer = await machine.apiKeys.verifyApiKey({ secret: 'ak_1' });
    for (const view of [
      inspect(machine, { depth: 10, showHidden: true }),
      JSON.stringify(machine),
      JSON.stringify(answer),
      inspect(answer),
    ]) {
      expect(view).not.toContain(SECRET);
    }
  });
});
