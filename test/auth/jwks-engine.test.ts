import { describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifierOptions } from '../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, hangingFetch, jwksResponse } from './helpers/jwks-server.js';

const keyA = testKey('ins_a');
const keyB = testKey('ins_b');
const SECRET = 'sk_test_engine';

function setup(jwks: unknown[] = [keyA.jwk], extra: Partial<TokenVerifierOptions> = {}) {
  let now = NOW_MS;
  const fake = fakeFetch(() => jwksResponse(jwks));
  const verifier = createTokenVerifier({ secretKey: SECRET, fetch: fake.fetch, now: () => now, ...extra });
  return { fake, verifier, tick: (ms: number) => (now += ms) };
}

describe('JWKS engine: scoping (B14)', () => {
  it('sends the secret key as a Bearer token to {apiUrl}/v1/jwks only', async () => {
    const { fake, verifier } = setup([keyA.jwk], { apiUrl: 'https://api.example.com/' });
    await verifier.verify(sessionToken(keyA));
    expect(fake.requests[0]?.url).toBe('https://api.example.com/v1/jwks');
    expect(new Headers(fake.requests[0]?.init?.headers).get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(fake.requests[0]?.init?.redirect).toBe('manual');
  });

  it('refuses a redirect answer instead of following it with the secret key', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example.com/jwks' } }));
    const verifier = createTokenVerifier({ secretKey: SECRET, apiUrl: 'https://api.example.com', fetch: fake.fetch, now: () => NOW_MS });
    const result = await verifier.verify(sessionToken(keyA));
    expect(result.errors?.[0]?.code).toBe('jwks_fetch_failed');
    expect(fake.requests).toHaveLength(1);
  });

  it('fetches a JWKS URL without credentials', async () => {
    const fake = fakeFetch(() => jwksResponse([keyA.jwk]));
    const verifier = createTokenVerifier({
      jwksUrl: 'https://clerk.example.com/.well-known/jwks.json',
      fetch: fake.fetch,
      now: () => NOW_MS,
    });
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    expect(new Headers(fake.requests[0]?.init?.headers).get('authorization')).toBeNull();
  });

  it('never shares keys by kid across instances: a token of instance B fails for instance A', async () => {
    const same = { ...keyB.jwk, kid: keyA.kid }; // instance B happens to use the same kid
    const a = setup([keyA.jwk]);
    const b = createTokenVerifier({ secretKey: 'sk_test_other', fetch: fakeFetch(() => jwksResponse([same])).fetch, now: () => NOW_MS });
    const tokenOfB = keyB.sign({ alg: 'RS256', kid: keyA.kid }, { sub: 'user_b', sid: 'sess_b', exp: NOW_MS / 1000 + 60 });
    expect((await b.verify(tokenOfB)).errors).toBeUndefined();
    expect((await a.verifier.verify(tokenOfB)).errors?.[0].code).toBe('token_invalid_signature');
    expect((await a.verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
  });
});

describe('JWKS engine: single-flight and TTL (B15)', () => {
  it('shares one fetch between 100 concurrent cold verifications', async () => {
    const { fake, verifier } = setup();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => verifier.verify(sessionToken(keyA, { sid: `sess_${i}` }))));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(fake.calls()).toBe(1);
  });

  it('refetches once the TTL (default 5 min) has passed, and honours a configured TTL', async () => {
    const { fake, verifier, tick } = setup();
    await verifier.verify(sessionToken(keyA, { sid: 's1' }));
    tick(299_000);
    await verifier.verify(sessionToken(keyA, { sid: 's2' }));
    expect(fake.calls()).toBe(1);
    tick(2_000);
    await verifier.verify(sessionToken(keyA, { sid: 's3', exp: NOW_MS / 1000 + 3600 }));
    expect(fake.calls()).toBe(2);
    const short = setup([keyA.jwk], { jwksCacheTtlInMs: 60_000 });
    await short.verifier.verify(sessionToken(keyA));
    short.tick(61_000);
    await short.verifier.verify(sessionToken(keyA, { sid: 'x', exp: NOW_MS / 1000 + 3600 }));
    expect(short.fake.calls()).toBe(2);
  });
});

describe('JWKS engine: unknown kid (B16)', () => {
  it('refetches at most once per cooldown window for a flood of unknown kids', async () => {
    const { fake, verifier, tick } = setup();
    await verifier.verify(sessionToken(keyA));
    tick(31_000);
    const flood = Array.from({ length: 200 }, (_, i) => verifier.verify(sessionToken(keyA, {}, { kid: `ins_random_${i}` })));
    const results = await Promise.all(flood);
    expect(results.every((r) => r.errors?.[0].code === 'jwk_kid_mismatch')).toBe(true);
    expect(fake.calls()).toBe(2);
    tick(10_000);
    await Promise.all(Array.from({ length: 50 }, (_, i) => verifier.verify(sessionToken(keyA, {}, { kid: `again_${i}` }))));
    expect(fake.calls()).toBe(2);
  });

  it('keeps the cooldown while the endpoint is failing', async () => {
    const { fake, verifier, tick } = setup();
    await verifier.verify(sessionToken(keyA));
    fake.respond(() => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    tick(31_000);
    for (let i = 0; i < 20; i++) {
      await verifier.verify(sessionToken(keyA, {}, { kid: `unknown_${i}` }));
      tick(1_000);
    }
    expect(fake.calls()).toBe(2);
  });

  it('accepts a real key rotation after the cooldown', async () => {
    const { fake, verifier, tick } = setup();
    await verifier.verify(sessionToken(keyA));
    fake.respond(() => jwksResponse([keyA.jwk, keyB.jwk]));
    expect((await verifier.verify(sessionToken(keyB))).errors?.[0].code).toBe('jwk_kid_mismatch');
    tick(30_000);
    expect((await verifier.verify(sessionToken(keyB, { exp: NOW_MS / 1000 + 3600 }))).errors).toBeUndefined();
    expect(fake.calls()).toBe(2);
  });
});

describe('JWKS engine: limits and malformed sets (B17)', () => {
  it('times out a hung endpoint (jwks_timeout)', async () => {
    const verifier = createTokenVerifier({ secretKey: SECRET, fetch: hangingFetch(), jwksTimeoutInMs: 30, now: () => NOW_MS });
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_timeout');
  });

  it('times out a fetch that ignores the abort signal, and does not block later calls', async () => {
    let calls = 0;
    const deaf = (() => {
      calls++;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    let now = NOW_MS;
    const verifier = createTokenVerifier({ secretKey: SECRET, fetch: deaf, jwksTimeoutInMs: 30, now: () => now });
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_timeout');
    now += 30_000;
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_timeout');
    expect(calls).toBe(2);
  });

  it('keeps the cooldown when the clock steps backwards, and picks up a rotation once the clock moves on', async () => {
    const { fake, verifier, tick } = setup();
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    fake.respond(() => jwksResponse([keyB.jwk]));
    tick(-86_400_000);
    const rotated = sessionToken(keyB, { iat: NOW_MS / 1000 - 86_400, nbf: NOW_MS / 1000 - 86_400, exp: NOW_MS / 1000 });
    for (let i = 0; i < 20; i++) {
      expect((await verifier.verify(rotated)).errors?.[0].code).toBe('jwk_kid_mismatch');
      tick(-1_000);
    }
    expect(fake.calls()).toBe(1);
    tick(31_000);
    expect((await verifier.verify(rotated)).errors).toBeUndefined();
    expect(fake.calls()).toBe(2);
  });

  it('times out a body that never ends', async () => {
    const body = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"keys":[')) });
    const fake = fakeFetch(() => new Response(body, { status: 200 }));
    const verifier = createTokenVerifier({ secretKey: SECRET, fetch: fake.fetch, jwksTimeoutInMs: 50, now: () => NOW_MS });
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_timeout');
  });

  it('caps the response size, declared or streamed', async () => {
    const big = JSON.stringify({ keys: [keyA.jwk], pad: 'x'.repeat(300_000) });
    const declared = setup();
    declared.fake.respond(() => new Response(big, { headers: { 'content-length': String(big.length) } }));
    expect((await declared.verifier.verify(sessionToken(keyA))).errors?.[0]).toMatchObject({ code: 'jwks_fetch_failed' });
    const streamed = setup();
    streamed.fake.respond(() => new Response(new Blob([big]).stream()));
    expect((await streamed.verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_fetch_failed');
  });

  it('caps the key count', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...keyA.jwk, kid: `k${i}` }));
    expect((await setup(many).verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwk_invalid');
  });

  it.each([
    ['HTML', () => new Response('<html>oops</html>', { status: 200 })],
    ['keys not an array', () => new Response('{"keys":"x"}')],
    ['an empty set', () => jwksResponse([])],
    ['a bad n', () => jwksResponse([{ ...keyA.jwk, n: '!!' }])],
    ['a bad e', () => jwksResponse([{ ...keyA.jwk, e: 'AQ' }])],
    ['a duplicate kid', () => jwksResponse([keyA.jwk, { ...keyB.jwk, kid: keyA.kid }])],
    ['a key without kid', () => jwksResponse([{ ...keyA.jwk, kid: undefined }])],
    ['only non-RSA keys', () => jwksResponse([{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', kid: 'ec' }])],
    ['a null entry', () => jwksResponse([null])],
  ])('gives jwk_invalid for %s', async (_name, respond) => {
    const { fake, verifier } = setup();
    fake.respond(respond);
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwk_invalid');
  });

  it('does not retry a 401 and reports secret_key_invalid', async () => {
    const { fake, verifier, tick } = setup();
    fake.respond(() => new Response('{"errors":[{"code":"authentication_invalid"}]}', { status: 401 }));
    for (let i = 0; i < 10; i++) {
      expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('secret_key_invalid');
      tick(1_000);
    }
    expect(fake.calls()).toBe(1);
  });

  it('reports a network failure as jwks_fetch_failed without echoing the secret key', async () => {
    const fake = fakeFetch(() => {
      throw new TypeError(`connect failed with ${SECRET}`);
    });
    const verifier = createTokenVerifier({ secretKey: SECRET, fetch: fake.fetch, now: () => NOW_MS });
    const result = await verifier.verify(sessionToken(keyA));
    expect(result.errors?.[0].code).toBe('jwks_fetch_failed');
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('JWKS engine: unknown kid detail', () => {
  it('names the kid that was not found in meta, sanitised and cut', async () => {
    const { verifier } = setup();
    const plain = await verifier.verify(sessionToken(keyA, {}, { kid: 'ins_missing' }));
    expect(plain.errors?.[0]).toMatchObject({ code: 'jwk_kid_mismatch', meta: { kid: 'ins_missing' } });
    const odd = await verifier.verify(sessionToken(keyA, {}, { kid: `ins_\u0007${'x'.repeat(200)}` }));
    const kid = (odd.errors?.[0].meta as { kid: string }).kid;
    expect(kid).toBe(`ins_?${'x'.repeat(59)}…`);
    expect(odd.errors?.[0].message).not.toContain('xxx');
  });
});

describe('JWKS engine: availability before the first key set (B40)', () => {
  it('backs off from 1 s, doubling up to the cooldown, until a first fetch succeeds', async () => {
    const { fake, verifier, tick } = setup();
    fake.respond(() => new Response('down', { status: 503 }));
    const token = sessionToken(keyA);
    const callsAfter: number[] = [];
    // Readings at 0, 1, 2, 3, 4, 5, 6, 7 s: fetches are due at 0, 1 (+1), 3 (+2) and 7 s (+4).
    for (let second = 0; second < 8; second++) {
      expect((await verifier.verify(token)).errors?.[0].code).toBe('jwks_fetch_failed');
      callsAfter.push(fake.calls());
      tick(1_000);
    }
    expect(callsAfter).toEqual([1, 2, 2, 3, 3, 3, 3, 4]);
  });

  it('uses an endpoint that comes back within seconds, not after the full cooldown', async () => {
    const { fake, verifier, tick } = setup();
    fake.respond(() => new Response('down', { status: 503 }));
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwks_fetch_failed');
    fake.respond(() => jwksResponse([keyA.jwk]));
    tick(1_000);
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    expect(fake.calls()).toBe(2);
  });

  it('caps the backoff at the cooldown', async () => {
    const { fake, verifier, tick } = setup([keyA.jwk], { jwksCooldownInMs: 3_000 });
    fake.respond(() => new Response('down', { status: 503 }));
    for (let i = 0; i < 10; i++) {
      await verifier.verify(sessionToken(keyA));
      tick(3_000);
    }
    expect(fake.calls()).toBe(10);
  });
});

describe('JWKS engine: unusable keys (B40)', () => {
  it('skips each unusable key with a logged reason and keeps the others usable', async () => {
    const weak = testKey('ins_weak', 1024);
    const warnings: Array<Record<string, unknown> | undefined> = [];
    const logger = { warn: (_message: string, details?: Record<string, unknown>) => void warnings.push(details) };
    const jwks = [
      weak.jwk,
      { kty: 'EC', kid: 'ins_ec', crv: 'P-256', x: 'AA', y: 'AA' },
      { ...keyB.jwk, kid: 'ins_enc', use: 'enc' },
      { ...keyB.jwk, kid: 'ins_sign_only', key_ops: ['sign'] },
      keyA.jwk,
    ];
    const { verifier } = setup(jwks, { logger });
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    expect(warnings.map((details) => details?.['index'])).toEqual([0, 1, 2, 3]);
    expect(warnings.map((details) => String(details?.['reason']))).toEqual([
      expect.stringContaining('2048'),
      expect.stringContaining('not an RSA key'),
      expect.stringContaining('use'),
      expect.stringContaining('key_ops'),
    ]);
    expect((await verifier.verify(sessionToken(weak))).errors?.[0].code).toBe('jwk_kid_mismatch');
  });

  it('still refuses a set in which no key is usable', async () => {
    const { verifier } = setup([{ ...keyA.jwk, use: 'enc' }], { logger: { warn: () => undefined } });
    expect((await verifier.verify(sessionToken(keyA))).errors?.[0].code).toBe('jwk_invalid');
  });

  it('survives a logger that throws', async () => {
    const logger = {
      warn: () => {
        throw new Error('logger down');
      },
    };
    const { verifier } = setup([{ kty: 'oct', kid: 'x', k: 'AA' }, keyA.jwk], { logger });
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
  });
});

describe('JWKS engine: last-good keys (B18)', () => {
  it('serves the last good key set while refreshes fail, then reports the failure once it is too old', async () => {
    const { fake, verifier, tick } = setup([keyA.jwk], { jwksStaleIfErrorInMs: 600_000, tokenCache: false });
    const longLived = sessionToken(keyA, { exp: NOW_MS / 1000 + 86_400 });
    await verifier.verify(longLived);
    fake.respond(() => new Response('down', { status: 503 }));
    tick(301_000); // stale: a refresh is attempted and fails
    expect((await verifier.verify(longLived)).errors).toBeUndefined();
    tick(400_000); // still within TTL + stale-if-error
    expect((await verifier.verify(longLived)).errors).toBeUndefined();
    tick(300_000); // beyond it
    expect((await verifier.verify(longLived)).errors?.[0].code).toBe('jwks_fetch_failed');
    expect(fake.calls()).toBe(4);
  });
});
