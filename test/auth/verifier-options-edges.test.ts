import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

// The verifiers' option handling at its edges, through the public functions: options read through getters or a
// prototype, odd option values, the per-call callbacks of verifyToken, and what its registry keeps apart.

const key = testKey('ins_options_edges');
const pk = (host: string) => `pk_test_${btoa(`${host}$`)}`;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createTokenVerifier options', () => {
  it('keeps the checks of options read through a getter when the issuer comes from a publishable key', async () => {
    class Options {
      jwtKey = key.pem;
      publishableKey = pk('clerk.example.com');
      now = () => NOW_MS;
      get authorizedParties() {
        return ['https://app.example.com'];
      }
    }
    const verifier = createTokenVerifier(new Options());
    expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
    expect((await verifier.verify(sessionToken(key, { azp: 'https://evil.example.com' }))).errors?.[0].code).toBe(
      'token_invalid_authorized_party',
    );
    expect((await verifier.verify(sessionToken(key, { iss: 'https://other.example.com' }))).errors?.[0].code).toBe('token_invalid_issuer');
  });

  it('refuses options that are not an object, and a publishable key or logger of the wrong type', () => {
    expect(() => createTokenVerifier(null as never)).toThrow(new TypeError('createTokenVerifier: The options option must be an object.'));
    const readsAsKey = { toString: () => pk('clerk.example.com') };
    expect(() => createTokenVerifier({ jwtKey: key.pem, publishableKey: readsAsKey as never })).toThrow(/publishableKey option/);
    const callable = Object.assign(() => undefined, { warn: () => undefined });
    expect(() => createTokenVerifier({ jwtKey: key.pem, logger: callable as never })).toThrow(/logger option/);
  });

  it('shows its type and key source when serialised or printed', () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem });
    expect(JSON.stringify(verifier)).toBe('{"type":"TokenVerifier","keySource":"jwt-key"}');
    expect(String(verifier)).toBe('TokenVerifier {"type":"TokenVerifier","keySource":"jwt-key"}');
  });

  it('reads a 401 from a JWKS URL as a failed fetch, not as a refused secret key', async () => {
    const fake = fakeFetch(() => new Response('{}', { status: 401 }));
    const verifier = createTokenVerifier({
      jwksUrl: 'https://clerk.example.com/.well-known/jwks.json',
      fetch: fake.fetch,
      now: () => NOW_MS,
    });
    expect((await verifier.verify(sessionToken(key))).errors?.[0].code).toBe('jwks_fetch_failed');
  });
});

describe('verifyToken per-call callbacks', () => {
  // Key sets are shared per secret key for the process: a fresh key per run makes each test load its own.
  const freshSecret = () => `sk_test_options_${crypto.randomUUID()}`;
  const realToken = (signer = key) => {
    const nowS = Math.floor(Date.now() / 1000);
    return sessionToken(signer, { iat: nowS - 10, nbf: nowS - 10, exp: nowS + 600 });
  };

  it('uses an injected fetch given without a clock', async () => {
    vi.stubGlobal('fetch', fakeFetch(() => new Response('global', { status: 500 })).fetch);
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const result = await verifyToken(realToken(), { secretKey: freshSecret(), fetch: fake.fetch });
    expect(result.errors).toBeUndefined();
    expect(fake.calls()).toBe(1);
  });

  it('uses an injected logger given without a clock or fetch', async () => {
    const fake = fakeFetch(() => jwksResponse([{ kty: 'oct', kid: 'x', k: 'AA' }, key.jwk]));
    vi.stubGlobal('fetch', fake.fetch);
    const warn = vi.fn();
    const result = await verifyToken(realToken(), { secretKey: freshSecret(), logger: { warn } });
    expect(result.errors).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('A JWKS key was skipped.', expect.objectContaining({ index: 0 }));
  });
});

describe('verifyToken registry', () => {
  it('never shares a verifier between lists that join to the same text', async () => {
    const token = sessionToken(key, { azp: 'https://a.example' });
    const base = { jwtKey: key.pem, now: () => NOW_MS };
    const joinedFirst = await verifyToken(token, {
      ...base,
      authorizedParties: ['https://a.example,https://b.example', 'https://c.example'],
    });
    expect(joinedFirst.errors?.[0].code).toBe('token_invalid_authorized_party');
    const joinedLast = await verifyToken(token, {
      ...base,
      authorizedParties: ['https://a.example', 'https://b.example,https://c.example'],
    });
    expect(joinedLast.errors).toBeUndefined();
  });

  it('builds the verifier from one reading of each option, as its registry key is', async () => {
    let reads = 0;
    const parties: string[] = [];
    Object.defineProperty(parties, 0, { enumerable: true, get: () => (reads++ === 0 ? 'https://good.example' : 'https://evil.example') });
    const evil = sessionToken(key, { azp: 'https://evil.example' });
    const result = await verifyToken(evil, { jwtKey: key.pem, now: () => NOW_MS, authorizedParties: parties });
    expect(result.errors?.[0].code).toBe('token_invalid_authorized_party');
    const plain = await verifyToken(evil, { jwtKey: key.pem, now: () => NOW_MS, authorizedParties: ['https://good.example'] });
    expect(plain.errors?.[0].code).toBe('token_invalid_authorized_party');
  });

  it('names a jwtKey that is a function as the bad option', async () => {
    const result = await verifyToken(sessionToken(key), { jwtKey: (() => key.pem) as never, now: () => NOW_MS });
    expect(result.errors?.[0]).toMatchObject({ code: 'options_invalid', meta: { option: 'jwtKey' } });
  });
});
