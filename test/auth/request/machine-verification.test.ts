import { describe, expect, it, vi } from 'vitest';
import { toMachineAuthData } from '../../../src/auth/request/machine-auth-object.js';
import { createMachineJwtKeys } from '../../../src/auth/request/machine-jwt-keys.js';
import { verifyWithClient } from '../../../src/auth/request/machine-token-client.js';
import { createMachineTokenVerifier, type MachineTokenVerifierOptions } from '../../../src/auth/request/machine-tokens.js';
import { NOW_MS, NOW_S, testKey } from '../helpers/keys.js';

// Machine tokens on their own: the Backend API verdicts, machine JWTs verified locally, the verdict cache and
// the machine JWKS cache.

const UNAVAILABLE = { reason: 'machine_verification_unavailable', message: 'The machine token could not be verified.' };
const invalid = (message: string) => ({ reason: 'machine_token_invalid', message });
const answer = (data: unknown) => ({ apiKeys: { verifyApiKey: vi.fn(async () => ({ data })) } });
/** The refusal reason of a verification outcome, undefined when it verified. */
const reasonOf = (outcome: object): unknown => ('reason' in outcome ? outcome.reason : undefined);
const apiKey = { id: 'ak_id', subject: 'user_1', scopes: ['read', 7], claims: { team: 'a' }, name: 'ci' };

describe('toMachineAuthData', () => {
  it('names the user or organization of an API key, the machine of an M2M token and the user of an OAuth token', () => {
    const base = { id: 'i', subject: 'org_1', scopes: ['s'], claims: undefined, name: 'n', clientId: 'c' };
    expect(toMachineAuthData('api_key', base)).toEqual({
      isAuthenticated: true,
      tokenType: 'api_key',
      id: 'i',
      subject: 'org_1',
      scopes: ['s'],
      claims: undefined,
      name: 'n',
      userId: undefined,
      orgId: 'org_1',
    });
    expect(toMachineAuthData('api_key', { ...base, subject: 'user_1' })).toMatchObject({ userId: 'user_1', orgId: undefined });
    expect(toMachineAuthData('m2m_token', { ...base, subject: 'mch_1' })).toEqual({
      isAuthenticated: true,
      tokenType: 'm2m_token',
      id: 'i',
      subject: 'mch_1',
      scopes: ['s'],
      claims: undefined,
      machineId: 'mch_1',
    });
    expect(toMachineAuthData('oauth_token', { ...base, subject: 'user_2' })).toMatchObject({
      tokenType: 'oauth_token',
      userId: 'user_2',
      clientId: 'c',
    });
    expect(Object.isFrozen(toMachineAuthData('m2m_token', base).scopes)).toBe(true);
  });
});

describe('verifyWithClient', () => {
  it('asks the endpoint of the token type, with the token under its parameter name', async () => {
    const client = {
      apiKeys: { verifyApiKey: vi.fn(async () => ({ data: apiKey })) },
      m2m: { verifyM2mToken: vi.fn(async () => ({ data: { ...apiKey, subject: 'mch_1' } })) },
      oauthAccessTokens: { verifyOAuthAccessToken: vi.fn(async () => ({ data: { ...apiKey, client_id: 'c1' } })) },
    };
    expect(await verifyWithClient(client, 'api_key', 'ak_1')).toMatchObject({
      data: { tokenType: 'api_key', name: 'ci', scopes: ['read'] },
    });
    expect(client.apiKeys.verifyApiKey).toHaveBeenCalledWith({ secret: 'ak_1' });
    expect(await verifyWithClient(client, 'm2m_token', 'mt_1')).toMatchObject({ data: { tokenType: 'm2m_token', machineId: 'mch_1' } });
    expect(client.m2m.verifyM2mToken).toHaveBeenCalledWith({ token: 'mt_1' });
    expect(await verifyWithClient(client, 'oauth_token', 'oat_1')).toMatchObject({ data: { tokenType: 'oauth_token', clientId: 'c1' } });
    expect(client.oauthAccessTokens.verifyOAuthAccessToken).toHaveBeenCalledWith({ access_token: 'oat_1' });
  });

  it('is unavailable without a client or endpoint for the type, or when the call throws', async () => {
    const none = { reason: 'machine_verification_unavailable', message: 'A machine token arrived but no client was given to verify it.' };
    expect(await verifyWithClient(undefined, 'api_key', 'ak_1')).toEqual(none);
    expect(await verifyWithClient(answer(apiKey), 'm2m_token', 'mt_1')).toEqual(none);
    expect(await verifyWithClient(answer(apiKey), 'oauth_token', 'oat_1')).toEqual(none);
    const throwing = { apiKeys: { verifyApiKey: async () => Promise.reject(new Error('down')) } };
    expect(await verifyWithClient(throwing, 'api_key', 'ak_1')).toEqual(UNAVAILABLE);
  });

  it('takes a 4xx answer as a refusal and anything else as no verdict', async () => {
    const failing = (errors: unknown[]) => ({ apiKeys: { verifyApiKey: async () => ({ errors }) } });
    for (const status of [400, 404, 499]) {
      expect(await verifyWithClient(failing([{ status }]), 'api_key', 'ak_1')).toEqual(
        invalid('The Backend API does not accept this machine token.'),
      );
    }
    for (const errors of [[{ status: 500 }], [{ status: 399 }], [{}], [{ status: '404' }]]) {
      expect(await verifyWithClient(failing(errors), 'api_key', 'ak_1'), JSON.stringify(errors)).toEqual(UNAVAILABLE);
    }
    expect(await verifyWithClient(failing([]), 'api_key', 'ak_1')).toMatchObject({
      reason: 'machine_verification_unavailable',
      message: 'The Backend API answer about the machine token was not understood.',
    });
  });

  it('reads expired, inactive and revoked answers, and refuses answers it does not understand', async () => {
    const expired = { reason: 'machine_token_expired', message: 'The machine token has expired.' };
    expect(await verifyWithClient(answer({ ...apiKey, expired: true }), 'api_key', 'ak_1')).toEqual(expired);
    expect(await verifyWithClient(answer({ ...apiKey, active: false }), 'api_key', 'ak_1')).toEqual(expired);
    expect(await verifyWithClient(answer({ ...apiKey, revoked: true }), 'api_key', 'ak_1')).toEqual({
      reason: 'machine_token_revoked',
      message: 'The machine token has been revoked.',
    });
    const notUnderstood = {
      reason: 'machine_verification_unavailable',
      message: 'The Backend API answer about the machine token was not understood.',
    };
    for (const data of [null, 'yes', { ...apiKey, id: 1 }, { ...apiKey, subject: undefined }]) {
      expect(await verifyWithClient(answer(data), 'api_key', 'ak_1'), JSON.stringify(data)).toEqual(notUnderstood);
    }
  });

  it('keeps object claims only, and an expiration only when it is surely milliseconds', async () => {
    const read = async (data: object) => verifyWithClient(answer({ ...apiKey, ...data }), 'api_key', 'ak_1');
    expect(await read({ claims: ['a'], scopes: 'read', name: 3 })).toMatchObject({
      data: { claims: undefined, scopes: [], name: undefined },
    });
    expect(await read({ expiration: NOW_MS })).toMatchObject({ expiresAt: NOW_MS });
    expect(await read({ expiration: NOW_S })).toMatchObject({ expiresAt: undefined });
    expect(await read({ expiration: 1e12 })).toMatchObject({ expiresAt: undefined });
  });
});

describe('createMachineTokenVerifier', () => {
  const key = testKey('ins_machine');
  function options(overrides: Partial<MachineTokenVerifierOptions> = {}): MachineTokenVerifierOptions {
    return {
      client: undefined,
      jwtKey: key.pem,
      clockSkewInMs: undefined,
      algorithms: undefined,
      cacheTtlInMs: 10_000,
      maxEntries: 2,
      now: () => NOW_MS,
      ...overrides,
    };
  }
  const m2m = (claims: object = {}, header: object = {}) =>
    key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header }, { sub: 'mch_1', jti: 'mt_1', exp: NOW_S + 60, iat: NOW_S, ...claims });
  const jwt = { type: 'm2m_token', form: 'jwt' } as const;

  it('verifies an M2M JWT locally, keeping unreserved claims and space-separated scopes', async () => {
    const result = await createMachineTokenVerifier(options()).verify(jwt, m2m({ scopes: 'a  b', team: 'x' }));
    expect(result).toEqual({
      data: {
        isAuthenticated: true,
        tokenType: 'm2m_token',
        id: 'mt_1',
        subject: 'mch_1',
        scopes: ['a', 'b'],
        claims: { team: 'x' },
        machineId: 'mch_1',
      },
    });
    expect(await createMachineTokenVerifier(options()).verify(jwt, m2m({ jti: 5 }))).toMatchObject({
      data: { id: '', claims: undefined, scopes: [] },
    });
  });

  it('refuses machine JWTs with the wrong category, subject, key or expiry, saying why', async () => {
    const verify = (token: string, type: 'm2m_token' | 'oauth_token' | 'api_key' = 'm2m_token') =>
      createMachineTokenVerifier(options()).verify({ type, form: 'jwt' } as never, token);
    expect(await verify(m2m({}, { cat: 'cl_B7d4PD111AAA' }))).toEqual(invalid('The token category (cat) is not a machine token.'));
    expect(reasonOf(await verify(m2m({}, { cat: 'cl_B7d4PD333AAA' })))).toBeUndefined();
    expect(await verify(m2m({ sub: 'user_1' }))).toEqual(invalid('The M2M token subject is not a machine.'));
    expect(await verify(m2m({ sub: '' }))).toEqual(invalid('The machine token has no subject.'));
    expect(await verify(m2m({ exp: NOW_S - 60 }))).toEqual({ reason: 'machine_token_expired', message: 'The machine token has expired.' });
    expect(await verify('a.b')).toEqual(invalid('The token is not a compact JWS (three base64url segments).'));
    expect(await verify(m2m(), 'api_key')).toEqual(invalid('API keys are opaque, never JWTs.'));
    const forged = testKey('ins_machine_forger').sign({ alg: 'RS256', typ: 'JWT' }, { sub: 'mch_1', exp: NOW_S + 60 });
    expect(await verify(forged)).toEqual(invalid('The token signature is invalid.'));
  });

  it('verifies an OAuth JWT with an at+jwt type, reading scp or scope and the client id', async () => {
    const oauth = (claims: object) => key.sign({ alg: 'RS256', typ: 'at+jwt' }, { sub: 'user_1', exp: NOW_S + 60, ...claims });
    const verify = (token: string) => createMachineTokenVerifier(options()).verify({ type: 'oauth_token', form: 'jwt' }, token);
    expect(await verify(oauth({ scp: ['a', '', 3], client_id: 'c1', jti: 'oat_1' }))).toEqual({
      data: {
        isAuthenticated: true,
        tokenType: 'oauth_token',
        id: 'oat_1',
        subject: 'user_1',
        scopes: ['a'],
        claims: undefined,
        userId: 'user_1',
        clientId: 'c1',
      },
    });
    expect(await verify(oauth({ scope: 'x y', client_id: 7 }))).toMatchObject({ data: { scopes: ['x', 'y'], clientId: undefined } });
    expect(await verify(oauth({}))).toMatchObject({ data: { scopes: [] } });
    const plain = key.sign({ alg: 'RS256', typ: 'JWT' }, { sub: 'user_1', exp: NOW_S + 60 });
    expect(reasonOf(await verify(plain))).toBe('machine_token_invalid');
  });

  it('applies clockSkewInMs and algorithms when given', async () => {
    const late = m2m({ exp: NOW_S - 8 });
    expect(reasonOf(await createMachineTokenVerifier(options()).verify(jwt, late))).toBe('machine_token_expired');
    expect(reasonOf(await createMachineTokenVerifier(options({ clockSkewInMs: 10_000 })).verify(jwt, late))).toBeUndefined();
    expect(reasonOf(await createMachineTokenVerifier(options({ algorithms: ['RS512'] })).verify(jwt, m2m()))).toBe('machine_token_invalid');
  });

  it('caches opaque verdicts until the TTL or the expiration, evicting the oldest past maxEntries', async () => {
    let now = NOW_MS;
    const verifyApiKey = vi.fn(async ({ secret }: { secret: string }) => ({ data: { ...apiKey, id: secret, expiration: NOW_MS + 5000 } }));
    const verifier = createMachineTokenVerifier(options({ client: { apiKeys: { verifyApiKey } }, jwtKey: undefined, now: () => now }));
    const opaque = { type: 'api_key', form: 'opaque' } as const;
    await verifier.verify(opaque, 'ak_1');
    await verifier.verify(opaque, 'ak_1');
    expect(verifyApiKey).toHaveBeenCalledTimes(1);
    now += 5000;
    expect(await verifier.verify(opaque, 'ak_1')).toMatchObject({ data: { id: 'ak_1' } });
    expect(verifyApiKey).toHaveBeenCalledTimes(2);
    await verifier.verify(opaque, 'ak_2');
    await verifier.verify(opaque, 'ak_3');
    await verifier.verify(opaque, 'ak_1');
    expect(verifyApiKey).toHaveBeenCalledTimes(5);
    const uncached = createMachineTokenVerifier(options({ client: { apiKeys: { verifyApiKey } }, jwtKey: undefined, cacheTtlInMs: 0 }));
    await uncached.verify(opaque, 'ak_9');
    await uncached.verify(opaque, 'ak_9');
    expect(verifyApiKey).toHaveBeenCalledTimes(7);
  });

  it('finds machine JWT keys in the instance JWKS when no jwtKey is given', async () => {
    const getJwks = vi.fn(async () => ({ data: { keys: [key.jwk] } }));
    const verifier = createMachineTokenVerifier(options({ jwtKey: undefined, client: { jwks: { getJwks } } }));
    expect(reasonOf(await verifier.verify(jwt, m2m()))).toBeUndefined();
    expect(await verifier.verify(jwt, m2m({}, { kid: 'ins_unknown' }))).toEqual(
      invalid('No key of the instance matches the machine token.'),
    );
  });
});

describe('createMachineJwtKeys', () => {
  const a = testKey('ins_a').jwk;
  const b = testKey('ins_b').jwk;

  it('fetches once per TTL, picks by kid or the only key, and refetches an unknown kid after the cooldown', async () => {
    let now = 0;
    let keys: unknown[] = [a];
    const getJwks = vi.fn(async () => ({ data: { keys } }));
    const found = createMachineJwtKeys({ client: { jwks: { getJwks } }, now: () => now, ttlInMs: 1000, cooldownInMs: 100 });
    expect(await found.find(undefined)).toBe(a);
    expect(await found.find('ins_a')).toBe(a);
    expect(getJwks).toHaveBeenCalledTimes(1);
    keys = [a, b, null, 'x'];
    expect(await found.find('ins_b')).toBeUndefined();
    expect(getJwks).toHaveBeenCalledTimes(1);
    now = 100;
    expect(await found.find('ins_b')).toBe(b);
    expect(getJwks).toHaveBeenCalledTimes(2);
    expect(await found.find(undefined)).toBeUndefined();
    now = 1100;
    await found.find('ins_a');
    expect(getJwks).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good keys when a fetch fails or answers without keys', async () => {
    let now = 0;
    const getJwks = vi.fn(async () => ({ data: { keys: [a] } }));
    const found = createMachineJwtKeys({ client: { jwks: { getJwks } }, now: () => now, ttlInMs: 1000, cooldownInMs: 100 });
    expect(await found.find('ins_a')).toBe(a);
    getJwks.mockImplementationOnce(async () => Promise.reject(new Error('down')));
    now = 2000;
    expect(await found.find('ins_a')).toBe(a);
    getJwks.mockImplementationOnce(async () => ({ data: { keys: 'none' } }) as never);
    now = 4000;
    expect(await found.find('ins_a')).toBe(a);
  });
});
