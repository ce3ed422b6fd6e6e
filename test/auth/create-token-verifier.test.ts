import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../src/auth/index.js';
import { assertSecretKey } from '../../src/kernel/secret-key.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

const SECRET = 'sk_live_SuperSecretValue123';

describe('createTokenVerifier', () => {
  it('never shows the secret key in JSON.stringify, util.inspect or String()', () => {
    const verifier = createTokenVerifier({ secretKey: SECRET });
    for (const text of [JSON.stringify(verifier), inspect(verifier, { depth: 10, showHidden: true }), String(verifier)]) {
      expect(text).not.toContain('SuperSecret');
      expect(text).toContain('backend-api');
    }
  });

  it('never shows the secret key or the token in results and errors', async () => {
    const key = testKey();
    const fake = fakeFetch(() => new Response('{}', { status: 401 }));
    const verifier = createTokenVerifier({ secretKey: SECRET, fetch: fake.fetch, now: () => NOW_MS });
    const token = sessionToken(key);
    const result = await verifier.verify(token);
    const text = `${JSON.stringify(result)} ${inspect(result, { depth: 10 })}`;
    expect(text).not.toContain('SuperSecret');
    expect(text).not.toContain(token.split('.')[2]!.slice(0, 20));
  });

  it.each([
    ['a publishable key', 'pk_live_SuperSecretValue'],
    ['a space', 'sk_live_Super Secret'],
    ['a control character', 'sk_live_Super\u0007Secret'],
    ['a non-ASCII character', 'sk_live_SuperSécret'],
    ['no prefix', 'SuperSecretValue'],
    ['nothing after the prefix', 'sk_live_'],
  ])('refuses a secret key with %s with a TypeError that does not contain it', (_name, secretKey) => {
    let thrown: unknown;
    try {
      createTokenVerifier({ secretKey });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(String(thrown)).toContain('createTokenVerifier: The secretKey option');
    expect(String(thrown)).not.toContain('Super');
  });

  it('accepts exactly the secret keys the client accepts: one rule for both', () => {
    for (const secretKey of ['sk_test_abc', 'sk_live_a-b_C9', 'sk_test_X']) {
      expect(() => assertSecretKey(secretKey)).not.toThrow();
      expect(() => createTokenVerifier({ secretKey })).not.toThrow();
    }
    for (const secretKey of ['sk_live_a.b', 'sk_test_x~y', 'sk_test_a b']) {
      expect(() => assertSecretKey(secretKey)).toThrow(TypeError);
      expect(() => createTokenVerifier({ secretKey })).toThrow(TypeError);
    }
  });

  it.each([
    [{}],
    [{ secretKey: 'sk_test_x', apiUrl: 'http://api.example.com' }],
    [{ jwksUrl: 'ftp://x' }],
    [{ jwtKey: 'x', algorithms: ['HS256'] }],
    [{ jwtKey: 'x', algorithms: [] }],
    [{ jwtKey: 'x', authorizedParties: [''] }],
    [{ jwtKey: 'x', jwksTimeoutInMs: -1 }],
    [{ jwtKey: 'x', tokenCache: { maxEntries: 0 } }],
  ])('throws a TypeError for bad options %j', (options) => {
    expect(() => createTokenVerifier(options as never)).toThrow(TypeError);
  });

  it('fails closed when an injected clock throws or returns no usable time', async () => {
    const key = testKey();
    const token = sessionToken(key);
    expect((await createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS }).verify(token)).errors).toBeUndefined();
    for (const now of [
      () => Number.NaN,
      () => Number.POSITIVE_INFINITY,
      () => '1' as unknown as number,
      () => {
        throw new Error('clock');
      },
    ]) {
      const result = await createTokenVerifier({ jwtKey: key.pem, now }).verify(token);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].code).toBe('options_invalid');
    }
  });

  it('allows plain http only to a loopback API URL', () => {
    expect(() => createTokenVerifier({ secretKey: 'sk_test_x', apiUrl: 'http://127.0.0.1:8080' })).not.toThrow();
  });

  it('looks up the global fetch at call time', async () => {
    const key = testKey();
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const original = globalThis.fetch;
    const verifier = createTokenVerifier({ secretKey: 'sk_test_lazy', now: () => NOW_MS });
    globalThis.fetch = fake.fetch;
    try {
      expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
    } finally {
      globalThis.fetch = original;
    }
    expect(fake.calls()).toBe(1);
  });
});
