import { describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { createTokenCache } from '../../src/auth/token-cache.js';
import { MAX_TOKEN_LENGTH } from '../../src/auth/decode-jwt.js';
import { b64url, NOW_MS, NOW_S, sessionClaims, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

const key = testKey('ins_cache');

function clock() {
  let now = NOW_MS;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe('verified-token cache', () => {
  it('does not verify a repeated token cryptographically again', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const token = sessionToken(key);
    for (let i = 0; i < 5; i++) expect((await verifier.verify(token)).errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('keeps one verifier, and so one token cache, for verifyToken calls with the same options', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const token = sessionToken(key);
    // Fresh options objects with equal content, as a request handler builds them on every call.
    for (let i = 0; i < 3; i++) expect((await verifyToken(token, { jwtKey: key.pem, now: () => NOW_MS })).errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('verifies every time when turned off', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, tokenCache: false });
    const token = sessionToken(key);
    for (let i = 0; i < 3; i++) await verifier.verify(token);
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
  });

  it('re-checks exp on every hit', async () => {
    const c = clock();
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: c.now });
    const token = sessionToken(key, { exp: NOW_S + 30 });
    expect((await verifier.verify(token)).errors).toBeUndefined();
    c.tick(36_000);
    expect((await verifier.verify(token)).errors?.[0].code).toBe('token_expired');
  });

  it('drops a cached token once a hit is refused, so that a later call verifies it again', async () => {
    const c = clock();
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: c.now });
    const token = sessionToken(key, { exp: NOW_S + 30 });
    expect((await verifier.verify(token)).errors).toBeUndefined();
    c.tick(60_000);
    expect((await verifier.verify(token)).errors?.[0].code).toBe('token_expired');
    c.tick(-60_000);
    const spy = vi.spyOn(crypto.subtle, 'verify');
    try {
      expect((await verifier.verify(token)).errors).toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(1);
      expect((await verifier.verify(token)).errors).toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('re-checks nbf on every hit', async () => {
    const c = clock();
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: c.now });
    const token = sessionToken(key, { nbf: NOW_S });
    expect((await verifier.verify(token)).errors).toBeUndefined();
    c.tick(-60_000); // the clock stepped back
    expect((await verifier.verify(token)).errors?.[0].code).toBe('token_not_active_yet');
  });

  it('keeps azp and aud checks per verifier: a token cached by one verifier is refused by a stricter one', async () => {
    const token = sessionToken(key, { azp: 'https://app.example.com', aud: 'web' });
    const lax = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const strict = createTokenVerifier({
      jwtKey: key.pem,
      now: () => NOW_MS,
      authorizedParties: ['https://other.example.com'],
      audience: 'api',
    });
    expect((await lax.verify(token)).errors).toBeUndefined();
    expect((await strict.verify(token)).errors?.[0].code).toBe('token_invalid_authorized_party');
    expect((await strict.verify(token)).errors?.[0].code).toBe('token_invalid_authorized_party');
  });

  it('never accepts a tampered copy of a cached token', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const token = sessionToken(key);
    await verifier.verify(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect((await verifier.verify(tampered)).errors?.[0].code).toMatch(/token_invalid/);
  });

  it('drops an entry once its key leaves the key set', async () => {
    const c = clock();
    const other = testKey('ins_cache_other');
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const verifier = createTokenVerifier({ secretKey: 'sk_test_cache', fetch: fake.fetch, now: c.now });
    const token = sessionToken(key, { exp: NOW_S + 3600 });
    expect((await verifier.verify(token)).errors).toBeUndefined();
    fake.respond(() => jwksResponse([other.jwk]));
    c.tick(301_000);
    expect((await verifier.verify(token)).errors?.[0].code).toBe('jwk_kid_mismatch');
  });

  it('is bounded: the least recently used token is evicted', () => {
    const cache = createTokenCache(2);
    const entry = {} as Parameters<typeof cache.set>[1];
    cache.set('a', entry);
    cache.set('b', entry);
    cache.get('a');
    cache.set('c', entry);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(entry);
  });

  it('answers only the exact token: one sharing its signature is a miss that leaves the cached entry in place', () => {
    const cache = createTokenCache(2);
    const entry = {} as Parameters<typeof cache.set>[1];
    const signature = 'S'.repeat(342);
    const valid = `header.payload.${signature}`;
    const forged = `header.forged-payload.${signature}`;
    cache.set(valid, entry);
    expect(cache.get(forged)).toBeUndefined();
    cache.delete(forged);
    expect(cache.get(valid)).toBe(entry);
    // A miss does not refresh the cached token: with 'c' the most recent, 'valid' is evicted next, not 'c'.
    cache.set('c', entry);
    cache.get(forged);
    cache.set('d', entry);
    expect(cache.get(valid)).toBeUndefined();
    expect(cache.get('c')).toBe(entry);
  });

  it('keeps nothing with a size of 0', () => {
    const cache = createTokenCache(0);
    const entry = {} as Parameters<typeof cache.set>[1];
    cache.set('header.payload.signature', entry);
    expect(cache.size).toBe(0);
    expect(cache.get('header.payload.signature')).toBeUndefined();
  });

  it('finds each of many distinct tokens, and only a token that shares the last characters loses its slot', () => {
    const cache = createTokenCache(1024);
    const tokens = Array.from({ length: 1000 }, (_, i) => `h.p.${Buffer.from(`signature-${i * 7919}`).toString('base64url')}`);
    const entries = tokens.map(() => ({}) as Parameters<typeof cache.set>[1]);
    tokens.forEach((token, i) => cache.set(token, entries[i]!));
    expect(cache.size).toBe(1000);
    tokens.forEach((token, i) => expect(cache.get(token)).toBe(entries[i]));
    // A different token ending like a cached one takes its slot; neither ever answers for the other.
    const sameTail = `h.other-payload.${tokens[0]!.slice(4)}`;
    const other = {} as Parameters<typeof cache.set>[1];
    cache.set(sameTail, other);
    expect(cache.get(tokens[0]!)).toBeUndefined();
    expect(cache.get(sameTail)).toBe(other);
    expect(cache.get(tokens[1]!)).toBe(entries[1]);
  });

  it('behaves as a least-recently-used list keyed by the exact token, over random operations', () => {
    // A reference model: slots by index, most recent first; a token sharing an index is a miss that touches nothing.
    const tails = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE', 'FFFFFFFF'];
    const tokens = tails.flatMap((tail) => [`h.p1.${tail}`, `h.p2.${tail}`]);
    let seed = 3;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (const size of [1, 2, 3, 5]) {
      const cache = createTokenCache<number>(size);
      let model: Array<{ tail: string; token: string; entry: Parameters<typeof cache.set>[1] }> = [];
      for (let step = 0; step < 2000; step++) {
        const token = tokens[random(tokens.length)]!;
        const tail = token.slice(-8);
        const found = model.find((slot) => slot.tail === tail);
        const operation = random(3);
        if (operation === 0) {
          const entry = { kid: String(step), key: undefined as never, value: step };
          cache.set(token, entry);
          model = [{ tail, token, entry }, ...model.filter((slot) => slot.tail !== tail)].slice(0, size);
        } else if (operation === 1) {
          const expected = found?.token === token ? found.entry : undefined;
          expect(cache.get(token)).toBe(expected);
          if (expected !== undefined) model = [found!, ...model.filter((slot) => slot !== found)];
        } else {
          cache.delete(token);
          if (found?.token === token) model = model.filter((slot) => slot !== found);
        }
        expect(cache.size).toBe(model.length);
      }
    }
  });

  it('stops caching after a full turnover without a hit, and caches every token again after the next hit', () => {
    const cache = createTokenCache<number>(64);
    const token = (i: number): string => `h.p.${Buffer.from(`signature-${i}`).toString('base64url')}`;
    const entry = (i: number) => ({ kid: undefined, key: undefined as never, value: i });
    // 64 entries, then 64 more that evict them unused: the cache is emptied and stops admitting fresh tokens.
    for (let i = 0; i < 128; i++) cache.set(token(i), entry(i));
    expect(cache.size).toBe(0);
    cache.set(token(500), entry(500));
    expect(cache.get(token(500))).toBeUndefined();
    // Verified again within reach: cached, and its hit makes the cache admit every token again.
    cache.set(token(500), entry(500));
    expect(cache.get(token(500))?.value).toBe(500);
    cache.set(token(501), entry(501));
    expect(cache.get(token(501))?.value).toBe(501);
    expect(cache.size).toBe(2);
  });

  it('keeps caching while tokens come back, however many are new', () => {
    const cache = createTokenCache<number>(64);
    const token = (i: number): string => `h.p.${Buffer.from(`signature-${i}`).toString('base64url')}`;
    for (let i = 0; i < 2000; i++) {
      cache.set(token(i), { kid: undefined, key: undefined as never, value: i });
      // One token in 50 comes back while it is cached.
      if (i % 50 === 49) expect(cache.get(token(i - 10))?.value).toBe(i - 10);
    }
    expect(cache.size).toBe(64);
  });

  it('verifies a token again after a scan of fresh tokens, and caches it from its second verification', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    try {
      const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, tokenCache: { maxEntries: 64 } });
      for (let i = 0; i < 128; i++) expect((await verifier.verify(sessionToken(key, { sid: `sess_scan_${i}` }))).errors).toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(128);
      const token = sessionToken(key, { sid: 'sess_back' });
      for (let i = 0; i < 4; i++) expect((await verifier.verify(token)).data?.sessionId).toBe('sess_back');
      // Verified in full twice (not admitted on the first), then answered from the cache.
      expect(spy).toHaveBeenCalledTimes(130);
      const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(342)}`;
      expect((await verifier.verify(forged)).errors?.[0].code).toBe('token_invalid_signature');
    } finally {
      spy.mockRestore();
    }
  });

  it('never accepts a forged payload under the signature of a cached token', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const token = sessionToken(key, { sub: 'user_real' });
    expect((await verifier.verify(token)).data?.userId).toBe('user_real');
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...sessionClaims(), sub: 'user_evil' })).toString('base64url');
    const forged = await verifier.verify(`${header}.${forgedPayload}.${signature}`);
    expect(forged.errors?.[0].code).toBe('token_invalid_signature');
    expect((await verifier.verify(token)).data?.userId).toBe('user_real');
  });

  it('does not cache failures', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, authorizedParties: ['https://x.example.com'] });
    const token = sessionToken(key);
    await verifier.verify(token);
    await verifier.verify(token);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('does not verify a repeated token again while its JWKS key stays fresh, also after a refresh', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const c = clock();
    const verifier = createTokenVerifier({
      secretKey: 'sk_test_cache_refresh',
      fetch: fakeFetch(() => jwksResponse([key.jwk])).fetch,
      now: c.now,
    });
    const token = sessionToken(key, { exp: NOW_S + 3600 });
    for (let i = 0; i < 3; i++) expect((await verifier.verify(token)).errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    c.tick(301_000); // stale: the cache entry is dropped, the set refetched and the token verified again
    expect((await verifier.verify(token)).errors).toBeUndefined();
    c.tick(1);
    expect((await verifier.verify(token)).errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('reuses the verification of a token of exactly the size cap', async () => {
    // Pad a claim (and the header, since base64url skips lengths 4k+1) until the token is exactly the cap:
    // header and payload lengths are computed unsigned, the RS256 signature of a 2048-bit key is 342 characters.
    const parts = (pad: number, extra: number) => ({
      header: { alg: 'RS256', kid: key.kid, typ: 'JWT', x: 'y'.repeat(extra) },
      payload: sessionClaims({ pad: 'p'.repeat(pad) }),
    });
    const unsignedLength = ({ header, payload }: ReturnType<typeof parts>) =>
      b64url(JSON.stringify(header)).length + 1 + b64url(JSON.stringify(payload)).length + 1 + 342;
    let chosen: ReturnType<typeof parts> | undefined;
    for (let pad = 5000; chosen === undefined && pad < 7000; pad++) {
      for (const extra of [0, 1, 2]) if (unsignedLength(parts(pad, extra)) === MAX_TOKEN_LENGTH) chosen ??= parts(pad, extra);
    }
    const token = key.sign(chosen!.header, chosen!.payload);
    expect(token.length).toBe(MAX_TOKEN_LENGTH);
    const spy = vi.spyOn(crypto.subtle, 'verify');
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    expect((await verifier.verify(token)).errors).toBeUndefined();
    expect((await verifier.verify(token)).errors).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('frees the slot of a cached token once its key has left the key set', async () => {
    const gone = testKey('ins_options_gone');
    const kept = testKey('ins_options_kept');
    let now = NOW_MS;
    const fake = fakeFetch(() => jwksResponse([gone.jwk, kept.jwk]));
    const verifier = createTokenVerifier({
      secretKey: 'sk_test_options_slots',
      fetch: fake.fetch,
      now: () => now,
      tokenCache: { maxEntries: 2 },
    });
    const old = sessionToken(gone, { exp: NOW_S + 3600 });
    const y = sessionToken(kept, { sid: 'sess_y', exp: NOW_S + 3600 });
    const z = sessionToken(kept, { sid: 'sess_z', exp: NOW_S + 3600 });
    expect((await verifier.verify(old)).errors).toBeUndefined();
    fake.respond(() => jwksResponse([kept.jwk]));
    now += 301_000;
    expect((await verifier.verify(old)).errors?.[0].code).toBe('jwk_kid_mismatch');
    expect((await verifier.verify(y)).errors).toBeUndefined();
    expect((await verifier.verify(old)).errors?.[0].code).toBe('jwk_kid_mismatch');
    expect((await verifier.verify(z)).errors).toBeUndefined();
    // The refused token holds no slot, so y and z both stay cached.
    const spy = vi.spyOn(crypto.subtle, 'verify');
    expect((await verifier.verify(y)).errors).toBeUndefined();
    expect((await verifier.verify(z)).errors).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
