import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createHandshakeVerifier } from '../../../../src/auth/request/handshake/verify-handshake-token.js';
import { NOW_MS, NOW_S, testKey } from '../../helpers/keys.js';

// The `__clerk_handshake` token verifier on its own: which tokens give their `handshake` directives and which are
// refused, with which code. Ported from Clerk's handshakeToken.test.ts (categories, AISEC-85) and the handshake
// token cases of handshake.test.ts; the time and issuer rules are those of a session token (SECURITY.md A.7, A.11).

const key = testKey();
const other = testKey('ins_other');
const PK_LIVE = `pk_live_${btoa('clerk.example.com$')}`;
const ISSUER = 'https://clerk.example.com';
const DIRECTIVES = ['__session=session.jwt.value; Path=/; Secure; SameSite=Lax', '__client_uat=1704067200; Path=/'];

function handshakeToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, signer = key): string {
  return signer.sign(
    { alg: 'RS256', kid: signer.kid, typ: 'JWT', ...header },
    { handshake: DIRECTIVES, iat: NOW_S - 5, exp: NOW_S + 60, iss: ISSUER, ...claims },
  );
}

const verifier = (options: Record<string, unknown> = {}) =>
  createHandshakeVerifier({ jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS, ...options });

const codeOf = async (token: string, options: Record<string, unknown> = {}): Promise<string | undefined> =>
  (await verifier(options)(token)).errors?.[0]?.code;

describe('createHandshakeVerifier: categories (AISEC-85)', () => {
  it('gives the directives of a token with no category, the session category or the ignore category', async () => {
    for (const cat of [undefined, 'cl_B7d4PD111AAA', 'cl_I7d4PD111III']) {
      const result = await verifier()(handshakeToken({}, cat === undefined ? {} : { cat }));
      expect(result, String(cat)).toEqual({ data: DIRECTIVES });
    }
  });

  it('refuses a JWT-template, machine or unknown category: a template could inject any cookie', async () => {
    for (const cat of ['cl_B7d4PD222AAA', 'cl_B7d4PD333AAA', 'cl_some_future_unknown_cat', '', null, 1]) {
      const result = await verifier()(handshakeToken({ handshake: ['ATTACKER_INJECTED=pwned; Path=/'] }, { cat }));
      expect(result.data, String(cat)).toBeUndefined();
      expect(result.errors?.[0]?.code, String(cat)).toBe('token_type_mismatch');
      expect(result.errors?.[0]?.message).toContain('category');
    }
  });
});

describe('createHandshakeVerifier: keys from the JWKS', () => {
  it('loads the instance keys with the secret key through the injected fetch', async () => {
    const secretKey = 'sk_test_handshakeJwksKey000000000001';
    const urls: string[] = [];
    const authorizations: (string | null)[] = [];
    const fetchJwks = ((url: string | URL | Request, init?: RequestInit) => {
      urls.push(String(url));
      authorizations.push(new Headers(init?.headers).get('authorization'));
      return Promise.resolve(new Response(JSON.stringify({ keys: [key.jwk] })));
    }) as typeof fetch;
    const verify = createHandshakeVerifier({ secretKey, publishableKey: PK_LIVE, fetch: fetchJwks, now: () => NOW_MS });
    expect(await verify(handshakeToken())).toEqual({ data: DIRECTIVES });
    expect(urls).toEqual(['https://api.clerk.com/v1/jwks']);
    expect(authorizations).toEqual([`Bearer ${secretKey}`]);
  });
});

describe('createHandshakeVerifier: signature, type and time', () => {
  it('refuses a token signed by another key', async () => {
    const result = await verifier()(handshakeToken({}, {}, other));
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
  });

  it('refuses typ at+jwt and accepts an absent typ', async () => {
    expect(await codeOf(handshakeToken({}, { typ: 'at+jwt' }))).toBe('token_type_mismatch');
    const noTyp = key.sign({ alg: 'RS256', kid: key.kid }, { handshake: DIRECTIVES, exp: NOW_S + 60 });
    expect(await verifier()(noTyp)).toEqual({ data: DIRECTIVES });
  });

  it('requires exp, and refuses it at now minus the 5 s skew but not one second later', async () => {
    expect(await codeOf(handshakeToken({ exp: undefined }))).toBe('token_invalid');
    expect(await codeOf(handshakeToken({ exp: '9999999999' }))).toBe('token_invalid');
    expect(await codeOf(handshakeToken({ exp: NOW_S - 5 }))).toBe('token_expired');
    expect(await codeOf(handshakeToken({ exp: NOW_S - 4 }))).toBeUndefined();
    expect(await codeOf(handshakeToken({ exp: NOW_S - 4 }), { clockSkewInMs: 0 })).toBe('token_expired');
    expect(await codeOf(handshakeToken({ exp: NOW_S + 1 }), { clockSkewInMs: 0 })).toBeUndefined();
  });

  it('refuses nbf and iat beyond the skew in the future', async () => {
    expect(await codeOf(handshakeToken({ nbf: NOW_S + 6 }))).toBe('token_not_active_yet');
    expect(await codeOf(handshakeToken({ nbf: NOW_S + 5 }))).toBeUndefined();
    expect(await codeOf(handshakeToken({ iat: NOW_S + 6 }))).toBe('token_iat_in_the_future');
  });

  it('reads the clock once per call, at the time of the call', async () => {
    let now = NOW_MS;
    const verify = verifier({ now: () => now });
    const token = handshakeToken({ exp: NOW_S + 10 });
    expect((await verify(token)).data).toEqual(DIRECTIVES);
    now = NOW_MS + 15_000;
    expect((await verify(token)).errors?.[0]?.code).toBe('token_expired');
  });
});

describe('createHandshakeVerifier: issuer, azp and aud', () => {
  it("checks iss against the instance's issuer only when the token carries one", async () => {
    expect(await codeOf(handshakeToken({ iss: 'https://clerk.evil.example' }))).toBe('token_invalid_issuer');
    expect(await codeOf(handshakeToken({ iss: `${ISSUER}/` }))).toBe('token_invalid_issuer');
    expect(await codeOf(handshakeToken({ iss: 42 }))).toBe('token_invalid_issuer');
    expect(await codeOf(handshakeToken({ iss: undefined }))).toBeUndefined();
    expect(await codeOf(handshakeToken({ iss: ISSUER }))).toBeUndefined();
  });

  it('ignores authorizedParties and audience, which a handshake token does not carry', async () => {
    const options = { authorizedParties: ['https://app.example.com'], audience: 'my-api' };
    expect(await codeOf(handshakeToken(), options)).toBeUndefined();
    expect(await codeOf(handshakeToken({ azp: 'https://evil.example', aud: 'other' }), options)).toBeUndefined();
  });
});

describe('createHandshakeVerifier: the handshake claim', () => {
  it('gives a frozen copy of the list', async () => {
    const result = await verifier()(handshakeToken());
    expect(result.data).toEqual(DIRECTIVES);
    expect(Object.isFrozen(result.data)).toBe(true);
  });

  it('accepts an empty list, 32 lines and lines of 4096 characters; refuses 33 lines or 4097 characters', async () => {
    const line = (length: number): string => `a=${'b'.repeat(length - 2)}`;
    expect((await verifier()(handshakeToken({ handshake: [] }))).data).toEqual([]);
    expect((await verifier()(handshakeToken({ handshake: Array(32).fill('a=b') }))).data).toHaveLength(32);
    expect(await codeOf(handshakeToken({ handshake: Array(33).fill('a=b') }))).toBe('token_invalid');
    expect((await verifier()(handshakeToken({ handshake: [line(4096)] }))).data).toEqual([line(4096)]);
    expect(await codeOf(handshakeToken({ handshake: [line(4097)] }))).toBe('token_invalid');
  });

  it('refuses a missing claim or one that is not a list of strings', async () => {
    for (const handshake of [undefined, null, 'a=b', { 0: 'a=b' }, ['a=b', 1], [null], [['a=b']]]) {
      const result = await verifier()(handshakeToken({ handshake }));
      expect(result.errors?.[0]?.code, JSON.stringify(handshake)).toBe('token_invalid');
      expect(result.errors?.[0]?.message).toBe('The handshake claim must be a short list of Set-Cookie lines.');
    }
  });
});

describe('createHandshakeVerifier: options and failures', () => {
  it('gives the option error on every call when the options are unusable', async () => {
    const verify = createHandshakeVerifier({ jwtKey: key.pem, clockSkewInMs: -1 });
    const first = await verify(handshakeToken());
    expect(first.errors?.[0]?.code).toBe('options_invalid');
    expect(await verify(handshakeToken())).toEqual(first);
  });

  it('turns a throwing injected clock into options_invalid, not a throw', async () => {
    const verify = verifier({
      now: () => {
        throw new Error('clock broke');
      },
    });
    const result = await verify(handshakeToken());
    expect(result.errors?.[0]?.code).toBe('options_invalid');
    expect(result.errors?.[0]?.message).toBe('The handshake token could not be verified: an injected option failed.');
  });

  it('refuses a correctly signed payload that is not a JSON object as token_invalid', async () => {
    for (const payload of ['not json', '[1]', 'null', '"text"']) {
      const signed = key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT' }, payload);
      const result = await verifier()(signed);
      expect(result.errors?.[0]?.code, payload).toBe('token_invalid');
      expect(result.errors?.[0]?.message, payload).toContain('payload');
    }
  });

  it('gives a typed error for malformed tokens and never throws', async () => {
    for (const token of ['', 'a.b', 'a.b.c', `${handshakeToken()}x`, '.'.repeat(3), 'x'.repeat(20_000)]) {
      const result = await verifier()(token);
      expect(result.data, token.slice(0, 20)).toBeUndefined();
      expect(result.errors?.length, token.slice(0, 20)).toBeGreaterThan(0);
    }
  });

  it('never puts the token or its directives into an error', async () => {
    const secretCookie = '__session=VERY_SECRET_SESSION_VALUE';
    for (const token of [
      handshakeToken({ handshake: [secretCookie], exp: NOW_S - 100 }),
      handshakeToken({ handshake: [secretCookie, 7] }),
      handshakeToken({ handshake: [secretCookie] }, { cat: 'cl_B7d4PD222AAA' }),
      handshakeToken({ handshake: [secretCookie] }, {}, other),
    ]) {
      const result = await verifier()(token);
      expect(result.errors).toBeDefined();
      for (const view of [JSON.stringify(result), inspect(result, { depth: 10 })]) {
        expect(view).not.toContain('VERY_SECRET_SESSION_VALUE');
        expect(view).not.toContain(token.split('.')[1]);
      }
    }
  });
});
