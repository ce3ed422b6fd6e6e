import { describe, expect, it, vi } from 'vitest';
import { fetchJwks, type JwksRequest } from '../../src/auth/jwks-fetch.js';
import { parseJwks } from '../../src/auth/jwks-parse.js';
import { testKey } from './helpers/keys.js';

// Loading a key set on its own: the fetch (statuses, size, JSON, timeout) and the parse (which keys are skipped
// and why, and which documents are refused whole), each with its exact error.

describe('parseJwks', () => {
  const a = testKey('ins_a').jwk;
  const b = testKey('ins_b').jwk;

  async function parse(document: unknown, maxKeys = 10) {
    const skipped: [number, string][] = [];
    const result = await parseJwks(document, ['RS256'], maxKeys, (index, reason) => skipped.push([index, reason]));
    return { ...result, skipped };
  }

  it('refuses a document without a keys array', async () => {
    for (const document of [null, 'keys', {}, { keys: 'a' }]) {
      expect((await parse(document)).errors, JSON.stringify(document)).toEqual([
        { code: 'jwk_invalid', message: 'The JWKS document has no "keys" array.' },
      ]);
    }
  });

  it('refuses more keys than maxKeys, and takes exactly maxKeys', async () => {
    expect((await parse({ keys: [a, b, {}] }, 2)).errors).toEqual([
      { code: 'jwk_invalid', message: 'The JWKS has more than 2 keys.', meta: { count: 3 } },
    ]);
    expect([...((await parse({ keys: [a, b] }, 2)).data?.keys() ?? [])]).toEqual(['ins_a', 'ins_b']);
  });

  it('skips unusable entries, saying why, and keeps the usable ones', async () => {
    const { data, skipped } = await parse(
      {
        keys: [
          null,
          [a],
          'key',
          { ...b, alg: 'RS384' },
          { ...b, kid: undefined },
          { ...b, kid: '' },
          { ...b, kid: 'k'.repeat(257) },
          { ...b, kid: 7 },
          { ...b, use: 'enc' },
          a,
          { ...b, kid: 'k'.repeat(256), alg: undefined },
        ],
      },
      20,
    );
    expect(skipped).toEqual([
      [0, 'The entry is not an object.'],
      [1, 'The entry is not an object.'],
      [2, 'The entry is not an object.'],
      [3, 'The key is pinned to an algorithm that is not allowed.'],
      [4, 'The key has no usable kid.'],
      [5, 'The key has no usable kid.'],
      [6, 'The key has no usable kid.'],
      [7, 'The key has no usable kid.'],
      [8, 'The JWK is not a signing key (use).'],
    ]);
    expect([...(data?.keys() ?? [])]).toEqual(['ins_a', 'k'.repeat(256)]);
    expect(data?.get('ins_a')?.alg).toBe('RS256');
  });

  it('refuses a key set with two keys of the same kid', async () => {
    expect((await parse({ keys: [a, { ...b, kid: 'ins_a' }] })).errors).toEqual([
      { code: 'jwk_invalid', message: 'The JWKS has two keys with the same kid.', meta: { index: 1 } },
    ]);
  });

  it('refuses a key set without a single usable key', async () => {
    expect((await parse({ keys: [] })).errors).toEqual([
      { code: 'jwk_invalid', message: 'The JWKS contains no usable RSA signing key.', meta: { count: 0 } },
    ]);
    expect((await parse({ keys: [null, { ...a, kty: 'EC' }] })).errors?.[0].meta).toEqual({ count: 2 });
  });
});

describe('fetchJwks', () => {
  function request(fetch: JwksRequest['fetch'], overrides: Partial<JwksRequest> = {}): JwksRequest {
    return {
      url: 'https://api.example.com/v1/jwks',
      headers: { Authorization: 'Bearer sk_test_x' },
      fetch,
      timeoutInMs: 1000,
      maxBytes: 100,
      bapi: true,
      ...overrides,
    };
  }
  const answer = (body: BodyInit | null, status = 200) => vi.fn(async () => new Response(body, { status }));

  it('GETs the URL with Accept and the given headers, without following redirects, and parses the JSON', async () => {
    const fetch = answer('{"keys":[]}');
    expect(await fetchJwks(request(fetch))).toEqual({ data: { keys: [] } });
    expect(fetch).toHaveBeenCalledWith('https://api.example.com/v1/jwks', {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: 'Bearer sk_test_x' },
      redirect: 'manual',
      signal: expect.any(AbortSignal),
    });
  });

  it('reports a refused secret key only for the Backend API, and other statuses as fetch failures', async () => {
    for (const status of [401, 403]) {
      expect(await fetchJwks(request(answer('no', status)))).toEqual({
        errors: [
          { code: 'secret_key_invalid', message: 'The Backend API refused the secret key while loading the JWKS.', meta: { status } },
        ],
      });
      expect((await fetchJwks(request(answer('no', status), { bapi: false }))).errors?.[0]).toEqual({
        code: 'jwks_fetch_failed',
        message: `The JWKS endpoint answered with status ${status}.`,
        meta: { status },
      });
    }
    for (const status of [302, 404, 500])
      expect((await fetchJwks(request(answer(null, status)))).errors?.[0].code).toBe('jwks_fetch_failed');
  });

  it('refuses a body over maxBytes and a body that is not JSON', async () => {
    expect((await fetchJwks(request(answer('x'.repeat(101))))).errors).toEqual([
      { code: 'jwks_fetch_failed', message: 'The JWKS response is larger than 100 bytes.', meta: { status: 200 } },
    ]);
    expect((await fetchJwks(request(answer('{"keys":')))).errors).toEqual([
      { code: 'jwk_invalid', message: 'The JWKS response is not JSON.', meta: { status: 200 } },
    ]);
  });

  it('reports a fetch that throws, or a body that fails, as failing before a response', async () => {
    const failed = [{ code: 'jwks_fetch_failed', message: 'The JWKS request failed before a response arrived.' }];
    const throwing = vi.fn(async () => {
      throw new TypeError('offline');
    });
    expect((await fetchJwks(request(throwing))).errors).toEqual(failed);
    const broken = new ReadableStream({ pull: (controller) => controller.error(new Error('reset')) });
    expect((await fetchJwks(request(answer(broken)))).errors).toEqual(failed);
  });

  it('times out a fetch that never answers', async () => {
    vi.useFakeTimers();
    try {
      const pending = fetchJwks(request(() => new Promise<Response>(() => {}), { timeoutInMs: 50 }));
      await vi.advanceTimersByTimeAsync(50);
      expect((await pending).errors).toEqual([{ code: 'jwks_timeout', message: 'The JWKS request took longer than 50 ms.' }]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
