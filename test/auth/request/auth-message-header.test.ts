// The x-clerk-auth-message response header tells the client why it is signed out, but never describes the
// server's own configuration (its keys, its options, its way to reach Clerk): those details stay server-side.
import { describe, expect, it } from 'vitest';
import { authenticateRequest } from '../../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from '../helpers/keys.js';

const key = testKey();
const NEUTRAL = 'The server could not verify this request; see the server log.';

function bearer(token: string): Request {
  return new Request('https://api.example.com/things', { headers: { authorization: `Bearer ${token}` } });
}

describe('x-clerk-auth-message', () => {
  it('is neutral when the JWKS endpoint cannot be reached, while state.message keeps the detail for the log', async () => {
    const unreachable = (): Promise<Response> => Promise.reject(new TypeError('connect ECONNREFUSED 10.0.0.7:443'));
    const state = await authenticateRequest(bearer(sessionToken(key)), {
      secretKey: 'sk_test_abcdefghijklmnopqrstuvwxyz0123456789',
      now: () => NOW_MS,
      fetch: unreachable,
    });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toMatch(/^jwks_(fetch_failed|timeout)$/);
    expect(state.headers.get('x-clerk-auth-reason')).toBe(state.reason);
    expect(state.headers.get('x-clerk-auth-message')).toBe(NEUTRAL);
    expect(state.message).not.toBe(NEUTRAL);
  });

  it('still explains a problem of the request itself, such as an expired token', async () => {
    const expired = sessionToken(key, {
      exp: Math.floor(NOW_MS / 1000) - 600,
      iat: Math.floor(NOW_MS / 1000) - 1200,
      nbf: Math.floor(NOW_MS / 1000) - 1200,
    });
    const state = await authenticateRequest(bearer(expired), { jwtKey: key.pem, now: () => NOW_MS });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(state.headers.get('x-clerk-auth-message')).toBe(state.message);
    expect(state.message).not.toBe(NEUTRAL);
  });
});
