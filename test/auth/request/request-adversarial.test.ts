// Issue #22 items 8–11 (SECURITY G.45, G.46): machine JWTs obey the app's audience, issuer and authorized parties;
// at+jwt requires its typ; machine tokens asked for with only a secret key are verified with it, and with no way
// to verify them at all the authenticator is refused at startup; and the smaller request-state fixes.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  authenticateRequest,
  createRequestAuthenticator,
  signedInAuthObject,
  verifyJwt,
  type AuthenticateRequestOptions,
} from '../../../src/auth/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from '../helpers/keys.js';

const key = testKey();
const base: AuthenticateRequestOptions = { jwtKey: key.pem, now: () => NOW_MS };
const SECRET = 'sk_test_requestAdversarial0000000000';

const bearer = (token: string, url = 'https://api.example.com/things') =>
  new Request(url, { headers: { authorization: `Bearer ${token}` } });
const m2m = (claims: Record<string, unknown> = {}) =>
  key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { sub: 'mch_1', exp: NOW_S + 60, iat: NOW_S - 1, jti: 'mt_1', ...claims });
const oauth = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = { typ: 'at+jwt' }) =>
  key.sign({ alg: 'RS256', kid: key.kid, ...header }, { sub: 'user_2abc', exp: NOW_S + 60, iat: NOW_S - 1, jti: 'oat_1', ...claims });

describe('machine JWTs and the app options (issue #22 item 8)', () => {
  const cases = [
    ['an M2M JWT', 'm2m_token', m2m],
    ['an OAuth JWT', 'oauth_token', oauth],
  ] as const;

  it.each(cases)('%s must carry the configured audience', async (_name, type, mint) => {
    const options = { ...base, acceptsToken: type, audience: 'https://api.example.com' };
    expect((await authenticateRequest(bearer(mint({ aud: 'https://other.example' })), options)).reason).toBe('machine_token_invalid');
    expect((await authenticateRequest(bearer(mint()), options)).reason).toBe('machine_token_invalid');
    expect((await authenticateRequest(bearer(mint({ aud: ['x', 'https://api.example.com'] })), options)).status).toBe('signed-in');
  });

  it.each(cases)('%s must come from the configured issuer', async (_name, type, mint) => {
    const options = { ...base, acceptsToken: type, issuer: 'https://clerk.example.com' };
    expect((await authenticateRequest(bearer(mint({ iss: 'https://evil.example' })), options)).reason).toBe('machine_token_invalid');
    expect((await authenticateRequest(bearer(mint()), options)).reason).toBe('machine_token_invalid');
    expect((await authenticateRequest(bearer(mint({ iss: 'https://clerk.example.com' })), options)).status).toBe('signed-in');
  });

  it.each(cases)('%s carrying a foreign azp is refused; one without azp is not', async (_name, type, mint) => {
    const options = { ...base, acceptsToken: type, authorizedParties: ['https://app.example.com'] };
    expect((await authenticateRequest(bearer(mint({ azp: 'https://evil.example' })), options)).reason).toBe('machine_token_invalid');
    expect((await authenticateRequest(bearer(mint({ azp: 'https://app.example.com' })), options)).status).toBe('signed-in');
    expect((await authenticateRequest(bearer(mint()), options)).status).toBe('signed-in');
  });
});

describe("verifyJwt with headerType 'at+jwt' (issue #22 item 9)", () => {
  it('refuses a token without typ when an explicit type is required (RFC 9068 §2.1)', async () => {
    const untyped = oauth({}, {});
    const result = await verifyJwt(untyped, { key: key.pem, now: () => NOW_MS, headerType: 'at+jwt' });
    expect(result.errors?.[0].code).toBe('token_type_mismatch');
    const typed = await verifyJwt(oauth(), { key: key.pem, now: () => NOW_MS, headerType: 'at+jwt' });
    expect(typed.errors).toBeUndefined();
  });

  it("still accepts a token without typ when 'JWT' is allowed (the default)", async () => {
    expect((await verifyJwt(oauth({}, {}), { key: key.pem, now: () => NOW_MS })).errors).toBeUndefined();
    expect((await verifyJwt(oauth({}, {}), { key: key.pem, now: () => NOW_MS, headerType: ['at+jwt', 'JWT'] })).errors).toBeUndefined();
  });
});

describe('API keys with a secret key and no client (issue #22 item 10)', () => {
  const answer = { id: 'ak_id', subject: 'user_9', scopes: ['read'], claims: null, name: 'ci' };

  it('verifies them through the Backend API with the secret key, as @clerk/backend does', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => Response.json(answer));
    const authenticator = createRequestAuthenticator({
      ...base,
      secretKey: SECRET,
      acceptsToken: 'api_key',
      fetch: fetch as typeof globalThis.fetch,
    });
    const state = await authenticator.authenticateRequest(bearer('ak_live_abc'));
    expect(state.status).toBe('signed-in');
    expect(state.toAuth()).toMatchObject({ tokenType: 'api_key', subject: 'user_9', name: 'ci' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('https://api.clerk.com/v1/api_keys/verify');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(String(init?.body))).toEqual({ secret: 'ak_live_abc' });
    // The convenience form too.
    const convenience = await authenticateRequest(bearer('ak_live_abc'), {
      ...base,
      secretKey: SECRET,
      acceptsToken: 'api_key',
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(convenience.status).toBe('signed-in');
  });

  it('uses apiUrl and reports a refused key as machine_token_invalid', async () => {
    const fetch = vi.fn(async () => Response.json({ errors: [{ code: 'not_found', message: 'no' }] }, { status: 404 }));
    const state = await authenticateRequest(bearer('ak_x'), {
      ...base,
      secretKey: SECRET,
      apiUrl: 'https://api.example.test',
      acceptsToken: 'api_key',
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(state.reason).toBe('machine_token_invalid');
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('https://api.example.test/v1/api_keys/verify');
  });

  it('refuses at startup when API keys are accepted with no secret key and no client', () => {
    expect(() => createRequestAuthenticator({ ...base, acceptsToken: 'api_key' })).toThrow(
      /createRequestAuthenticator: acceptsToken includes 'api_key'/,
    );
    expect(() => createRequestAuthenticator({ jwksUrl: 'https://x.example/jwks', acceptsToken: ['m2m_token'] })).toThrow(
      /createRequestAuthenticator: acceptsToken includes machine tokens/,
    );
    // A jwtKey verifies M2M and OAuth JWTs, a client or secret key everything.
    expect(() => createRequestAuthenticator({ ...base, acceptsToken: ['m2m_token', 'oauth_token'] })).not.toThrow();
    expect(() => createRequestAuthenticator({ ...base, acceptsToken: 'api_key', client: {} })).not.toThrow();
    expect(() => createRequestAuthenticator({ ...base, acceptsToken: 'api_key', secretKey: SECRET })).not.toThrow();
  });
});

describe('smaller request fixes (issue #22 item 11)', () => {
  it('reports a 429 from the API-key check as machine_verification_unavailable, not machine_token_invalid', async () => {
    const client = {
      apiKeys: { verifyApiKey: async () => ({ errors: [{ code: 'too_many_requests', message: 'slow down', status: 429 }] }) },
    };
    const state = await authenticateRequest(bearer('ak_1'), { ...base, acceptsToken: 'api_key', client });
    expect(state.reason).toBe('machine_verification_unavailable');
  });

  it('gives request_invalid for a plain object or a Node IncomingMessage-like request, not session-token-and-uat-missing', async () => {
    const nodeLike = { url: '/things', method: 'GET', headers: { authorization: `Bearer ${sessionToken(key)}` } };
    for (const request of [{}, nodeLike]) {
      const state = await authenticateRequest(request as unknown as Request, base);
      expect(state.reason).toBe('request_invalid');
      expect(state.message).toMatch(/Fetch API Request/);
    }
  });

  it('keeps state.token readable but not enumerable, so a spread or a walk never copies it', async () => {
    const token = sessionToken(key);
    const state = await authenticateRequest(bearer(token), base);
    expect(state.token).toBe(token);
    expect(Object.keys(state)).not.toContain('token');
    expect(JSON.stringify({ ...state })).not.toContain(token.split('.')[2]);
    expect(inspect({ ...state }, { depth: 5 })).not.toContain(token.split('.')[2]);
    expect(Object.getOwnPropertyDescriptor(state, 'token')?.enumerable).toBe(false);
  });

  it('hands has() a frozen copy of the v1 org_permissions, so pushing onto it grants nothing', async () => {
    const token = sessionToken(key, { org_id: 'org_1', org_role: 'org:member', org_permissions: ['org:reports:read'] });
    const auth = (await authenticateRequest(bearer(token), base)).toAuth();
    if (auth.tokenType !== 'session_token') throw new Error('expected a session');
    expect(Object.isFrozen(auth.orgPermissions)).toBe(true);
    expect(() => (auth.orgPermissions as string[]).push('org:billing:manage')).toThrow(TypeError);
    expect(auth.has({ permission: 'org:billing:manage' })).toBe(false);
    // signedInAuthObject is public: claims from the caller (a cache of its own, say) keep their own, mutable array.
    const claims = { sub: 'user_1', sid: 'sess_1', org_id: 'org_1', org_role: 'org:member', org_permissions: ['org:reports:read'] };
    const built = signedInAuthObject(claims as never, { token: 'unused' });
    claims.org_permissions.push('org:billing:manage');
    expect(built.orgPermissions).toEqual(['org:reports:read']);
    expect(Object.isFrozen(built.orgPermissions)).toBe(true);
    expect(built.has({ permission: 'org:billing:manage' })).toBe(false);
    expect(built.has({ permission: 'org:reports:read' })).toBe(true);
  });

  it('reads a __session cookie after the 200th cookie, and refuses a Cookie header over 64 KiB', async () => {
    const cookie = `${Array.from({ length: 300 }, (_, i) => `c${i}=v`).join('; ')}; __session=${sessionToken(key)}; __client_uat=1`;
    const state = await authenticateRequest(new Request('https://api.example.com/', { headers: { cookie } }), base);
    expect(state.status).toBe('signed-in');
    const huge = `pad=${'x'.repeat(70_000)}; __session=${sessionToken(key)}; __client_uat=1`;
    const refused = await authenticateRequest(new Request('https://api.example.com/', { headers: { cookie: huge } }), base);
    expect(refused.reason).toBe('request_invalid');
  });
});
