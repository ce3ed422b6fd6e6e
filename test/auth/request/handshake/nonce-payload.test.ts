import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNonceResolver } from '../../../../src/auth/request/handshake/nonce-payload.js';
import { recordFetch } from '../../helpers/fetch-recorder.js';

// The default nonce resolver on its own: the exact Backend API call it makes for a `__clerk_handshake_nonce`,
// what it refuses to send, and what it does with each answer. Ported from Clerk's handshake.test.ts
// ("getHandshakePayload": directives from the nonce, API errors give no cookies).

const SECRET = 'sk_test_nonceSecretKeyValue0123456789';
const DIRECTIVES = ['__session=abc; Path=/; Secure', '__client_uat=1700000000; Path=/'];

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createNonceResolver: the request', () => {
  it('GETs /v1/clients/handshake_payload?nonce=… on api.clerk.com with the secret key and no redirects', async () => {
    const api = recordFetch(() => json({ directives: DIRECTIVES }));
    const resolve = createNonceResolver({ secretKey: SECRET, apiUrl: undefined, fetch: api.fetch });
    expect(await resolve('nonce_123')).toEqual(DIRECTIVES);
    expect(api.calls).toHaveLength(1);
    const [call] = api.calls;
    expect(call?.url).toBe('https://api.clerk.com/v1/clients/handshake_payload?nonce=nonce_123');
    expect(call?.init.method).toBe('GET');
    expect(call?.init.redirect).toBe('manual');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(headers.get('accept')).toBe('application/json');
  });

  it('keeps the path of apiUrl and drops its trailing slashes', async () => {
    for (const [apiUrl, expected] of [
      ['https://bapi.example.test', 'https://bapi.example.test/v1/clients/handshake_payload?nonce=n'],
      ['https://bapi.example.test///', 'https://bapi.example.test/v1/clients/handshake_payload?nonce=n'],
      ['https://proxy.example.test/clerk/', 'https://proxy.example.test/clerk/v1/clients/handshake_payload?nonce=n'],
      ['http://localhost:8080', 'http://localhost:8080/v1/clients/handshake_payload?nonce=n'],
    ] as const) {
      const api = recordFetch(() => json({ directives: [] }));
      expect(await createNonceResolver({ secretKey: SECRET, apiUrl, fetch: api.fetch })('n'), apiUrl).toEqual([]);
      expect(
        api.calls.map((call) => call.url),
        apiUrl,
      ).toEqual([expected]);
    }
  });

  it('sends the nonce as one encoded query value: it cannot add parameters or change the path', async () => {
    const api = recordFetch(() => json({ directives: [] }));
    const resolve = createNonceResolver({ secretKey: SECRET, apiUrl: undefined, fetch: api.fetch });
    const nonce = 'a b&nonce=other#frag/../../v1/users';
    await resolve(nonce);
    const url = new URL(api.calls[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/clients/handshake_payload');
    expect(url.hash).toBe('');
    expect([...url.searchParams]).toEqual([['nonce', nonce]]);
  });

  it('accepts a nonce of 256 characters and refuses 257 or an empty one without a request', async () => {
    const api = recordFetch(() => json({ directives: DIRECTIVES }));
    const resolve = createNonceResolver({ secretKey: SECRET, apiUrl: undefined, fetch: api.fetch });
    expect(await resolve('n'.repeat(256))).toEqual(DIRECTIVES);
    expect(api.calls).toHaveLength(1);
    expect(await resolve('n'.repeat(257))).toBeUndefined();
    expect(await resolve('')).toBeUndefined();
    expect(await resolve(42 as unknown as string)).toBeUndefined();
    expect(api.calls).toHaveLength(1);
  });

  it('makes no request without a secret key or with an unusable apiUrl', async () => {
    const api = recordFetch(() => json({ directives: DIRECTIVES }));
    expect(await createNonceResolver({ secretKey: undefined, apiUrl: undefined, fetch: api.fetch })('n')).toBeUndefined();
    for (const apiUrl of ['not a url', 'ftp://api.example.test', 'https://user:pass@api.example.test', 'javascript:alert(1)']) {
      expect(await createNonceResolver({ secretKey: SECRET, apiUrl, fetch: api.fetch })('n'), apiUrl).toBeUndefined();
    }
    expect(api.calls).toHaveLength(0);
  });

  it('uses the global fetch when none is injected', async () => {
    const api = recordFetch(() => json({ directives: DIRECTIVES }));
    vi.stubGlobal('fetch', api.fetch);
    expect(await createNonceResolver({ secretKey: SECRET, apiUrl: undefined, fetch: undefined })('n')).toEqual(DIRECTIVES);
    expect(api.calls).toHaveLength(1);
  });
});

describe('createNonceResolver: the answer', () => {
  const resolveWith = (answer: () => Response | Promise<Response>) =>
    createNonceResolver({ secretKey: SECRET, apiUrl: undefined, fetch: recordFetch(answer).fetch })('nonce_1');

  it('gives the directives exactly, including an empty list', async () => {
    expect(await resolveWith(() => json({ directives: DIRECTIVES, other: 1 }))).toEqual(DIRECTIVES);
    expect(await resolveWith(() => json({ directives: [] }))).toEqual([]);
  });

  it('gives undefined for an answer of another shape', async () => {
    for (const body of [{}, { directives: 'a=b' }, { directives: ['a=b', 1] }, { directives: [null] }, null, [], 'text', 7]) {
      expect(await resolveWith(() => json(body)), JSON.stringify(body)).toBeUndefined();
    }
    expect(await resolveWith(() => new Response('<html>502</html>', { status: 200 }))).toBeUndefined();
  });

  it('gives undefined when the Backend API refuses, redirects or fails (no cookies, as in Clerk)', async () => {
    for (const status of [302, 400, 401, 403, 404, 429, 500, 502]) {
      const headers: Record<string, string> = status === 302 ? { location: 'https://evil.example/' } : {};
      expect(
        await resolveWith(() => new Response(JSON.stringify({ directives: DIRECTIVES }), { status, headers })),
        String(status),
      ).toBeUndefined();
    }
    expect(await resolveWith(() => Promise.reject(new TypeError('network down')))).toBeUndefined();
  });

  it('reads at most 64 KiB', async () => {
    const padded = (bytes: number): Response => {
      const base = JSON.stringify({ directives: ['a=b'], pad: '' });
      return new Response(JSON.stringify({ directives: ['a=b'], pad: 'x'.repeat(bytes - base.length) }));
    };
    expect(await resolveWith(() => padded(65_536))).toEqual(['a=b']);
    expect(await resolveWith(() => padded(65_537))).toBeUndefined();
  });

  it('gives up after 5 seconds', async () => {
    vi.useFakeTimers();
    let settled = false;
    const pending = resolveWith(() => new Promise<Response>(() => undefined)).then((value) => {
      settled = true;
      return value;
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await pending).toBeUndefined();
  });

  it('never puts the secret key into what it gives back or into the resolver', async () => {
    const resolve = createNonceResolver({
      secretKey: SECRET,
      apiUrl: undefined,
      fetch: recordFetch(() => json({ message: SECRET }, 401)).fetch,
    });
    const result = await resolve('n');
    expect(result).toBeUndefined();
    expect(inspect(resolve, { showHidden: true, depth: 5 })).not.toContain(SECRET);
    expect(JSON.stringify(resolve) ?? '').not.toContain(SECRET);
  });
});
