import { describe, expect, it } from 'vitest';
import { checkedClock, resolveClaimOptions, resolveVerifierOptions, type AnyVerifierOptions } from '../../src/auth/options.js';
import { testKey } from './helpers/keys.js';

// Option validation: every unusable option is refused with `options_invalid` naming that option (and never its
// value), and every default is applied. The verifiers only pass these results on.

const pem = testKey().pem;

function refusal(options: unknown): { option?: unknown; message?: string | undefined; code?: string | undefined } {
  const error = resolveVerifierOptions(options as AnyVerifierOptions).errors?.[0];
  return { code: error?.code, option: error?.meta?.['option'], message: error?.message };
}

describe('resolveClaimOptions', () => {
  it('applies the defaults', () => {
    const { data } = resolveClaimOptions({});
    expect(data?.rules).toEqual({
      clockSkewInMs: 5000,
      headerTypes: ['JWT'],
      authorizedParties: undefined,
      audience: undefined,
      issuer: undefined,
    });
    expect(data?.algorithms).toEqual(['RS256']);
    expect(data?.now).toBe(Date.now);
  });

  it('takes strings or lists for azp, aud, iss and typ, and treats empty lists as not checked', () => {
    const { data } = resolveClaimOptions({
      authorizedParties: ['https://a.example'],
      audience: 'aud',
      issuer: ['https://i.example', 'https://j.example'],
      headerType: ['JWT', 'at+jwt'],
      clockSkewInMs: 0,
      algorithms: ['RS512', 'RS384'],
    });
    expect(data?.rules).toEqual({
      clockSkewInMs: 0,
      headerTypes: ['JWT', 'at+jwt'],
      authorizedParties: ['https://a.example'],
      audience: ['aud'],
      issuer: ['https://i.example', 'https://j.example'],
    });
    expect(data?.algorithms).toEqual(['RS512', 'RS384']);
    const empty = resolveClaimOptions({ authorizedParties: [], audience: [], issuer: [] }).data?.rules;
    expect([empty?.authorizedParties, empty?.audience, empty?.issuer]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ['clockSkewInMs', { clockSkewInMs: 300_001 }, 'a number of milliseconds from 0 to 300000'],
    ['clockSkewInMs', { clockSkewInMs: -1 }, 'a number of milliseconds from 0 to 300000'],
    ['algorithms', { algorithms: [] }, 'a non-empty list of RS256, RS384, RS512'],
    ['algorithms', { algorithms: 'RS256' }, 'a non-empty list of RS256, RS384, RS512'],
    ['algorithms', { algorithms: ['RS256', 'HS256'] }, 'a non-empty list of RS256, RS384, RS512'],
    ['authorizedParties', { authorizedParties: ['https://a.example', ''] }, 'a list of non-empty strings'],
    ['audience', { audience: [42] }, 'a non-empty string or list of them'],
    ['issuer', { issuer: '' }, 'a non-empty string or list of them'],
    ['headerType', { headerType: {} }, 'a non-empty string or list of them'],
    ['now', { now: 1 }, 'a function'],
  ])('refuses an unusable %s, naming it', (option, options, expected) => {
    expect(resolveClaimOptions(options as never).errors).toEqual([
      { code: 'options_invalid', message: `The ${option} option must be ${expected}.`, meta: { option } },
    ]);
  });

  it('wraps an injected clock so that a time that is not a finite number throws', () => {
    const { data } = resolveClaimOptions({ now: () => 42 });
    expect(data?.now()).toBe(42);
    expect(() => checkedClock(() => Number.NaN)()).toThrow(TypeError);
    expect(() => checkedClock(() => '1' as unknown as number)()).toThrow('The now option returned no usable time.');
  });
});

describe('resolveVerifierOptions', () => {
  it('applies every default for a jwtKey', () => {
    const { data } = resolveVerifierOptions({ jwtKey: pem });
    expect(data?.source).toEqual({ kind: 'jwt-key', key: pem });
    expect(data?.jwks).toEqual({
      ttlInMs: 300_000,
      cooldownInMs: 30_000,
      staleIfErrorInMs: 3_600_000,
      timeoutInMs: 5000,
      maxBytes: 262_144,
      maxKeys: 32,
    });
    expect(data?.tokenCacheSize).toBe(1024);
    expect(data?.tokenType).toBe('session');
    expect(data?.logger).toBeUndefined();
  });

  it('refuses options that are not an object', () => {
    for (const options of [null, 'jwtKey', 1]) expect(refusal(options)).toMatchObject({ code: 'options_invalid', option: 'options' });
  });

  it('derives the issuer from a publishable key unless an issuer is given', () => {
    const publishableKey = `pk_test_${btoa('Clerk.Example.com$')}`;
    expect(resolveVerifierOptions({ jwtKey: pem, publishableKey }).data?.rules.issuer).toEqual(['https://clerk.example.com']);
    expect(resolveVerifierOptions({ jwtKey: pem, publishableKey: 'pk_bad', issuer: 'https://i.example' }).data?.rules.issuer).toEqual([
      'https://i.example',
    ]);
    for (const bad of ['pk_bad', 42]) {
      expect(refusal({ jwtKey: pem, publishableKey: bad })).toEqual({
        code: 'options_invalid',
        option: 'publishableKey',
        message: 'The publishableKey option must be pk_test_ or pk_live_ followed by the encoded Frontend API host.',
      });
    }
  });

  it('refuses a malformed secret key with secret_key_invalid', () => {
    expect(refusal({ secretKey: 'sk_prod_x' })).toEqual({
      code: 'secret_key_invalid',
      option: 'secretKey',
      message: 'The secretKey option must be sk_test_ or sk_live_ followed by letters, digits, _ or -.',
    });
  });

  it.each([
    ['jwksCacheTtlInMs', 999, 'a number of milliseconds from 1000 to 86400000'],
    ['jwksCooldownInMs', 3_600_001, 'a number of milliseconds from 1000 to 3600000'],
    ['jwksStaleIfErrorInMs', -1, 'a number of milliseconds from 0 to 604800000'],
    ['jwksTimeoutInMs', 0, 'a number of milliseconds from 1 to 60000'],
    ['jwksMaxBytes', 1023, 'a number of bytes from 1024 to 10485760'],
    ['jwksMaxKeys', 1001, 'a number of keys from 1 to 1000'],
  ])('refuses %s out of range, naming it and its range', (option, value, expected) => {
    expect(refusal({ jwtKey: pem, [option]: value })).toEqual({
      code: 'options_invalid',
      option,
      message: `The ${option} option must be ${expected}.`,
    });
  });

  it.each([
    ['clockSkewInMs', 300_000],
    ['jwksCacheTtlInMs', 86_400_000],
    ['jwksCooldownInMs', 3_600_000],
    ['jwksStaleIfErrorInMs', 604_800_000],
    ['jwksTimeoutInMs', 60_000],
    ['jwksMaxBytes', 10_485_760],
    ['jwksMaxKeys', 1000],
  ])('accepts %s at the top of its range (%d)', (option, value) => {
    expect(resolveVerifierOptions({ jwtKey: pem, [option]: value }).errors).toBeUndefined();
  });

  it('takes null algorithms and headerType as their defaults', () => {
    const { data } = resolveVerifierOptions({ jwtKey: pem, algorithms: null, headerType: null } as never);
    expect(data?.algorithms).toEqual(['RS256']);
    expect(data?.rules.headerTypes).toEqual(['JWT']);
  });

  it('sizes the token cache from tokenCache', () => {
    const size = (tokenCache: unknown) => resolveVerifierOptions({ jwtKey: pem, tokenCache } as never).data?.tokenCacheSize;
    expect([size(false), size(true), size({}), size({ maxEntries: 7 })]).toEqual([0, 1024, 1024, 7]);
    for (const bad of [{ maxEntries: 0 }, 'yes']) {
      expect(refusal({ jwtKey: pem, tokenCache: bad })).toEqual({
        code: 'options_invalid',
        option: 'tokenCache',
        message: 'The tokenCache option must be a boolean or { maxEntries: 1–100000 }.',
      });
    }
  });

  it('uses an injected fetch, and otherwise looks globalThis.fetch up at call time', () => {
    const injected = (() => Promise.resolve(new Response())) as typeof fetch;
    expect(resolveVerifierOptions({ jwtKey: pem, fetch: injected }).data?.fetch()).toBe(injected);
    expect(resolveVerifierOptions({ jwtKey: pem }).data?.fetch()).toBe(globalThis.fetch);
    expect(refusal({ jwtKey: pem, fetch: 'fetch' })).toMatchObject({ option: 'fetch', message: 'The fetch option must be a function.' });
  });

  it('takes the template token type only when asked, and refuses others', () => {
    expect(resolveVerifierOptions({ jwtKey: pem, tokenType: 'jwt_template' }).data?.tokenType).toBe('jwt_template');
    expect(refusal({ jwtKey: pem, tokenType: 'oauth' })).toMatchObject({
      option: 'tokenType',
      message: "The tokenType option must be 'session' or 'jwt_template'.",
    });
  });

  it('takes a logger with a warn method, and refuses anything else', () => {
    const logger = { warn: () => undefined };
    expect(resolveVerifierOptions({ jwtKey: pem, logger }).data?.logger).toBe(logger);
    for (const bad of [{}, null, 'console', { warn: 'loud' }]) {
      expect(refusal({ jwtKey: pem, logger: bad })).toMatchObject({
        option: 'logger',
        message: 'The logger option must be an object with a warn method.',
      });
    }
  });

  describe('key source', () => {
    it('prefers jwtKey, then secretKey, then jwksUrl', () => {
      const all = { jwtKey: pem, secretKey: 'sk_test_abc', jwksUrl: 'https://x.example/jwks' };
      expect(resolveVerifierOptions(all).data?.source.kind).toBe('jwt-key');
      const { jwtKey: _jwtKey, ...withoutJwtKey } = all;
      expect(resolveVerifierOptions(withoutJwtKey).data?.source.kind).toBe('backend-api');
      expect(resolveVerifierOptions({ jwksUrl: all.jwksUrl }).data?.source.kind).toBe('jwks-url');
    });

    it('takes a JWK object as jwtKey and refuses other non-strings', () => {
      const jwk = testKey().jwk;
      expect(resolveVerifierOptions({ jwtKey: jwk }).data?.source).toEqual({ kind: 'jwt-key', key: jwk });
      for (const bad of [42, null]) {
        expect(refusal({ jwtKey: bad })).toMatchObject({ option: 'jwtKey', message: 'The jwtKey option must be a PEM string or a JWK.' });
      }
    });

    it('sends the secret key to {apiUrl}/v1/jwks only, with trailing slashes of apiUrl dropped', () => {
      expect(resolveVerifierOptions({ secretKey: 'sk_test_abc' }).data?.source).toEqual({
        kind: 'backend-api',
        url: 'https://api.clerk.com/v1/jwks',
        headers: { Authorization: 'Bearer sk_test_abc' },
      });
      expect(resolveVerifierOptions({ secretKey: 'sk_test_abc', apiUrl: 'https://api.example.com/base//' }).data?.source).toMatchObject({
        url: 'https://api.example.com/base/v1/jwks',
      });
      for (const apiUrl of ['http://api.example.com', 'https://api.example.com/?a=1']) {
        expect(refusal({ secretKey: 'sk_test_abc', apiUrl }), apiUrl).toMatchObject({
          option: 'apiUrl',
          message: 'The apiUrl option must be an https URL.',
        });
      }
    });

    it('fetches a jwksUrl without credentials, query allowed', () => {
      expect(resolveVerifierOptions({ jwksUrl: 'https://x.example/jwks?v=2' }).data?.source).toEqual({
        kind: 'jwks-url',
        url: 'https://x.example/jwks?v=2',
        headers: {},
      });
      expect(refusal({ jwksUrl: 'http://x.example/jwks' })).toMatchObject({
        option: 'jwksUrl',
        message: 'The jwksUrl option must be an https URL.',
      });
    });

    it('refuses options without any key source', () => {
      expect(refusal({})).toEqual({
        code: 'options_invalid',
        option: 'jwtKey',
        message: 'The jwtKey option must be given, or secretKey or jwksUrl.',
      });
    });
  });
});
