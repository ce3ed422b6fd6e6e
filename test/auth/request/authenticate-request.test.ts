import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  authenticateRequest,
  createRequestAuthenticator,
  debugRequestState,
  type AuthEvent,
  type AuthenticateRequestOptions,
} from '../../../src/auth/index.js';
import { b64url, NOW_MS, NOW_S, sessionClaims, sessionToken, testKey } from '../helpers/keys.js';

const key = testKey();
const forger = testKey('ins_forger');
const base: AuthenticateRequestOptions = { jwtKey: key.pem, now: () => NOW_MS };

function request(headers: Record<string, string> = {}, url = 'https://api.example.com/things'): Request {
  return new Request(url, { headers });
}

describe('authenticateRequest: where the token comes from', () => {
  it('signs in a request with a valid Bearer token and exposes the auth object', async () => {
    const token = sessionToken(key);
    const state = await authenticateRequest(request({ authorization: `Bearer ${token}` }), base);
    expect(state.status).toBe('signed-in');
    expect(state.isAuthenticated).toBe(true);
    expect(state.token).toBe(token);
    expect(state.tokenType).toBe('session_token');
    const auth = state.toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_2abc');
    expect(state.headers.get('x-clerk-auth-status')).toBe('signed-in');
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the %s scheme case-insensitively (C.20)', async (scheme) => {
    const state = await authenticateRequest(request({ authorization: `${scheme} ${sessionToken(key)}` }), base);
    expect(state.status).toBe('signed-in');
  });

  it.each([
    ['an empty Bearer token', 'Bearer '],
    ['a Bearer token of spaces', 'Bearer    '],
    ['the Basic scheme', `Basic ${btoa('user:pass')}`],
    ['a token without a scheme', sessionToken(key)],
    ['two joined Authorization headers', `Bearer ${sessionToken(key)}, Bearer ${sessionToken(key)}`],
    ['two tokens in one header', `Bearer ${sessionToken(key)} ${sessionToken(key)}`],
  ])('refuses %s with authorization_header_invalid (C.20)', async (_name, value) => {
    const state = await authenticateRequest(request({ authorization: value }), base);
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('authorization_header_invalid');
  });

  it('refuses several Authorization header values given separately (C.20)', async () => {
    const headers = new Headers();
    headers.append('authorization', `Bearer ${sessionToken(key)}`);
    headers.append('authorization', `Bearer ${sessionToken(forger)}`);
    const state = await authenticateRequest(new Request('https://api.example.com/', { headers }), base);
    expect(state.reason).toBe('authorization_header_invalid');
  });

  it('signs in from the __session cookie when there is no Authorization header', async () => {
    const state = await authenticateRequest(request({ cookie: `theme=dark; __session=${sessionToken(key)}; __client_uat=1` }), base);
    expect(state.status).toBe('signed-in');
  });

  it('prefers the suffixed __session_<suffix> cookie of the configured publishable key', async () => {
    const publishableKey = `pk_test_${btoa('clerk.example.com$')}`;
    // Clerk's getCookieSuffix: base64url(sha1(publishableKey)).slice(0, 8).
    const { createHash } = await import('node:crypto');
    const suffix = createHash('sha1').update(publishableKey).digest('base64url').slice(0, 8);
    const good = sessionToken(key, { sub: 'user_suffixed' });
    const cookie = `__session=${sessionToken(key, { sub: 'user_plain' })}; __session_${suffix}=${good}; __client_uat=1; __client_uat_${suffix}=1`;
    const state = await authenticateRequest(request({ cookie }), { ...base, publishableKey });
    const auth = state.toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_suffixed');
  });

  it('uses exactly the header token: a forged cookie never yields its identity (C.19, CVE-2024-22206)', async () => {
    const forged = forger.sign({ alg: 'RS256', typ: 'JWT' }, sessionClaims({ sub: 'user_victim' }));
    const valid = sessionToken(key);
    const state = await authenticateRequest(
      request({ authorization: `Bearer ${valid}`, cookie: `__session=${forged}; __client_uat=1` }),
      base,
    );
    expect(state.status).toBe('signed-in');
    expect(state.token).toBe(valid);
    const auth = state.toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_2abc');
  });

  it('never falls back to a valid cookie when the header token is forged (C.19)', async () => {
    const forged = forger.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, sessionClaims({ sub: 'user_victim' }));
    const state = await authenticateRequest(
      request({ authorization: `Bearer ${forged}`, cookie: `__session=${sessionToken(key)}; __client_uat=1` }),
      base,
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token_invalid_signature');
    expect(state.token).toBeUndefined();
  });

  it('decodes each cookie value separately, so %3B cannot forge a __session cookie (C.21)', async () => {
    const forged = forger.sign({ alg: 'RS256', typ: 'JWT' }, sessionClaims({ sub: 'user_victim' }));
    // The attacker controls the value of `note`; after decoding it contains "; __session=<forged>".
    const cookie = `note=x%3B%20__session%3D${forged}`;
    const state = await authenticateRequest(request({ cookie }), base);
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('reports session-token-and-uat-missing when there is neither header nor cookie', async () => {
    const state = await authenticateRequest(request(), base);
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'session-token-and-uat-missing',
      isAuthenticated: false,
      token: undefined,
    });
    expect(state.headers.get('x-clerk-auth-reason')).toBe('session-token-and-uat-missing');
    expect(state.headers.get('x-clerk-auth-message')).toMatch(/no Authorization/);
  });
});

describe('authenticateRequest: session rules', () => {
  it('reports an expired cookie session as session-token-expired-refresh-non-eligible-no-refresh-cookie', async () => {
    const expired = sessionToken(key, { exp: NOW_S - 60, iat: NOW_S - 120, nbf: NOW_S - 120 });
    const state = await authenticateRequest(request({ cookie: `__session=${expired}; __client_uat=1` }), base);
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(state.headers.get('x-clerk-auth-status')).toBe('signed-out');
  });

  it('requires a cookie token azp to be one of the authorized parties', async () => {
    const options = { ...base, authorizedParties: ['https://app.example.com'] };
    const evil = sessionToken(key, { azp: 'https://app.example.com.evil.com' });
    const missing = sessionToken(key, { azp: undefined });
    expect((await authenticateRequest(request({ cookie: `__session=${evil}; __client_uat=1` }), options)).reason).toBe(
      'token_invalid_authorized_party',
    );
    expect((await authenticateRequest(request({ cookie: `__session=${missing}; __client_uat=1` }), options)).reason).toBe(
      'token_invalid_authorized_party',
    );
    expect((await authenticateRequest(request({ cookie: `__session=${sessionToken(key)}; __client_uat=1` }), options)).status).toBe(
      'signed-in',
    );
  });

  it('signs out when _clerk_session_id names another session than the token (multi-session)', async () => {
    const token = sessionToken(key, { sid: 'sess_a' });
    const other = await authenticateRequest(
      request({ authorization: `Bearer ${token}` }, 'https://x.example/?_clerk_session_id=sess_b'),
      base,
    );
    expect(other.reason).toBe('session_id_mismatch');
    const same = await authenticateRequest(
      request({ authorization: `Bearer ${token}` }, 'https://x.example/?_clerk_session_id=sess_a'),
      base,
    );
    expect(same.status).toBe('signed-in');
  });

  it('treats a pending session as signed out in toAuth() unless asked otherwise', async () => {
    const state = await authenticateRequest(request({ authorization: `Bearer ${sessionToken(key, { sts: 'pending' })}` }), base);
    expect(state.status).toBe('signed-in');
    const pending = state.toAuth();
    expect(pending).toMatchObject({ isAuthenticated: false, userId: undefined, sessionStatus: 'pending' });
    expect(pending.has({ role: 'org:admin' })).toBe(false);
    const raw = state.toAuth({ treatPendingAsSignedOut: false });
    expect(raw.tokenType === 'session_token' && raw.userId).toBe('user_2abc');
  });

  it('works without a secret key when jwtKey is given, with no request made', async () => {
    const fetchSpy = vi.fn();
    const state = await authenticateRequest(request({ authorization: `Bearer ${sessionToken(key)}` }), { ...base, fetch: fetchSpy });
    expect(state.status).toBe('signed-in');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('authenticateRequest: machine tokens are never sessions (C.22)', () => {
  const oauthJwt = key.sign(
    { alg: 'RS256', typ: 'at+jwt', kid: key.kid },
    { sub: 'user_2abc', exp: NOW_S + 60, iat: NOW_S - 1, jti: 'oat_1' },
  );
  const m2mJwt = key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { sub: 'mch_1', exp: NOW_S + 60, iat: NOW_S - 1, jti: 'mt_1' });

  it.each([
    ['an API key', 'ak_123', 'api_key'],
    ['an opaque M2M token', 'mt_123', 'm2m_token'],
    ['an opaque OAuth token', 'oat_123', 'oauth_token'],
    ['an at+jwt OAuth token', oauthJwt, 'oauth_token'],
    ['an M2M JWT', m2mJwt, 'm2m_token'],
  ])('refuses %s in the header as a session with token-type-mismatch', async (_name, token, type) => {
    const state = await authenticateRequest(request({ authorization: `Bearer ${token}` }), base);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'token-type-mismatch', tokenType: type });
  });

  it.each([
    ['an API key', 'ak_123'],
    ['an opaque M2M token', 'mt_123'],
    ['an opaque OAuth token', 'oat_123'],
    ['an at+jwt OAuth token', oauthJwt],
    ['an M2M JWT', m2mJwt],
  ])('refuses %s in the __session cookie, even when machine tokens are accepted', async (_name, token) => {
    const client = {
      apiKeys: { verifyApiKey: vi.fn() },
      m2m: { verifyM2mToken: vi.fn() },
      oauthAccessTokens: { verifyOAuthAccessToken: vi.fn() },
    };
    const state = await authenticateRequest(request({ cookie: `__session=${token}; __client_uat=1` }), {
      ...base,
      acceptsToken: 'any',
      client,
    });
    expect(state.reason).toBe('token-type-mismatch');
    expect(client.apiKeys.verifyApiKey).not.toHaveBeenCalled();
    expect(client.m2m.verifyM2mToken).not.toHaveBeenCalled();
  });

  it('refuses a session token on a route that accepts only machine tokens', async () => {
    const state = await authenticateRequest(request({ authorization: `Bearer ${sessionToken(key)}` }), {
      ...base,
      client: {},
      acceptsToken: ['api_key'],
    });
    expect(state).toMatchObject({ reason: 'token-type-mismatch', tokenType: 'session_token' });
  });

  it('verifies M2M and OAuth JWTs locally with jwtKey when accepted', async () => {
    const m2m = await authenticateRequest(request({ authorization: `Bearer ${m2mJwt}` }), { ...base, acceptsToken: 'm2m_token' });
    expect(m2m.toAuth()).toMatchObject({ tokenType: 'm2m_token', machineId: 'mch_1', id: 'mt_1' });
    const oauth = await authenticateRequest(request({ authorization: `Bearer ${oauthJwt}` }), { ...base, acceptsToken: ['oauth_token'] });
    expect(oauth.toAuth()).toMatchObject({ tokenType: 'oauth_token', userId: 'user_2abc', id: 'oat_1' });
  });

  it('refuses a forged machine JWT', async () => {
    const forged = forger.sign({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }, { sub: 'user_2abc', exp: NOW_S + 60 });
    const state = await authenticateRequest(request({ authorization: `Bearer ${forged}` }), { ...base, acceptsToken: 'oauth_token' });
    expect(state.reason).toBe('machine_token_invalid');
  });

  it('reports machine_verification_unavailable for an opaque token the given client cannot verify', async () => {
    const state = await authenticateRequest(request({ authorization: 'Bearer ak_123' }), { ...base, client: {}, acceptsToken: 'api_key' });
    expect(state.reason).toBe('machine_verification_unavailable');
  });

  it('refuses acceptsToken api_key with no secret key and no client as options_invalid (SECURITY G.45)', async () => {
    const state = await authenticateRequest(request({ authorization: 'Bearer ak_123' }), { ...base, acceptsToken: 'api_key' });
    expect(state.reason).toBe('options_invalid');
  });
});

describe('authenticateRequest: no secrets leak, events, options', () => {
  it('never shows the token in JSON.stringify, util.inspect or debugRequestState', async () => {
    const token = sessionToken(key);
    const state = await authenticateRequest(request({ authorization: `Bearer ${token}` }), base);
    const signature = token.split('.')[2] as string;
    for (const text of [JSON.stringify(state), inspect(state, { depth: 5 }), JSON.stringify(debugRequestState(state)), String(state)]) {
      expect(text).not.toContain(signature);
    }
    expect(debugRequestState(state)).toEqual({
      status: 'signed-in',
      reason: undefined,
      message: undefined,
      tokenType: 'session_token',
      isAuthenticated: true,
      subject: 'user_2abc',
    });
  });

  it('reports verified and rejected requests to onAuthEvent without tokens', async () => {
    const events: AuthEvent[] = [];
    const options = { ...base, onAuthEvent: (event: AuthEvent) => void events.push(event) };
    const token = sessionToken(key);
    await authenticateRequest(request({ authorization: `Bearer ${token}` }), options);
    await authenticateRequest(
      request({ cookie: `__session=${sessionToken(key, { exp: NOW_S - 60, iat: NOW_S - 99, nbf: NOW_S - 99 })}; __client_uat=1` }),
      options,
    );
    expect(events).toEqual([
      { type: 'request_verified', reason: undefined, tokenType: 'session_token', tokenSource: 'header', subject: 'user_2abc' },
      {
        type: 'request_rejected',
        reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
        tokenType: 'session_token',
        tokenSource: 'cookie',
        subject: undefined,
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(token.split('.')[2]);
  });

  it('gives the same result when the hook throws or rejects', async () => {
    const token = sessionToken(key);
    for (const onAuthEvent of [
      () => {
        throw new Error('boom');
      },
      () => Promise.reject(new Error('boom')),
    ]) {
      const state = await authenticateRequest(request({ authorization: `Bearer ${token}` }), { ...base, onAuthEvent });
      expect(state.status).toBe('signed-in');
      const rejected = await authenticateRequest(request(), { ...base, onAuthEvent });
      expect(rejected.reason).toBe('session-token-and-uat-missing');
    }
  });

  it('gives options_invalid for unusable options instead of throwing', async () => {
    const bad = [{}, { jwtKey: key.pem, acceptsToken: 'cookies' }, { jwtKey: key.pem, clockSkewInMs: -1 }, null];
    for (const options of bad) {
      const state = await authenticateRequest(
        request({ authorization: `Bearer ${sessionToken(key)}` }),
        options as AuthenticateRequestOptions,
      );
      expect(state.reason).toBe('options_invalid');
    }
  });

  it('accepts undefined option values as "not set" (process.env)', async () => {
    const options: AuthenticateRequestOptions = { ...base, secretKey: undefined, publishableKey: undefined, acceptsToken: undefined };
    expect((await authenticateRequest(request({ authorization: `Bearer ${sessionToken(key)}` }), options)).status).toBe('signed-in');
  });

  it('createRequestAuthenticator throws a TypeError at startup when no key is configured', () => {
    expect(() => createRequestAuthenticator({ secretKey: undefined, jwtKey: undefined })).toThrow(TypeError);
    expect(() => createRequestAuthenticator({ jwtKey: key.pem, acceptsToken: 'nope' as never })).toThrow(/acceptsToken/);
  });

  it('createRequestAuthenticator authenticates raw header parts the same way', async () => {
    const authenticator = createRequestAuthenticator(base);
    const token = sessionToken(key);
    const state = await authenticator.authenticateParts({
      authorization: [`Bearer ${token}`],
      cookie: undefined,
      sessionIdParam: undefined,
    });
    expect(state.status).toBe('signed-in');
    const two = await authenticator.authenticateParts({
      authorization: ['Bearer a', 'Bearer b'],
      cookie: undefined,
      sessionIdParam: undefined,
    });
    expect(two.reason).toBe('authorization_header_invalid');
  });

  it('refuses a token header with a jku pointing elsewhere without any request (header is never trusted)', async () => {
    const fetchSpy = vi.fn();
    const header = { alg: 'RS256', typ: 'JWT', jku: 'https://evil.example/jwks' };
    const token = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(sessionClaims()))}.AAAA`;
    const state = await authenticateRequest(request({ authorization: `Bearer ${token}` }), { ...base, fetch: fetchSpy });
    expect(state.status).toBe('signed-out');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('authenticateRequest: response headers', () => {
  it('keeps the x-clerk-auth-message header to printable ASCII whatever the message holds', async () => {
    const weak = testKey('ins_weak', 1024);
    const state = await authenticateRequest(request({ authorization: `Bearer ${sessionToken(weak)}` }), {
      jwtKey: weak.pem,
      now: () => NOW_MS,
    });
    expect(state.reason).toBe('jwk_invalid');
    expect(state.message).toMatch(/–/);
    expect(state.headers.get('x-clerk-auth-message')).toMatch(/^[\x20-\x7E]+$/);
  });
});
