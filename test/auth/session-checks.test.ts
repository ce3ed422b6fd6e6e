import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { NOW_MS, sessionClaims, testKey } from './helpers/keys.js';
import { fakeFetch, jwksResponse } from './helpers/jwks-server.js';

const key = testKey('ins_template');
const TEMPLATE = 'cl_B7d4PD222AAA';

function templateToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { cat: TEMPLATE }): string {
  const { sid: _sid, ...rest } = sessionClaims({ role: 'admin', plan: { tier: 2 }, ...claims });
  return key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, rest);
}

describe('JWT-template tokens (tokenType: jwt_template)', () => {
  it('refuses template tokens in session verification, the default', async () => {
    const result = await createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS }).verify(templateToken());
    expect(result.errors?.[0].code).toBe('token_type_mismatch');
  });

  it('verifies a template token under the explicit opt-in, custom claims included', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, tokenType: 'jwt_template' });
    const { data, errors } = await verifier.verify(templateToken());
    expect(errors).toBeUndefined();
    expect(data?.tokenType).toBe('jwt_template');
    expect(data?.userId).toBe('user_2abc');
    expect(data?.claims['role']).toBe('admin');
    expect(data?.claims['plan']).toEqual({ tier: 2 });
    expect(Object.isFrozen(data?.claims)).toBe(true);
    if (data) expectTypeOf(data.claims['role']).toEqualTypeOf<unknown>();
  });

  it('accepts a template token without cat, and still checks signature and claims', async () => {
    const verifier = createTokenVerifier({
      jwtKey: key.pem,
      now: () => NOW_MS,
      tokenType: 'jwt_template',
      authorizedParties: ['https://app.example.com'],
    });
    expect((await verifier.verify(templateToken({}, {}))).errors).toBeUndefined();
    expect((await verifier.verify(templateToken({ exp: NOW_MS / 1000 - 60 }))).errors?.[0].code).toBe('token_expired');
    expect((await verifier.verify(templateToken({ azp: 'https://evil.example' }))).errors?.[0].code).toBe('token_invalid_authorized_party');
    const forged = testKey('ins_template_forger').sign({ alg: 'RS256', kid: key.kid, cat: TEMPLATE }, sessionClaims());
    expect((await verifier.verify(forged)).errors?.[0].code).toBe('token_invalid_signature');
  });

  it('refuses machine tokens and machine subjects under the opt-in too', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, tokenType: 'jwt_template' });
    expect((await verifier.verify(templateToken({}, { cat: 'cl_B7d4PD333AAA' }))).errors?.[0].code).toBe('token_type_mismatch');
    expect((await verifier.verify(templateToken({ sub: 'mch_1' }))).errors?.[0].code).toBe('token_type_mismatch');
    expect((await verifier.verify(templateToken({ sub: 7 }))).errors?.[0].code).toBe('token_invalid');
  });

  it('works through the convenience verifyToken without splitting the key set', async () => {
    const fake = fakeFetch(() => jwksResponse([key.jwk]));
    const shared = { secretKey: 'sk_test_templateTenant', fetch: fake.fetch, now: () => NOW_MS };
    const template = await verifyToken(templateToken(), { ...shared, tokenType: 'jwt_template' });
    expect(template.data?.claims['role']).toBe('admin');
    expect((await verifyToken(templateToken(), shared)).errors?.[0].code).toBe('token_type_mismatch');
    expect(fake.calls()).toBe(1);
  });

  it('refuses an unknown tokenType', async () => {
    const result = await verifyToken(templateToken(), { jwtKey: key.pem, tokenType: 'machine' as 'session' });
    expect(result.errors?.[0]).toMatchObject({ code: 'options_invalid', meta: { option: 'tokenType' } });
  });
});
