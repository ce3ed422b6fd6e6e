import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, type TokenVerifierOptions } from '../../src/auth/index.js';
import { createJwksEngine, type JwksEngineOptions } from '../../src/auth/jwks-engine.js';
import { fetchJwks } from '../../src/auth/jwks-fetch.js';
import type { KeyContext } from '../../src/auth/key-source.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

// The JWKS engine's windows pinned to the millisecond with an injected clock, its lookups that overlap a fetch
// in flight, and the edges of one JWKS request. No real waiting: fetches answer when the test lets them.

const keyA = testKey('ins_a');
const keyB = testKey('ins_b');
const SECRET = 'sk_test_engine_edges';
const down = (): Response => new Response('down', { status: 503 });

/** A fetch answered by `answers` in turn (the last one repeats), counting calls. */
function scripted(...answers: Array<() => Response | Promise<Response>>) {
  let calls = 0;
  const fetch = (async () => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls++;
    return answer!();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

function engine(overrides: Partial<JwksEngineOptions> = {}) {
  return createJwksEngine({
    url: 'https://clerk.example.com/.well-known/jwks.json',
    headers: {},
    bapi: false,
    timeoutInMs: 5000,
    maxBytes: 262_144,
    algorithms: ['RS256'],
    ttlInMs: 300_000,
    cooldownInMs: 30_000,
    staleIfErrorInMs: 600_000,
    maxKeys: 32,
    ...overrides,
  });
}

const at = (nowMs: number, fetch: typeof globalThis.fetch): KeyContext => ({ nowMs, fetch: () => fetch });
const codeOf = (result: { errors?: ReadonlyArray<{ code: string }> | undefined }): string | undefined => result.errors?.[0]?.code;

function verifierSetup(extra: Partial<TokenVerifierOptions> = {}) {
  let now = NOW_MS;
  const fake = fakeFetch(() => jwksResponse([keyA.jwk]));
  const verifier = createTokenVerifier({ secretKey: SECRET, fetch: fake.fetch, now: () => now, ...extra });
  return { fake, verifier, tick: (ms: number) => (now += ms) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('JWKS engine: windows to the millisecond', () => {
  it('answers a fresh key without fetching, and refetches at exactly the TTL', async () => {
    const source = scripted(() => jwksResponse([keyA.jwk]));
    const keys = engine();
    const calls: number[] = [];
    for (const nowMs of [0, 100_000, 300_000, 400_000]) {
      expect(codeOf(await keys.getKey('ins_a', at(nowMs, source.fetch)))).toBeUndefined();
      calls.push(source.calls());
    }
    // The set loaded at 300 000 is fresh at 400 000: its age counts from its own fetch.
    expect(calls).toEqual([1, 1, 2, 2]);
  });

  it('refetches through the verifier at exactly the TTL', async () => {
    const { fake, verifier, tick } = verifierSetup();
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    tick(300_000);
    expect((await verifier.verify(sessionToken(keyA, { sid: 's2', exp: NOW_S + 3600 }))).errors).toBeUndefined();
    expect(fake.calls()).toBe(2);
  });

  it('serves the last good key until exactly TTL + staleIfError past its own fetch', async () => {
    const source = scripted(
      () => jwksResponse([keyA.jwk]),
      () => jwksResponse([keyA.jwk]),
      down,
    );
    const keys = engine();
    await keys.getKey('ins_a', at(0, source.fetch));
    await keys.getKey('ins_a', at(300_000, source.fetch)); // a good refresh: the set's age restarts here
    expect(codeOf(await keys.getKey('ins_a', at(700_000, source.fetch)))).toBeUndefined();
    expect(codeOf(await keys.getKey('ins_a', at(1_199_999, source.fetch)))).toBeUndefined();
    expect(codeOf(await keys.getKey('ins_a', at(1_200_000, source.fetch)))).toBe('jwks_fetch_failed');
    expect(source.calls()).toBe(4); // none at 1 200 000: 1 ms after the last attempt
  });

  it('keeps using a stale set while the cooldown forbids a refetch, even with no stale-if-error window', async () => {
    const { fake, verifier, tick } = verifierSetup({ jwksCacheTtlInMs: 1000, jwksStaleIfErrorInMs: 0, tokenCache: false });
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    tick(2000);
    expect((await verifier.verify(sessionToken(keyA))).errors).toBeUndefined();
    expect(fake.calls()).toBe(1);
  });
});

describe('JWKS engine: lookups that overlap a fetch', () => {
  it('answers a lookup that arrives during a fetch from the set that fetch brings', async () => {
    const source = scripted(
      () => jwksResponse([keyA.jwk]),
      () => jwksResponse([keyB.jwk]),
    );
    const keys = engine();
    await keys.getKey('ins_a', at(0, source.fetch));
    // ins_b is unknown past the cooldown: a refetch starts, and the rotation drops ins_a from the set.
    const rotating = keys.getKey('ins_b', at(31_000, source.fetch));
    const meanwhile = keys.getKey('ins_a', at(31_000, source.fetch));
    expect(codeOf(await rotating)).toBeUndefined();
    expect(codeOf(await meanwhile)).toBe('jwk_kid_mismatch');
    expect(source.calls()).toBe(2);
  });

  it('lets a lookup wait for the retry another lookup started after a failed first fetch', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const source = scripted(
      async () => {
        await released;
        return down();
      },
      () => jwksResponse([keyA.jwk]),
    );
    const keys = engine();
    const first = keys.getKey('ins_a', at(0, source.fetch));
    // Two lookups 2 s later, while the first fetch hangs: both wait for it; when it fails, the first of them
    // retries (the 1 s backoff has passed) and the second waits for that retry instead of reporting the failure.
    const second = keys.getKey('ins_a', at(2000, source.fetch));
    const third = keys.getKey('ins_a', at(2000, source.fetch));
    release();
    expect(codeOf(await first)).toBe('jwks_fetch_failed');
    expect(codeOf(await second)).toBeUndefined();
    expect(codeOf(await third)).toBeUndefined();
    expect(source.calls()).toBe(2);
  });

  it('reports the failure to a lookup that waited for a retry that failed too', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const source = scripted(async () => {
      await released;
      return down();
    });
    const keys = engine();
    const first = keys.getKey('ins_a', at(0, source.fetch));
    const second = keys.getKey('ins_a', at(2000, source.fetch));
    const third = keys.getKey('ins_a', at(2000, source.fetch));
    release();
    expect([codeOf(await first), codeOf(await second), codeOf(await third)]).toEqual([
      'jwks_fetch_failed',
      'jwks_fetch_failed',
      'jwks_fetch_failed',
    ]);
    expect(source.calls()).toBe(2);
  });
});

describe('JWKS engine: what it reports', () => {
  it('uses globalThis.fetch when the lookup lends no fetch', async () => {
    const source = scripted(() => jwksResponse([keyA.jwk]));
    vi.stubGlobal('fetch', source.fetch);
    expect(codeOf(await engine().getKey('ins_a', { nowMs: 0 }))).toBeUndefined();
    expect(source.calls()).toBe(1);
  });

  it('refuses a token without kid, and names an unknown kid, with their messages', async () => {
    const { verifier } = verifierSetup();
    expect((await verifier.verify(sessionToken(keyA, {}, { kid: undefined }))).errors).toEqual([
      { code: 'token_invalid', message: 'The token has no kid, which a JWKS needs to pick a key.' },
    ]);
    expect((await verifier.verify(sessionToken(keyA, {}, { kid: 'ins_other' }))).errors?.[0]).toMatchObject({
      code: 'jwk_kid_mismatch',
      message: 'No key in the JWKS matches the token kid.',
    });
  });

  it('logs each skipped key with one fixed message', async () => {
    const messages: string[] = [];
    const logger = { warn: (message: string) => void messages.push(message) };
    const skipping = createTokenVerifier({
      secretKey: SECRET,
      fetch: fakeFetch(() => jwksResponse([{ kty: 'oct', kid: 'x', k: 'AA' }, keyA.jwk])).fetch,
      now: () => NOW_MS,
      logger,
    });
    expect((await skipping.verify(sessionToken(keyA))).errors).toBeUndefined();
    expect(messages).toEqual(['A JWKS key was skipped.']);
  });
});

describe('one JWKS request', () => {
  const request = (fetch: typeof globalThis.fetch, bapi = true) => ({
    url: 'https://api.clerk.com/v1/jwks',
    headers: {},
    fetch,
    timeoutInMs: 5000,
    maxBytes: 262_144,
    bapi,
  });

  it('reads a refusal without a body by its status', async () => {
    const empty = (status: number) => (async () => new Response(null, { status })) as unknown as typeof fetch;
    expect((await fetchJwks(request(empty(401)))).errors?.[0]).toMatchObject({ code: 'secret_key_invalid', meta: { status: 401 } });
    expect((await fetchJwks(request(empty(503), false))).errors?.[0]).toMatchObject({
      code: 'jwks_fetch_failed',
      message: 'The JWKS endpoint answered with status 503.',
    });
  });

  it('leaves no timer behind once the answer is read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ok = (async () => jwksResponse([keyA.jwk])) as unknown as typeof fetch;
    expect((await fetchJwks(request(ok))).data).toEqual({ keys: [keyA.jwk] });
    expect(vi.getTimerCount()).toBe(0);
  });
});
