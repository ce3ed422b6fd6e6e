import { describe, expect, it } from 'vitest';
import { createTokenVerifier, verifyToken, type TokenVerifierOptions } from '../../src/auth/index.js';
import { b64url, NOW_MS, NOW_S, sessionClaims, sessionToken, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

const key = testKey();
const base: TokenVerifierOptions = { jwtKey: key.pem, now: () => NOW_MS };

async function codeOf(token: string, options: TokenVerifierOptions = base): Promise<string | undefined> {
  const result = await createTokenVerifier(options).verify(token);
  return result.errors?.[0].code;
}

/** A token with the given raw parts, signed correctly by `key` so only the tested property is wrong. */
function signed(header: Record<string, unknown>, claims: Record<string, unknown> = {}): string {
  return key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, sessionClaims(claims));
}

describe('verifyToken: algorithms (A1)', () => {
  it('accepts a valid RS256 session token and returns its claims', async () => {
    const result = await verifyToken(sessionToken(key), base);
    expect(result.errors).toBeUndefined();
    expect(result.data?.userId).toBe('user_2abc');
    expect(result.data?.sessionId).toBe('sess_2abc');
    expect(result.data?.claims.azp).toBe('https://app.example.com');
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])('rejects alg %s, even without a signature check', async (alg) => {
    const header = b64url(JSON.stringify({ alg, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(sessionClaims()));
    expect(await codeOf(`${header}.${payload}.AAAA`)).toBe('token_invalid_algorithm');
  });

  it('rejects HS256 tokens signed with the public key as PEM text, JWK JSON or DER', async () => {
    const { createHmac, createPublicKey } = await import('node:crypto');
    const der = createPublicKey(key.pem).export({ type: 'spki', format: 'der' });
    for (const secret of [Buffer.from(key.pem), Buffer.from(JSON.stringify(key.jwk)), der]) {
      const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: key.kid }))}.${b64url(JSON.stringify(sessionClaims()))}`;
      const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      expect(await codeOf(token)).toBe('token_invalid_algorithm');
      expect(await codeOf(token, { jwtKey: key.jwk, now: () => NOW_MS })).toBe('token_invalid_algorithm');
    }
  });

  it.each(['RS384', 'RS512', 'PS256', 'ES256'])('rejects %s against an RS256 key by default', async (alg) => {
    const hash = alg === 'RS512' ? 'sha512' : 'sha384';
    const token = key.sign({ alg, typ: 'JWT', kid: key.kid }, sessionClaims(), hash);
    expect(await codeOf(token)).toBe('token_invalid_algorithm');
  });

  it('accepts RS384 only when the allow-list contains it', async () => {
    const token = key.sign({ alg: 'RS384', typ: 'JWT' }, sessionClaims(), 'sha384');
    expect(await codeOf(token, { ...base, algorithms: ['RS384'] })).toBeUndefined();
    expect(await codeOf(token, { ...base, algorithms: ['RS256'] })).toBe('token_invalid_algorithm');
  });

  it('rejects a token whose alg differs from the alg its JWK is pinned to', async () => {
    const token = key.sign({ alg: 'RS384', typ: 'JWT' }, sessionClaims(), 'sha384');
    const options = { jwtKey: key.jwk, now: () => NOW_MS, algorithms: ['RS256', 'RS384'] } as const;
    expect(await codeOf(token, options)).toBe('token_invalid_algorithm');
  });
});

describe('verifyToken: token shape and size (A2)', () => {
  const valid = sessionToken(key);
  it.each([
    ['leading whitespace', ` ${valid}`],
    ['trailing newline', `${valid}\n`],
    ['= padding', `${valid}=`],
    ['four segments', `${valid}.AAAA`],
    ['a five-part JWE', 'eyJhbGciOiJSU0EtT0FFUCJ9.AAAA.AAAA.AAAA.AAAA'],
    ['JSON serialization', JSON.stringify({ payload: 'e30', signatures: [{ protected: 'e30', signature: 'AA' }] })],
    ['an empty segment', valid.replace(/\.[^.]+$/, '.')],
    ['standard base64 characters', valid.replace(/.$/, '+')],
    ['the empty string', ''],
  ])('rejects %s as token_invalid', async (_name, token) => {
    expect(await codeOf(token)).toBe('token_invalid');
  });

  it('rejects a nested token (cty: JWT)', async () => {
    expect(await codeOf(signed({ cty: 'JWT' }))).toBe('token_invalid');
  });

  it('rejects tokens over 8 KB before parsing them', async () => {
    const huge = `${'A'.repeat(9000)}.${'A'.repeat(10)}.${'A'.repeat(10)}`;
    expect(await codeOf(huge)).toBe('token_too_large');
    expect(await codeOf(signed({}, { pad: 'x'.repeat(7000) }))).toBe('token_too_large');
  });

  it('rejects a non-string token without throwing', async () => {
    expect(await codeOf(42 as unknown as string)).toBe('token_invalid');
    expect(await codeOf(undefined as unknown as string)).toBe('token_invalid');
  });
});

describe('verifyToken: header parameters (A3, A4)', () => {
  it('ignores jku, x5u, x5c and an embedded jwk: no request is made because of them', async () => {
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const attacker = testKey('attacker');
    const token = attacker.sign(
      { alg: 'RS256', kid: key.kid, jku: 'https://evil.example/jwks', x5u: 'https://evil.example/x5u', x5c: ['AAAA'], jwk: attacker.jwk },
      sessionClaims(),
    );
    const code = await codeOf(token, { secretKey: 'sk_test_abc', fetch: fake.fetch, now: () => NOW_MS });
    expect(code).toBe('token_invalid_signature');
    expect(fake.requests.map((r) => r.url)).toEqual(['https://api.clerk.com/v1/jwks']);
  });

  it('rejects any crit header and b64: false', async () => {
    const crit = await createTokenVerifier(base).verify(signed({ crit: ['exp'] }));
    expect(crit.errors?.[0].message).toMatch(/header lists critical extensions this verifier does not support/);
    expect(await codeOf(signed({ crit: ['exp'] }))).toBe('token_invalid');
    expect(await codeOf(signed({ crit: ['b64'], b64: false }))).toBe('token_invalid');
    expect(await codeOf(signed({ b64: false }))).toBe('token_invalid');
  });

  it('matches kid by exact string equality', async () => {
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const options = { secretKey: 'sk_test_abc', fetch: fake.fetch, now: () => NOW_MS };
    const verifier = createTokenVerifier(options);
    expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
    for (const kid of [key.kid.toUpperCase(), `${key.kid} `, key.kid.slice(0, -1)]) {
      expect((await verifier.verify(signed({ kid }))).errors?.[0].code).toBe('jwk_kid_mismatch');
    }
  });

  it('rejects a non-string or huge kid and never echoes it', async () => {
    const huge = `<script>${'k'.repeat(5000)}`;
    for (const kid of [42, { a: 1 }, ['x'], huge, '']) {
      const result = await createTokenVerifier(base).verify(signed({ kid }));
      expect(result.errors?.[0].code).toBe('token_invalid');
      expect(JSON.stringify(result)).not.toContain('kkkkkkkk');
    }
  });
});

describe('verifyToken: signature before claims (A6)', () => {
  it('reports the forgery, not the expiry, for a forged expired token', async () => {
    const forged = testKey('forger').sign({ alg: 'RS256', typ: 'JWT' }, sessionClaims({ exp: NOW_S - 3600 }));
    expect(await codeOf(forged)).toBe('token_invalid_signature');
  });

  it('reports the forgery for a forged token with a wrong azp or a missing sub', async () => {
    const forger = testKey('forger');
    const options = { ...base, authorizedParties: ['https://other.example.com'] };
    expect(await codeOf(forger.sign({ alg: 'RS256' }, sessionClaims()), options)).toBe('token_invalid_signature');
    expect(await codeOf(forger.sign({ alg: 'RS256' }, { exp: NOW_S + 60 }))).toBe('token_invalid_signature');
  });
});

describe('verifyToken: time and identity claims (A7)', () => {
  it.each([
    ['exp missing', { exp: undefined }, 'token_invalid'],
    ['exp a string', { exp: String(NOW_S + 60) }, 'token_invalid'],
    ['exp exactly now', { exp: NOW_S - 5 }, 'token_expired'],
    ['exp one second past the skew', { exp: NOW_S - 6 }, 'token_expired'],
    ['nbf beyond the skew', { nbf: NOW_S + 6 }, 'token_not_active_yet'],
    ['iat beyond the skew', { iat: NOW_S + 6 }, 'token_iat_in_the_future'],
    ['nbf a string', { nbf: 'soon' }, 'token_invalid'],
    ['sub missing', { sub: undefined }, 'token_invalid'],
    ['sub a number', { sub: 42 }, 'token_invalid'],
    ['sid missing', { sid: undefined }, 'token_invalid'],
    ['sid empty', { sid: '' }, 'token_invalid'],
  ])('handles %s', async (_name, claims, code) => {
    expect(await codeOf(signed({}, claims))).toBe(code);
  });

  it('accepts exp and nbf within the default 5 s skew', async () => {
    expect(await codeOf(signed({}, { exp: NOW_S - 4, nbf: NOW_S + 5, iat: NOW_S + 5 }))).toBeUndefined();
  });

  it('treats clockSkewInMs: 0 as no skew at all', async () => {
    const options = { ...base, clockSkewInMs: 0 };
    expect(await codeOf(signed({}, { exp: NOW_S }), options)).toBe('token_expired');
    expect(await codeOf(signed({}, { exp: NOW_S + 1 }), options)).toBeUndefined();
    expect(await codeOf(signed({}, { nbf: NOW_S + 1 }), options)).toBe('token_not_active_yet');
  });

  it('rejects exp: 1e400 (Infinity)', async () => {
    const header = { alg: 'RS256', typ: 'JWT' };
    const token = key.sign(header, '{"sub":"user_1","sid":"sess_1","exp":1e400}');
    expect(await codeOf(token)).toBe('token_invalid');
  });

  it.each([NaN, -1, Infinity, 3_600_000, '5000'])('rejects clockSkewInMs %s at option parsing', async (skew) => {
    const options = { ...base, clockSkewInMs: skew as number };
    expect(() => createTokenVerifier(options)).toThrow(TypeError);
    expect((await verifyToken(sessionToken(key), options)).errors?.[0].code).toBe('options_invalid');
  });
});

describe('verifyToken: authorized parties (A8)', () => {
  const options = { ...base, authorizedParties: ['https://app.com', 'https://admin.app.com'] };
  it('accepts an azp that exactly equals one of them', async () => {
    expect(await codeOf(signed({}, { azp: 'https://admin.app.com' }), options)).toBeUndefined();
  });
  it.each(['https://app.com.evil.com', 'https://app.com/', 'HTTPS://APP.COM', 'https://App.com', 'app.com', ''])(
    'rejects azp %j',
    async (azp) => {
      expect(await codeOf(signed({}, { azp }), options)).toBe('token_invalid_authorized_party');
    },
  );
  it('rejects a missing azp when authorizedParties is set', async () => {
    expect(await codeOf(signed({}, { azp: undefined }), options)).toBe('token_invalid_authorized_party');
  });
  it('rejects a non-string azp', async () => {
    expect(await codeOf(signed({}, { azp: ['https://app.com'] }), options)).toBe('token_invalid');
  });
});

describe('verifyToken: audience (A9) and issuer (A10)', () => {
  it('rejects a token without aud when an audience is set', async () => {
    expect(await codeOf(signed({}), { ...base, audience: 'api' })).toBe('token_invalid_audience');
  });
  it('checks both string and array aud forms', async () => {
    const options = { ...base, audience: ['api', 'web'] };
    expect(await codeOf(signed({}, { aud: 'web' }), options)).toBeUndefined();
    expect(await codeOf(signed({}, { aud: ['other', 'api'] }), options)).toBeUndefined();
    expect(await codeOf(signed({}, { aud: 'other' }), options)).toBe('token_invalid_audience');
    expect(await codeOf(signed({}, { aud: ['other'] }), options)).toBe('token_invalid_audience');
    expect(await codeOf(signed({}, { aud: [1] }), options)).toBe('token_invalid');
  });
  it('checks iss against an issuer derived from the publishable key', async () => {
    const options = { ...base, publishableKey: `pk_test_${btoa('clerk.example.com$')}` };
    expect(await codeOf(signed({}), options)).toBeUndefined();
    expect(await codeOf(signed({}, { iss: 'https://clerk.evil.com' }), options)).toBe('token_invalid_issuer');
    expect(await codeOf(signed({}, { iss: undefined }), options)).toBe('token_invalid_issuer');
  });
  it('rejects a non-string iss without crashing', async () => {
    for (const iss of [42, { a: 1 }, ['https://clerk.example.com'], null]) {
      expect(await codeOf(signed({}, { iss }), { ...base, issuer: 'https://clerk.example.com' })).toBe('token_invalid_issuer');
      expect(await codeOf(signed({}, { iss }))).toBe('token_invalid_issuer');
    }
  });
});

describe('verifyToken: token type (A11)', () => {
  it.each([
    ['typ at+jwt', { typ: 'at+jwt' }],
    ['typ jwt+other', { typ: 'JOSE' }],
    ['cat JWT template', { cat: 'cl_B7d4PD222AAA' }],
    ['cat machine', { cat: 'cl_B7d4PD333AAA' }],
    ['cat unknown', { cat: 'cl_other' }],
    ['cat non-string', { cat: 1 }],
  ])('rejects %s as token_type_mismatch', async (_name, header) => {
    expect(await codeOf(signed(header))).toBe('token_type_mismatch');
  });
  it.each([
    ['no typ and no cat', { typ: undefined }],
    ['cat session', { cat: 'cl_B7d4PD111AAA' }],
    ['cat ignore', { cat: 'cl_I7d4PD111III' }],
  ])('accepts %s', async (_name, header) => {
    expect(await codeOf(signed(header))).toBeUndefined();
  });
  it('rejects a machine subject (mch_) as a session', async () => {
    expect(await codeOf(signed({}, { sub: 'mch_123' }))).toBe('token_type_mismatch');
  });
  it('honours a custom headerType', async () => {
    expect(await codeOf(signed({ typ: 'custom' }), { ...base, headerType: ['JWT', 'custom'] })).toBeUndefined();
  });
});

describe('verifyToken: prototype safety (A12)', () => {
  it('copies claims field by field so __proto__ changes no prototype', async () => {
    const raw = JSON.stringify(sessionClaims()).replace(/}$/, ',"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}');
    const result = await createTokenVerifier(base).verify(key.sign({ alg: 'RS256' }, raw));
    expect(result.errors).toBeUndefined();
    const claims = result.data?.claims as Record<string, unknown>;
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    expect(claims['isAdmin']).toBeUndefined();
    expect(Object.hasOwn(claims, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  it('returns frozen claims, so one caller cannot change another caller’s view', async () => {
    const result = await createTokenVerifier(base).verify(sessionToken(key, { act: { sub: 'user_admin' } }));
    expect(Object.isFrozen(result.data?.claims)).toBe(true);
    expect(Object.isFrozen(result.data?.claims.act)).toBe(true);
  });
});

describe('verifyToken: convenience form and options', () => {
  it('returns secret_key_invalid instead of throwing for a pk_ or garbage secret key', async () => {
    for (const secretKey of [`pk_test_${btoa('x.example.com$')}`, 'garbage', 'sk_test_', 'sk_prod_abc', 'sk_test_a b']) {
      const result = await verifyToken(sessionToken(key), { secretKey });
      expect(result.errors?.[0].code).toBe('secret_key_invalid');
      if (secretKey !== 'sk_test_') expect(JSON.stringify(result)).not.toContain(secretKey);
    }
  });
  it('returns options_invalid when no key source is given', async () => {
    expect((await verifyToken(sessionToken(key), {})).errors?.[0].code).toBe('options_invalid');
  });
  it('returns options_invalid for unreadable options instead of throwing', async () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const cyclic = { jwtKey: key.pem, tokenCache: cycle };
    expect((await verifyToken(sessionToken(key), cyclic as TokenVerifierOptions)).errors?.[0].code).toBe('options_invalid');
    const throwing = {
      jwtKey: key.pem,
      get authorizedParties(): string[] {
        throw new Error('getter');
      },
    };
    expect((await verifyToken(sessionToken(key), throwing)).errors?.[0].code).toBe('options_invalid');
    expect((await verifyToken(sessionToken(key), null as unknown as TokenVerifierOptions)).errors?.[0].code).toBe('options_invalid');
  });
  it('reuses one verifier per options, so the JWKS is fetched once across calls', async () => {
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const options = { secretKey: 'sk_test_reuse', fetch: fake.fetch, now: () => NOW_MS };
    for (let i = 0; i < 5; i++) expect((await verifyToken(sessionToken(key, { sid: `sess_${i}` }), options)).errors).toBeUndefined();
    expect(fake.calls()).toBe(1);
  });
  it('throws a TypeError at construction for a malformed publishable key', () => {
    expect(() => createTokenVerifier({ ...base, publishableKey: 'pk_test_!!!' })).toThrow(TypeError);
  });
});

describe('verifyToken: reusing verifiers', () => {
  it('never reuses a verifier built for other options, whatever the shape of the options object', async () => {
    const key = testKey();
    const token = sessionToken(key, { azp: 'https://evil.example' });
    expect((await verifyToken(token, { jwtKey: key.pem, now: () => NOW_MS })).errors).toBeUndefined();
    const inherited = Object.assign(Object.create({ authorizedParties: ['https://app.example'] }) as object, {
      jwtKey: key.pem,
      now: () => NOW_MS,
    });
    class WithGetter {
      jwtKey = key.pem;
      now = (): number => NOW_MS;
      get authorizedParties(): string[] {
        return ['https://app.example'];
      }
    }
    const hidden = { jwtKey: key.pem, now: () => NOW_MS };
    Object.defineProperty(hidden, 'authorizedParties', { value: ['https://app.example'], enumerable: false });
    for (const options of [inherited, new WithGetter(), hidden]) {
      const result = await verifyToken(token, options as TokenVerifierOptions);
      expect(result.errors?.[0].code).toBe('token_invalid_authorized_party');
    }
  });

  it('keeps instances apart when their secret keys are getters', async () => {
    const keyA = testKey('ins_getter_a');
    const keyB = testKey('ins_getter_b');
    class Instance {
      constructor(
        private readonly secret: string,
        private readonly jwk: unknown,
      ) {}
      get secretKey(): string {
        return this.secret;
      }
      get fetch(): typeof fetch {
        return fakeFetch(() => jwksResponse([this.jwk])).fetch;
      }
      get now(): () => number {
        return () => NOW_MS;
      }
    }
    const a = new Instance('sk_test_getterInstanceA', keyA.jwk);
    const b = new Instance('sk_test_getterInstanceB', keyB.jwk);
    const tokenA = sessionToken(keyA);
    expect((await verifyToken(tokenA, a as unknown as TokenVerifierOptions)).errors).toBeUndefined();
    expect((await verifyToken(tokenA, b as unknown as TokenVerifierOptions)).errors?.[0].code).toBe('jwk_kid_mismatch');
  });

  it('refuses an apiUrl with a query, which would bend the path the secret key is sent to', async () => {
    const result = await verifyToken(sessionToken(testKey()), { secretKey: 'sk_test_abc', apiUrl: 'https://api.clerk.com?x=1' });
    expect(result.errors?.[0].code).toBe('options_invalid');
  });

  it('refuses an apiUrl ending in an empty ? or #, and a jwksUrl with a fragment', async () => {
    const fake = fakeFetch(() => jwksResponse([testKey().jwk]));
    for (const apiUrl of ['https://api.clerk.com/?', 'https://api.clerk.com/#', 'https://api.clerk.com?#']) {
      const result = await verifyToken(sessionToken(testKey()), { secretKey: 'sk_test_abc', apiUrl, fetch: fake.fetch });
      expect(result.errors?.[0].code, apiUrl).toBe('options_invalid');
    }
    const jwks = await verifyToken(sessionToken(testKey()), {
      jwksUrl: 'https://clerk.example.com/.well-known/jwks.json#',
      fetch: fake.fetch,
    });
    expect(jwks.errors?.[0].code).toBe('options_invalid');
    expect(fake.calls()).toBe(0);
  });
});

describe('verifyToken: key sets follow the tenant, not the options (B39)', () => {
  /** One JWKS endpoint per secret key, counting fetches per tenant. */
  function tenants(count: number, prefix: string) {
    const tenantKey = testKey('ins_tenant');
    const fetches = new Map<string, number>();
    const fake = fakeFetch((_url, init) => {
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      fetches.set(authorization, (fetches.get(authorization) ?? 0) + 1);
      return jwksResponse([tenantKey.jwk]);
    });
    const secrets = Array.from({ length: count }, (_, i) => `sk_test_${prefix}${i}`);
    return { tenantKey, fake, secrets, fetches };
  }

  it('serves 40 tenants in rotation with one fetch each', async () => {
    const { tenantKey, fake, secrets, fetches } = tenants(40, 'rotation');
    for (let round = 0; round < 3; round++) {
      for (const secretKey of secrets) {
        const result = await verifyToken(sessionToken(tenantKey, { sid: `sess_${round}` }), {
          secretKey,
          fetch: fake.fetch,
          now: () => NOW_MS,
        });
        expect(result.errors).toBeUndefined();
      }
    }
    expect(fake.calls()).toBe(40);
    expect([...fetches.values()].every((count) => count === 1)).toBe(true);
  });

  it('is not split by an inline now or fetch closure', async () => {
    const { tenantKey, fake, secrets } = tenants(1, 'inline');
    for (let i = 0; i < 20; i++) {
      const options = {
        secretKey: secrets[0]!,
        fetch: (input: RequestInfo | URL, init?: RequestInit) => fake.fetch(input, init),
        now: () => NOW_MS,
      };
      expect((await verifyToken(sessionToken(tenantKey, { sid: `sess_${i}` }), options)).errors).toBeUndefined();
    }
    expect(fake.calls()).toBe(1);
  });

  it('is not split by authorizedParties built per request', async () => {
    const { tenantKey, fake, secrets } = tenants(1, 'parties');
    for (let i = 0; i < 50; i++) {
      const origin = `https://app${i}.example.com`;
      const token = sessionToken(tenantKey, { azp: origin });
      const options = { secretKey: secrets[0]!, fetch: fake.fetch, now: () => NOW_MS, authorizedParties: [origin] };
      expect((await verifyToken(token, options)).errors).toBeUndefined();
    }
    expect(fake.calls()).toBe(1);
  });

  it('still applies each call’s claim options and clock to a shared key set', async () => {
    const { tenantKey, fake, secrets } = tenants(1, 'claims');
    const token = sessionToken(tenantKey);
    const shared = { secretKey: secrets[0]!, fetch: fake.fetch };
    expect((await verifyToken(token, { ...shared, now: () => NOW_MS })).errors).toBeUndefined();
    expect((await verifyToken(token, { ...shared, now: () => NOW_MS + 120_000 })).errors?.[0].code).toBe('token_expired');
    expect(
      (await verifyToken(token, { ...shared, now: () => NOW_MS, authorizedParties: ['https://other.example'] })).errors?.[0].code,
    ).toBe('token_invalid_authorized_party');
    expect(fake.calls()).toBe(1);
  });

  it('refuses a per-call now or fetch that is not a function, even when the verifier is cached', async () => {
    const { tenantKey, fake, secrets } = tenants(1, 'badcall');
    const token = sessionToken(tenantKey);
    expect((await verifyToken(token, { secretKey: secrets[0]!, fetch: fake.fetch, now: () => NOW_MS })).errors).toBeUndefined();
    const bad = { secretKey: secrets[0]!, fetch: fake.fetch, now: 5 as unknown as () => number };
    expect((await verifyToken(token, bad)).errors?.[0].code).toBe('options_invalid');
  });
});
