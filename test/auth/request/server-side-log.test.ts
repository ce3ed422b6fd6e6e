import { describe, expect, it } from 'vitest';
import { authenticateRequest, createRequestAuthenticator } from '../../../src/auth/index.js';
import { fakeFetch, hangingFetch, jwksResponse } from '../helpers/jwks-server.js';
import { NOW_MS, sessionToken, testKey } from '../helpers/keys.js';

// Issue #25: what the server cannot do (load its JWKS, verify a machine token, run with its options) is told to
// the configured logger once per cause per 60 s window, never on every request, and never with a secret or token.

const key = testKey('ins_log');
let secrets = 0;
/** A fresh secret key per test: key-set caches are per (API URL, secret key), and must not carry over. */
const freshSecret = (): string => `sk_test_serverlog${++secrets}`;

function recorder() {
  const calls: Array<{ message: string; details: Record<string, unknown> | undefined }> = [];
  return { calls, logger: { warn: (message: string, details?: Record<string, unknown>) => void calls.push({ message, details }) } };
}

function bearer(token: string): Request {
  return new Request('https://api.example.com/data', { headers: { authorization: `Bearer ${token}` } });
}

describe('an unreachable JWKS endpoint is logged once per cause per window', () => {
  it('a 503 endpoint: many requests and several failed fetches within 60 s give one warning; the next window another', async () => {
    let now = NOW_MS;
    const fake = fakeFetch(() => new Response('upstream down', { status: 503 }));
    const secretKey = freshSecret();
    const { calls, logger } = recorder();
    const auth = createRequestAuthenticator({ secretKey, fetch: fake.fetch, now: () => now, logger });
    const token = sessionToken(key);
    for (let i = 0; i < 12; i++) {
      const state = await auth.authenticateRequest(bearer(token));
      expect(state.reason).toBe('jwks_fetch_failed');
      now += 4_000;
    }
    // The engine retried (1 s, 2 s, 4 s… backoff) and failed each time, but the log was told once.
    expect(fake.calls()).toBeGreaterThan(3);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      message: 'The JWKS could not be loaded; session tokens cannot be verified until it is.',
      details: {
        url: 'https://api.clerk.com/v1/jwks',
        code: 'jwks_fetch_failed',
        status: 503,
        reason: 'The JWKS endpoint answered with status 503.',
      },
    });
    now += 60_000;
    await auth.authenticateRequest(bearer(token));
    expect(calls).toHaveLength(2);
    // Nothing secret went to the log: neither the secret key nor the token.
    const logged = JSON.stringify(calls);
    expect(logged).not.toContain(secretKey);
    expect(logged).not.toContain(token);
  });

  it('a timeout and an answer that is not JSON are causes of their own', async () => {
    const { calls, logger } = recorder();
    let answer: 'hang' | 'html' = 'hang';
    const hang = hangingFetch();
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      answer === 'hang'
        ? hang(input, init)
        : Promise.resolve(new Response('<html>maintenance</html>', { status: 200 }))) as typeof globalThis.fetch;
    let now = NOW_MS;
    const auth = createRequestAuthenticator({ secretKey: freshSecret(), fetch, now: () => now, logger, jwksTimeoutInMs: 20 });
    expect((await auth.authenticateRequest(bearer(sessionToken(key)))).reason).toBe('jwks_timeout');
    now += 2_000;
    expect((await auth.authenticateRequest(bearer(sessionToken(key)))).reason).toBe('jwks_timeout');
    answer = 'html';
    now += 5_000;
    expect((await auth.authenticateRequest(bearer(sessionToken(key)))).reason).toBe('jwk_invalid');
    now += 10_000;
    expect((await auth.authenticateRequest(bearer(sessionToken(key)))).reason).toBe('jwk_invalid');
    expect(calls.map((call) => call.details?.['code'])).toEqual(['jwks_timeout', 'jwk_invalid']);
    expect(calls[1]?.details?.['reason']).toBe('The JWKS response is not JSON.');
  });

  it('a jwksUrl with a credential in its query is logged by origin and path only', async () => {
    const { calls, logger } = recorder();
    const fetch = (async () => new Response('no', { status: 500 })) as typeof globalThis.fetch;
    const jwksUrl = 'https://keys.example.com/jwks.json?access_token=abc123';
    const auth = createRequestAuthenticator({ jwksUrl, fetch, now: () => NOW_MS, logger });
    expect((await auth.authenticateRequest(bearer(sessionToken(key)))).reason).toBe('jwks_fetch_failed');
    expect(calls[0]?.details?.['url']).toBe('https://keys.example.com/jwks.json');
    expect(JSON.stringify(calls)).not.toContain('abc123');
  });

  it('a failed refresh while the last good set is still served says so, once', async () => {
    let now = NOW_MS;
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const { calls, logger } = recorder();
    const auth = createRequestAuthenticator({ secretKey: freshSecret(), fetch: fake.fetch, now: () => now, logger });
    const longLived = sessionToken(key, { exp: NOW_MS / 1000 + 86_400 });
    expect((await auth.authenticateRequest(bearer(longLived))).isAuthenticated).toBe(true);
    fake.respond(() => new Response('down', { status: 502 }));
    for (let i = 0; i < 5; i++) {
      now += 301_000;
      expect((await auth.authenticateRequest(bearer(longLived))).isAuthenticated).toBe(true);
      if (i === 0) expect(calls).toHaveLength(1);
    }
    expect(calls[0]?.message).toBe('The JWKS could not be refreshed; the last good key set is used until it is too old.');
    // Each refresh is more than a window after the last: each is told (five refreshes, five warnings, not one per request).
    expect(calls).toHaveLength(5);
  });
});

describe('a machine token verification that cannot run is logged once per window', () => {
  it('acceptsToken any without a client or secret key: API keys are refused and the log told once', async () => {
    let now = NOW_MS;
    const { calls, logger } = recorder();
    const auth = createRequestAuthenticator({ jwtKey: key.pem, acceptsToken: 'any', now: () => now, logger });
    for (let i = 0; i < 10; i++) {
      const state = await auth.authenticateRequest(bearer(`ak_live_${i}abcdef`));
      expect(state.reason).toBe('machine_verification_unavailable');
      now += 1_000;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.details).toEqual({
      reason: 'machine_verification_unavailable',
      tokenType: 'api_key',
      detail: 'A machine token arrived but no client was given to verify it.',
    });
    expect(JSON.stringify(calls)).not.toContain('ak_live_');
  });

  it('a Backend API that answers 503 for API key verification: once per window, again after it', async () => {
    let now = NOW_MS;
    const { calls, logger } = recorder();
    let asked = 0;
    const client = {
      apiKeys: {
        verifyApiKey: async () => {
          asked++;
          return { errors: [{ code: 'unexpected_error', message: 'Service unavailable', status: 503 }] };
        },
      },
    };
    const auth = createRequestAuthenticator({ jwtKey: key.pem, acceptsToken: 'api_key', client, now: () => now, logger });
    for (let i = 0; i < 5; i++) {
      expect((await auth.authenticateRequest(bearer('ak_live_unreachable'))).reason).toBe('machine_verification_unavailable');
      now += 10_000;
    }
    expect(asked).toBe(5);
    expect(calls).toHaveLength(1);
    now += 20_000;
    await auth.authenticateRequest(bearer('ak_live_unreachable'));
    expect(calls).toHaveLength(2);
  });

  it('an M2M JWT whose instance JWKS cannot be read through the client: unavailable, not invalid, and told once', async () => {
    let now = NOW_MS;
    const { calls, logger } = recorder();
    const client = { jwks: { getJwks: async () => ({ errors: [{ code: 'network_error', message: 'fetch failed', status: undefined }] }) } };
    const auth = createRequestAuthenticator({ jwtKey: key.pem, acceptsToken: 'm2m_token', client, now: () => now, logger });
    // With a jwtKey the machine JWT would verify locally; the client's JWKS is used when there is none (below).
    const viaJwks = createRequestAuthenticator({ secretKey: freshSecret(), acceptsToken: 'm2m_token', client, now: () => now, logger });
    const m2m = key.sign(
      { alg: 'RS256', typ: 'JWT', kid: key.kid, cat: 'cl_B7d4PD333AAA' },
      { sub: 'mch_1', exp: NOW_MS / 1000 + 3600, iat: NOW_MS / 1000 - 1, jti: 'mt_1' },
    );
    expect((await auth.authenticateRequest(bearer(m2m))).isAuthenticated).toBe(true);
    for (let i = 0; i < 4; i++) {
      expect((await viaJwks.authenticateRequest(bearer(m2m))).reason).toBe('machine_verification_unavailable');
      now += 31_000; // past the machine JWKS cooldown: each request asks again, and fails again
    }
    expect(calls).toHaveLength(2); // t = 0 and t = 62 s: two windows, not four requests
    expect(calls[0]?.details).toEqual({
      reason: 'machine_verification_unavailable',
      tokenType: 'm2m_token',
      detail: 'The instance JWKS could not be read through the client, so the machine token could not be verified.',
    });
  });

  it("authenticateRequest({ acceptsToken: 'api_key' }) with no way to call the API: signed out, told once, to the given logger", async () => {
    const { calls, logger } = recorder();
    const options = { jwtKey: key.pem, acceptsToken: 'api_key' as const, now: () => NOW_MS, logger };
    for (let i = 0; i < 5; i++) {
      const state = await authenticateRequest(bearer('ak_live_x'), options);
      expect(state.reason).toBe('options_invalid');
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      message: 'Request authentication cannot run with these options; every request is signed out.',
      details: {
        reason: 'options_invalid',
        detail: "acceptsToken includes 'api_key', which only the Backend API can verify: pass secretKey or client.",
      },
    });
  });

  it('a bad request is not a server problem: nothing is logged for an expired or forged token', async () => {
    const { calls, logger } = recorder();
    const auth = createRequestAuthenticator({ jwtKey: key.pem, now: () => NOW_MS, logger });
    await auth.authenticateRequest(bearer(sessionToken(key, { exp: NOW_MS / 1000 - 60 })));
    await auth.authenticateRequest(bearer(`${sessionToken(key).slice(0, -4)}AAAA`));
    await auth.authenticateRequest(new Request('https://api.example.com/'));
    expect(calls).toEqual([]);
  });
});
