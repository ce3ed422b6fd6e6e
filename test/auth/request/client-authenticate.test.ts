import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../../src/index.js';
import { sendJson, useStubServer } from '../../client/fixtures/stub-server.js';
import { NOW_MS, sessionToken, testKey } from '../helpers/keys.js';

const key = testKey();
const server = useStubServer();

function bearer(token: string): Request {
  return new Request('https://api.example.com/', { headers: { authorization: `Bearer ${token}` } });
}

describe('clerk.authenticateRequest', () => {
  it('verifies a session through the JWKS of the client API URL with the client secret key', async () => {
    server.handle((req, res) => (req.url === '/v1/jwks' ? sendJson(res, 200, { keys: [key.jwk] }) : sendJson(res, 404, {})));
    const clerk = createClerkClient({ secretKey: 'sk_test_client', apiUrl: server.url });
    const state = await clerk.authenticateRequest(bearer(sessionToken(key)), { now: () => NOW_MS });
    expect(state.status).toBe('signed-in');
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([['/v1/jwks', 'Bearer sk_test_client']]);
  });

  it('verifies machine tokens through the client itself', async () => {
    server.handle((req, res) =>
      req.url === '/v1/api_keys/verify'
        ? sendJson(res, 200, {
            object: 'api_key',
            id: 'ak_id',
            type: 'api_key',
            subject: 'org_5',
            name: 'n',
            claims: null,
            scopes: [],
            revoked: false,
            revocation_reason: null,
            expired: false,
            expiration: null,
            created_by: null,
            last_used_at: null,
            created_at: 1,
            updated_at: 1,
          })
        : sendJson(res, 404, {}),
    );
    const clerk = createClerkClient({ secretKey: 'sk_test_client', apiUrl: server.url, maxRetries: 0 });
    const state = await clerk.authenticateRequest(bearer('ak_live'), { acceptsToken: 'api_key' });
    expect(state.toAuth()).toMatchObject({ tokenType: 'api_key', orgId: 'org_5', userId: undefined });
  });

  it('treats null options as none: the client defaults still apply', async () => {
    server.handle((req, res) => (req.url === '/v1/jwks' ? sendJson(res, 200, { keys: [key.jwk] }) : sendJson(res, 404, {})));
    const clerk = createClerkClient({ secretKey: 'sk_test_client', apiUrl: server.url, maxRetries: 0 });
    // Without an injected clock the 2024 test token has expired: proof that it was verified with the client's key set.
    const state = await clerk.authenticateRequest(bearer(sessionToken(key)), null as never);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie' });
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([['/v1/jwks', 'Bearer sk_test_client']]);
  });

  it('is not part of the client serialisation', () => {
    const clerk = createClerkClient({ secretKey: 'sk_test_client' });
    expect(Object.keys(clerk)).not.toContain('authenticateRequest');
    expect(JSON.stringify(clerk)).not.toContain('sk_test_client');
  });
});
