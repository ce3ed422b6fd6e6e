import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../../src/client/create-clerk-client.js';
import { authenticateRequest, createRequestAuthenticator, type AuthenticateRequestOptions } from '../../../src/auth/index.js';
import { sendJson, useStubServer } from '../../client/fixtures/stub-server.js';
import { NOW_MS, testKey } from '../helpers/keys.js';

const key = testKey();
const server = useStubServer();

/** A local stub of the three Backend API verify endpoints. */
function serveVerifyEndpoints(overrides: Record<string, unknown> = {}): void {
  server.handle((req, res) => {
    const body = JSON.parse(req.body.toString() || '{}') as Record<string, string>;
    const now = NOW_MS;
    if (req.url === '/v1/api_keys/verify' && body['secret'] === 'ak_good') {
      return sendJson(res, 200, {
        object: 'api_key',
        id: 'ak_id_1',
        type: 'api_key',
        subject: 'user_42',
        name: 'ci',
        claims: { team: 'a' },
        scopes: ['read'],
        revoked: false,
        revocation_reason: null,
        expired: false,
        expiration: null,
        created_by: null,
        last_used_at: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      });
    }
    if (req.url === '/v1/m2m_tokens/verify' && body['token'] === 'mt_good') {
      return sendJson(res, 200, {
        object: 'machine_to_machine_token',
        id: 'mt_id_1',
        subject: 'mch_9',
        claims: null,
        scopes: ['mch_10'],
        revoked: false,
        revocation_reason: null,
        expired: false,
        expiration: now + 3_600_000,
        last_used_at: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      });
    }
    if (req.url === '/v1/oauth_applications/access_tokens/verify' && body['access_token'] === 'oat_good') {
      return sendJson(res, 200, {
        object: 'clerk_idp_oauth_access_token',
        id: 'oat_id_1',
        client_id: 'client_7',
        subject: 'user_42',
        scopes: ['email'],
        revoked: false,
        revocation_reason: null,
        expired: false,
        expiration: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      });
    }
    if (req.url === '/v1/oauth_applications/access_tokens/verify' && body['access_token'] === 'oat_inactive')
      return sendJson(res, 200, { active: false });
    if (req.url?.endsWith('/verify'))
      return sendJson(res, 404, { errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'not found' }] });
    return sendJson(res, 500, { errors: [{ code: 'internal', message: 'x', long_message: 'x' }] });
  });
}

function options(extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions {
  const client = createClerkClient({ secretKey: 'sk_test_machine', apiUrl: server.url, maxRetries: 0 });
  return { jwtKey: key.pem, now: () => NOW_MS, acceptsToken: 'any', client, ...extra };
}

function bearer(token: string): Request {
  return new Request('https://api.example.com/', { headers: { authorization: `Bearer ${token}` } });
}

describe('machine tokens through the Backend API verify endpoints (stub on 127.0.0.1)', () => {
  it('verifies an API key and exposes its subject as userId', async () => {
    serveVerifyEndpoints();
    const state = await authenticateRequest(bearer('ak_good'), options());
    expect(state.status).toBe('signed-in');
    expect(state.tokenType).toBe('api_key');
    expect(state.toAuth()).toMatchObject({
      tokenType: 'api_key',
      id: 'ak_id_1',
      subject: 'user_42',
      userId: 'user_42',
      orgId: undefined,
      name: 'ci',
      scopes: ['read'],
      claims: { team: 'a' },
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test_machine');
  });

  it('verifies an opaque M2M token and an OAuth access token', async () => {
    serveVerifyEndpoints();
    expect((await authenticateRequest(bearer('mt_good'), options())).toAuth()).toMatchObject({
      tokenType: 'm2m_token',
      machineId: 'mch_9',
      scopes: ['mch_10'],
    });
    expect((await authenticateRequest(bearer('oat_good'), options())).toAuth()).toMatchObject({
      tokenType: 'oauth_token',
      userId: 'user_42',
      clientId: 'client_7',
      scopes: ['email'],
    });
    const sent = server.requests.map((r) => [r.url, JSON.parse(r.body.toString())]);
    expect(sent).toEqual([
      ['/v1/m2m_tokens/verify', { token: 'mt_good' }],
      ['/v1/oauth_applications/access_tokens/verify', { access_token: 'oat_good' }],
    ]);
  });

  it.each([
    ['an unknown API key', 'ak_unknown', {}, 'machine_token_invalid'],
    ['a revoked API key', 'ak_good', { revoked: true, revocation_reason: 'leaked' }, 'machine_token_revoked'],
    ['an expired M2M token', 'mt_good', { expired: true }, 'machine_token_expired'],
    ['an inactive OAuth token', 'oat_inactive', {}, 'machine_token_expired'],
  ])('refuses %s', async (_name, token, overrides, reason) => {
    serveVerifyEndpoints(overrides);
    const state = await authenticateRequest(bearer(token), options());
    expect(state).toMatchObject({ status: 'signed-out', reason });
  });

  it('reports machine_verification_unavailable when the API fails, without caching the failure', async () => {
    server.handle((_req, res) => sendJson(res, 503, { errors: [{ code: 'unavailable', message: 'down', long_message: 'down' }] }));
    const shared = options();
    expect((await authenticateRequest(bearer('ak_good'), shared)).reason).toBe('machine_verification_unavailable');
    serveVerifyEndpoints();
    expect((await authenticateRequest(bearer('ak_good'), shared)).status).toBe('signed-in');
  });

  it('reuses a verdict for the cache TTL and asks again after it', async () => {
    serveVerifyEndpoints();
    let now = NOW_MS;
    const authenticator = createRequestAuthenticator(options({ now: () => now, machineTokenCacheTtlInMs: 5000 }));
    for (let i = 0; i < 5; i++) expect((await authenticator.authenticateRequest(bearer('ak_good'))).status).toBe('signed-in');
    expect(server.requests).toHaveLength(1);
    now += 5001;
    await authenticator.authenticateRequest(bearer('ak_good'));
    expect(server.requests).toHaveLength(2);
  });

  it('asks every time with the cache turned off, so a revocation shows at once', async () => {
    serveVerifyEndpoints();
    const authenticator = createRequestAuthenticator(options({ machineTokenCacheTtlInMs: 0 }));
    expect((await authenticator.authenticateRequest(bearer('ak_good'))).status).toBe('signed-in');
    serveVerifyEndpoints({ revoked: true });
    expect((await authenticator.authenticateRequest(bearer('ak_good'))).reason).toBe('machine_token_revoked');
  });

  it('only calls the endpoint of an accepted kind', async () => {
    serveVerifyEndpoints();
    const state = await authenticateRequest(bearer('mt_good'), options({ acceptsToken: ['session_token', 'api_key'] }));
    expect(state.reason).toBe('token-type-mismatch');
    expect(server.requests).toHaveLength(0);
  });

  it('gives machine auth objects a getToken() with the raw token and a has() that is always false', async () => {
    serveVerifyEndpoints();
    const auth = (await authenticateRequest(bearer('ak_good'), options())).toAuth();
    expect(await auth.getToken()).toBe('ak_good');
    expect(auth.has({ role: 'org:admin' })).toBe(false);
    expect(JSON.stringify(auth)).not.toContain('ak_good');
    // Non-enumerable, so spreading or copying the object (a cache, structuredClone) takes the data only.
    expect(Object.keys(auth)).not.toContain('getToken');
    expect(Object.keys(auth)).not.toContain('has');
    expect(structuredClone(auth)).toStrictEqual({ ...auth });
  });

  it('verifies M2M and OAuth JWTs locally with keys from the client JWKS when there is no jwtKey', async () => {
    server.handle((req, res) => (req.url === '/v1/jwks' ? sendJson(res, 200, { keys: [key.jwk] }) : sendJson(res, 500, {})));
    const m2m = key.sign(
      { alg: 'RS256', typ: 'JWT', kid: key.kid },
      { sub: 'mch_7', exp: NOW_MS / 1000 + 60, iat: NOW_MS / 1000 - 1, jti: 'mt_jwt', scopes: 'mch_8 mch_9' },
    );
    const oauth = key.sign(
      { alg: 'RS256', typ: 'at+jwt', kid: key.kid },
      { sub: 'user_3', exp: NOW_MS / 1000 + 60, client_id: 'client_1', scp: ['email'] },
    );
    const authenticator = createRequestAuthenticator(options({ jwtKey: undefined, secretKey: 'sk_test_machine', apiUrl: server.url }));
    expect((await authenticator.authenticateRequest(bearer(m2m))).toAuth()).toMatchObject({
      tokenType: 'm2m_token',
      machineId: 'mch_7',
      scopes: ['mch_8', 'mch_9'],
    });
    expect((await authenticator.authenticateRequest(bearer(oauth))).toAuth()).toMatchObject({
      tokenType: 'oauth_token',
      userId: 'user_3',
      clientId: 'client_1',
    });
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/jwks']);
  });

  it('refetches the JWKS at most once per cooldown for a flood of unknown kids', async () => {
    server.handle((req, res) => (req.url === '/v1/jwks' ? sendJson(res, 200, { keys: [key.jwk] }) : sendJson(res, 500, {})));
    const authenticator = createRequestAuthenticator(options({ jwtKey: undefined, secretKey: 'sk_test_machine', apiUrl: server.url }));
    const flood = Array.from({ length: 20 }, (_, i) =>
      key.sign({ alg: 'RS256', typ: 'at+jwt', kid: `ins_random_${i}` }, { sub: 'user_3', exp: NOW_MS / 1000 + 60 }),
    );
    const states = await Promise.all(flood.map((token) => authenticator.authenticateRequest(bearer(token))));
    expect(states.every((state) => state.reason === 'machine_token_invalid')).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});
