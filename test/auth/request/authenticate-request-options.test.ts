import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { authenticateRequest, createRequestAuthenticator, type AuthenticateRequestOptions } from '../../../src/auth/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from '../helpers/keys.js';

// The options of authenticateRequest and createRequestAuthenticator: each refusal with its exact message, the
// machine caches kept per client, and requests that cannot be read.

const key = testKey();
const base: AuthenticateRequestOptions = { jwtKey: key.pem, now: () => NOW_MS };
const bearer = (token: string) => new Request('https://api.example.com/', { headers: { authorization: `Bearer ${token}` } });
const ACCEPTS_MESSAGE = "The acceptsToken option must be 'session_token', 'api_key', 'm2m_token', 'oauth_token', a list of them, or 'any'.";
const TTL_MESSAGE = 'The machineTokenCacheTtlInMs option must be a number of milliseconds from 0 to 60000.';
const HOOK_MESSAGE = 'The onAuthEvent option must be a function.';
const apiKeyAnswer = { id: 'ak_id', subject: 'user_9', scopes: [], claims: null, name: 'ci' };

describe('authenticateRequest: unusable options', () => {
  it.each([
    ['an unknown acceptsToken', { acceptsToken: 'cookies' }, ACCEPTS_MESSAGE],
    ['a string cache TTL', { machineTokenCacheTtlInMs: '5' }, TTL_MESSAGE],
    ['a negative cache TTL', { machineTokenCacheTtlInMs: -1 }, TTL_MESSAGE],
    ['a cache TTL over a minute', { machineTokenCacheTtlInMs: 60_001 }, TTL_MESSAGE],
    ['a NaN cache TTL', { machineTokenCacheTtlInMs: Number.NaN }, TTL_MESSAGE],
    ['an onAuthEvent that is no function', { onAuthEvent: 'console' }, HOOK_MESSAGE],
  ])('signs out with options_invalid and the option named for %s', async (_name, bad, message) => {
    const options = { ...base, ...bad } as AuthenticateRequestOptions;
    const state = await authenticateRequest(bearer(sessionToken(key)), options);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'options_invalid', message, tokenType: undefined });
    expect(() => createRequestAuthenticator(options)).toThrow(new TypeError(`createRequestAuthenticator: ${message}`));
  });

  it('keeps the option problem out of the x-clerk-auth-message header (it describes the server) and on state.message', async () => {
    const state = await authenticateRequest(bearer(sessionToken(key)), { ...base, machineTokenCacheTtlInMs: -1 });
    expect(state.headers.get('x-clerk-auth-message')).toBe('The server could not verify this request; see the server log.');
    expect(state.message).toBe('The machineTokenCacheTtlInMs option must be a number of milliseconds from 0 to 60000.');
  });

  it.each([0, 60_000])('accepts a cache TTL of %i ms', async (machineTokenCacheTtlInMs) => {
    const state = await authenticateRequest(bearer(sessionToken(key)), { ...base, machineTokenCacheTtlInMs });
    expect(state.status).toBe('signed-in');
    expect(createRequestAuthenticator({ ...base, machineTokenCacheTtlInMs })).toBeDefined();
  });

  it('signs out when the options cannot be read at all', async () => {
    const state = await authenticateRequest(bearer(sessionToken(key)), null as unknown as AuthenticateRequestOptions);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'options_invalid', message: 'The options could not be read.' });
  });

  it.each([null, 'jwtKey', 42])('createRequestAuthenticator refuses %j as options with a TypeError', (options) => {
    expect(() => createRequestAuthenticator(options as unknown as AuthenticateRequestOptions)).toThrow(
      new TypeError('createRequestAuthenticator: The options must be an object.'),
    );
  });

  it('ignores a publishable key that is not a string when naming the session cookie', async () => {
    // The suffixed name a number would give if it were read as a key.
    const suffix = createHash('sha1').update('5').digest('base64url').slice(0, 8);
    const request = new Request('https://api.example.com/', { headers: { cookie: `__session_${suffix}=ak_1` } });
    const state = await authenticateRequest(request, { ...base, publishableKey: 5 as unknown as string });
    expect(state).toMatchObject({ status: 'signed-out', reason: 'session-token-and-uat-missing', tokenType: undefined });
  });
});

describe('authenticateRequest: requests that cannot be read', () => {
  it('signs out with request_invalid instead of throwing (issue #22 item 11)', async () => {
    const throwing = {
      headers: new Headers(),
      get url(): string {
        throw new Error('consumed');
      },
    };
    expect(await authenticateRequest(throwing as unknown as Request, base)).toMatchObject({
      status: 'signed-out',
      reason: 'request_invalid',
      message: 'The request could not be read.',
    });
    expect(await authenticateRequest({} as Request, base)).toMatchObject({ status: 'signed-out', reason: 'request_invalid' });
  });
});

describe('authenticateRequest: machine caches are kept per client', () => {
  it('asks the Backend API once for an API key used by two calls with the same client, and again with another client', async () => {
    const client = { apiKeys: { verifyApiKey: vi.fn(async () => ({ data: apiKeyAnswer })) } };
    const options = { ...base, acceptsToken: 'api_key' as const, client };
    for (let i = 0; i < 2; i++) expect((await authenticateRequest(bearer('ak_shared'), options)).status).toBe('signed-in');
    expect(client.apiKeys.verifyApiKey).toHaveBeenCalledTimes(1);
    const other = { apiKeys: { verifyApiKey: vi.fn(async () => ({ data: apiKeyAnswer })) } };
    expect((await authenticateRequest(bearer('ak_shared'), { ...options, client: other })).status).toBe('signed-in');
    expect(other.apiKeys.verifyApiKey).toHaveBeenCalledTimes(1);
  });

  it('reads the machine JWKS through the client on the injected clock', async () => {
    const m2m = key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { sub: 'mch_1', exp: NOW_S + 3600, iat: NOW_S - 1, jti: 'mt_1' });
    const run = async (authenticate: (request: Request, options: AuthenticateRequestOptions) => Promise<{ status: string }>) => {
      let clock = NOW_MS;
      const client = { jwks: { getJwks: vi.fn(async () => ({ data: { keys: [key.jwk] } })) } };
      const options: AuthenticateRequestOptions = { secretKey: 'sk_test_jwks', acceptsToken: 'm2m_token', client, now: () => clock };
      expect((await authenticate(bearer(m2m), options)).status).toBe('signed-in');
      // Past the five-minute key set lifetime on the injected clock: the key set is read again.
      clock += 300_001;
      expect((await authenticate(bearer(m2m), options)).status).toBe('signed-in');
      expect(client.jwks.getJwks).toHaveBeenCalledTimes(2);
    };
    await run(authenticateRequest);
    let authenticator: ReturnType<typeof createRequestAuthenticator> | undefined;
    await run((request, options) => {
      authenticator ??= createRequestAuthenticator(options);
      return authenticator.authenticateRequest(request);
    });
  });
});
