import { describe, expect, it, vi } from 'vitest';
import { createMachineJwtKeys } from '../../../src/auth/request/machine-jwt-keys.js';
import { verifyWithClient } from '../../../src/auth/request/machine-token-client.js';
import { createMachineTokenVerifier, type MachineTokenVerifierOptions } from '../../../src/auth/request/machine-tokens.js';
import { NOW_MS, NOW_S, testKey } from '../helpers/keys.js';

// The edges of machine token verification: which client endpoint is asked (or none), odd Backend API answers,
// the verdict cache's eviction order, and odd entries in the instance JWKS.

const NONE = { reason: 'machine_verification_unavailable', message: 'A machine token arrived but no client was given to verify it.' };
const UNAVAILABLE = { reason: 'machine_verification_unavailable', message: 'The machine token could not be verified.' };
const invalid = (message: string) => ({ reason: 'machine_token_invalid', message });
const record = { id: 'id_1', subject: 'user_1', scopes: ['read'] };
const opaque = { type: 'api_key', form: 'opaque' } as const;

describe('verifyWithClient edges', () => {
  it('is unavailable without a client for every token type, and never asks the endpoint of another type', async () => {
    expect(await verifyWithClient(undefined, 'm2m_token', 'mt_1')).toEqual(NONE);
    expect(await verifyWithClient(undefined, 'oauth_token', 'oat_1')).toEqual(NONE);
    const verifyOAuthAccessToken = vi.fn(async () => ({ data: record }));
    const oauthOnly = { oauthAccessTokens: { verifyOAuthAccessToken } };
    expect(await verifyWithClient(oauthOnly, 'api_key', 'ak_1')).toEqual(NONE);
    expect(await verifyWithClient(oauthOnly, 'm2m_token', 'mt_1')).toEqual(NONE);
    expect(verifyOAuthAccessToken).not.toHaveBeenCalled();
  });

  it('takes an error list whose first entry is not an object as no verdict', async () => {
    for (const first of [null, undefined]) {
      const client = { apiKeys: { verifyApiKey: async () => ({ errors: [first] }) } };
      expect(await verifyWithClient(client, 'api_key', 'ak_1'), String(first)).toEqual(UNAVAILABLE);
    }
  });

  it('drops claims that are not an object, a client id that is not a string and an expiration that is not a number', async () => {
    const read = async (data: object, type: 'api_key' | 'oauth_token' = 'api_key') =>
      verifyWithClient(
        { apiKeys: { verifyApiKey: async () => ({ data }) }, oauthAccessTokens: { verifyOAuthAccessToken: async () => ({ data }) } },
        type,
        'token',
      );
    for (const claims of ['team', null, 7]) {
      expect(await read({ ...record, claims }), String(claims)).toMatchObject({ data: { claims: undefined } });
    }
    expect(await read({ ...record, claims: { team: 'a' } })).toMatchObject({ data: { claims: { team: 'a' } } });
    expect(await read({ ...record, client_id: 7 }, 'oauth_token')).toMatchObject({ data: { clientId: undefined } });
    expect(await read({ ...record, client_id: 'c1' }, 'oauth_token')).toMatchObject({ data: { clientId: 'c1' } });
    expect(await read({ ...record, expiration: String(NOW_MS) })).toMatchObject({ expiresAt: undefined });
  });
});

describe('createMachineTokenVerifier edges', () => {
  const key = testKey('ins_machine_edges');
  function options(overrides: Partial<MachineTokenVerifierOptions> = {}): MachineTokenVerifierOptions {
    return {
      client: undefined,
      jwtKey: undefined,
      clockSkewInMs: undefined,
      algorithms: undefined,
      cacheTtlInMs: 10_000,
      maxEntries: 2,
      now: () => NOW_MS,
      ...overrides,
    };
  }
  const sign = (claims: object, header: object = {}) =>
    key.sign({ alg: 'RS256', typ: 'JWT', ...header }, { sub: 'mch_1', jti: 'mt_1', exp: NOW_S + 60, iat: NOW_S, ...claims });

  it('asks the Backend API about a machine JWT when there is neither a jwtKey nor a JWKS endpoint on the client', async () => {
    const verifyM2mToken = vi.fn(async () => ({ data: { id: 'mt_1', subject: 'mch_1', scopes: [] } }));
    const verifier = createMachineTokenVerifier(options({ client: { m2m: { verifyM2mToken } } }));
    const token = sign({});
    expect(await verifier.verify({ type: 'm2m_token', form: 'jwt' }, token)).toMatchObject({ data: { machineId: 'mch_1' } });
    expect(verifyM2mToken).toHaveBeenCalledWith({ token });
  });

  it('leaves the category of an OAuth JWT unchecked (cat is an M2M rule)', async () => {
    const verifier = createMachineTokenVerifier(options({ jwtKey: key.pem }));
    const token = key.sign({ alg: 'RS256', typ: 'at+jwt', cat: 'cl_other' }, { sub: 'user_1', exp: NOW_S + 60 });
    expect(await verifier.verify({ type: 'oauth_token', form: 'jwt' }, token)).toMatchObject({ data: { userId: 'user_1' } });
  });

  it('refuses a machine JWT whose subject is not a string', async () => {
    const verifier = createMachineTokenVerifier(options({ jwtKey: key.pem }));
    const token = key.sign({ alg: 'RS256', typ: 'at+jwt' }, { sub: 5, exp: NOW_S + 60 });
    expect(await verifier.verify({ type: 'oauth_token', form: 'jwt' }, token)).toEqual(invalid('The machine token has no subject.'));
  });

  it('looks a non-string kid up as no kid, so the header check names it', async () => {
    const getJwks = vi.fn(async () => ({ data: { keys: [key.jwk] } }));
    const verifier = createMachineTokenVerifier(options({ client: { jwks: { getJwks } } }));
    expect(await verifier.verify({ type: 'm2m_token', form: 'jwt' }, sign({}, { kid: 5 }))).toEqual(
      invalid('The token kid must be a non-empty string of at most 256 characters.'),
    );
  });

  it('evicts the oldest verdict first, a hit not counting as use', async () => {
    const verifyApiKey = vi.fn(async ({ secret }: { secret: string }) => ({ data: { ...record, id: secret } }));
    const verifier = createMachineTokenVerifier(options({ client: { apiKeys: { verifyApiKey } } }));
    await verifier.verify(opaque, 'ak_1');
    await verifier.verify(opaque, 'ak_2');
    await verifier.verify(opaque, 'ak_1');
    expect(verifyApiKey).toHaveBeenCalledTimes(2);
    await verifier.verify(opaque, 'ak_3');
    await verifier.verify(opaque, 'ak_2');
    await verifier.verify(opaque, 'ak_3');
    expect(verifyApiKey).toHaveBeenCalledTimes(3);
    await verifier.verify(opaque, 'ak_1');
    expect(verifyApiKey).toHaveBeenCalledTimes(4);
  });

  it('counts a verdict verified again after it expired as the newest', async () => {
    let now = NOW_MS;
    const verifyApiKey = vi.fn(async ({ secret }: { secret: string }) => ({
      data: { ...record, id: secret, ...(secret === 'ak_short' ? { expiration: now + 1000 } : {}) },
    }));
    const verifier = createMachineTokenVerifier(options({ client: { apiKeys: { verifyApiKey } }, now: () => now }));
    await verifier.verify(opaque, 'ak_short');
    await verifier.verify(opaque, 'ak_long');
    now += 2000;
    await verifier.verify(opaque, 'ak_short');
    expect(verifyApiKey).toHaveBeenCalledTimes(3);
    await verifier.verify(opaque, 'ak_3'); // evicts ak_long, now the oldest
    await verifier.verify(opaque, 'ak_short');
    expect(verifyApiKey).toHaveBeenCalledTimes(4);
    await verifier.verify(opaque, 'ak_long');
    expect(verifyApiKey).toHaveBeenCalledTimes(5);
  });

  it('keeps nothing with cacheTtlInMs 0, even when the clock steps back', async () => {
    let now = NOW_MS;
    const verifyApiKey = vi.fn(async () => ({ data: record }));
    const verifier = createMachineTokenVerifier(options({ client: { apiKeys: { verifyApiKey } }, cacheTtlInMs: 0, now: () => now }));
    await verifier.verify(opaque, 'ak_1');
    now -= 1000;
    await verifier.verify(opaque, 'ak_1');
    expect(verifyApiKey).toHaveBeenCalledTimes(2);
  });
});

describe('createMachineJwtKeys edges', () => {
  const a = testKey('ins_a').jwk;

  it('has no key before a first fetch succeeded', async () => {
    const getJwks = vi.fn(async () => Promise.reject(new Error('down')));
    const found = createMachineJwtKeys({ client: { jwks: { getJwks } }, now: () => 0, ttlInMs: 1000, cooldownInMs: 100 });
    expect(await found.find(undefined)).toBeUndefined();
  });

  it('skips entries that are not objects', async () => {
    const read = (keys: unknown[]) =>
      createMachineJwtKeys({
        client: { jwks: { getJwks: async () => ({ data: { keys } }) } },
        now: () => 0,
        ttlInMs: 1000,
        cooldownInMs: 100,
      });
    expect(await read([null, a]).find('ins_a')).toBe(a);
    expect(await read(['x', a]).find(undefined)).toBe(a);
    expect(await read([7, a]).find(undefined)).toBe(a);
  });

  it('does not refetch while the key is found and fresh, even past the cooldown', async () => {
    let now = 0;
    const getJwks = vi.fn(async () => ({ data: { keys: [a] } }));
    const found = createMachineJwtKeys({ client: { jwks: { getJwks } }, now: () => now, ttlInMs: 1000, cooldownInMs: 100 });
    expect(await found.find('ins_a')).toBe(a);
    now = 500;
    expect(await found.find('ins_a')).toBe(a);
    expect(getJwks).toHaveBeenCalledTimes(1);
  });
});
