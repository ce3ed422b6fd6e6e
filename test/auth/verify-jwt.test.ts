import { describe, expect, it } from 'vitest';
import { hasValidSignature, verifyJwt } from '../../src/auth/index.js';
import { NOW_MS, NOW_S, testKey } from './helpers/keys.js';

const key = testKey('ins_jwt');

describe('verifyJwt', () => {
  it('verifies any RS256 JWT with a given key, without session rules', async () => {
    const token = key.sign({ alg: 'RS256' }, { exp: NOW_S + 60, scope: 'read' });
    const { data, errors } = await verifyJwt(token, { key: key.pem, now: () => NOW_MS });
    expect(errors).toBeUndefined();
    expect(data?.['scope']).toBe('read');
  });

  it('checks the signature first, then claims', async () => {
    const forged = testKey('forger').sign({ alg: 'RS256' }, { exp: NOW_S - 600 });
    expect((await verifyJwt(forged, { key: key.jwk, now: () => NOW_MS })).errors?.[0].code).toBe('token_invalid_signature');
    const expired = key.sign({ alg: 'RS256' }, { exp: NOW_S - 600 });
    expect((await verifyJwt(expired, { key: key.jwk, now: () => NOW_MS })).errors?.[0].code).toBe('token_expired');
  });

  it('refuses a correctly signed token whose payload is not a JSON object', async () => {
    for (const payload of ['not json', '[1]', 'null']) {
      const token = key.sign({ alg: 'RS256' }, payload);
      expect((await verifyJwt(token, { key: key.pem, now: () => NOW_MS })).errors, payload).toEqual([
        { code: 'token_invalid', message: 'The token payload is not a base64url JSON object.' },
      ]);
    }
  });

  it('returns options_invalid instead of throwing for bad options', async () => {
    const token = key.sign({ alg: 'RS256' }, { exp: NOW_S + 60 });
    expect((await verifyJwt(token, { key: key.pem, clockSkewInMs: NaN })).errors?.[0].code).toBe('options_invalid');
    expect((await verifyJwt(token, { key: 'nonsense' })).errors?.[0].code).toBe('jwk_invalid');
  });

  it('checks audience and typ', async () => {
    const token = key.sign({ alg: 'RS256', typ: 'at+jwt' }, { exp: NOW_S + 60, aud: 'api' });
    expect((await verifyJwt(token, { key: key.pem, now: () => NOW_MS })).errors?.[0].code).toBe('token_type_mismatch');
    const plain = key.sign({ alg: 'RS256' }, { exp: NOW_S + 60, aud: 'api' });
    expect((await verifyJwt(plain, { key: key.pem, now: () => NOW_MS, audience: 'web' })).errors?.[0].code).toBe('token_invalid_audience');
  });
});

describe('hasValidSignature', () => {
  it('is true for a good signature and false for another key’s', async () => {
    const token = key.sign({ alg: 'RS256' }, { anything: true });
    expect(await hasValidSignature(token, key.pem)).toEqual({ data: true });
    expect(await hasValidSignature(token, testKey('other').pem)).toEqual({ data: false });
  });

  it('gives errors for a malformed token, a refused algorithm or an unusable key', async () => {
    expect((await hasValidSignature('x.y', key.pem)).errors?.[0].code).toBe('token_invalid');
    const hs = key.sign({ alg: 'HS256' }, {});
    expect((await hasValidSignature(hs, key.pem)).errors?.[0].code).toBe('token_invalid_algorithm');
    expect((await hasValidSignature(key.sign({ alg: 'RS256' }, {}), 'junk')).errors?.[0].code).toBe('jwk_invalid');
  });
});
