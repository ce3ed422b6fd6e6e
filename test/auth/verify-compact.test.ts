import { describe, expect, it } from 'vitest';
import { createTokenVerifier, hasValidSignature, verifyJwt } from '../../src/auth/index.js';
import { NOW_MS, sessionClaims, sessionToken, testKey } from './helpers/keys.js';

const key = testKey('ins_compact');
const pinnedTo256 = { ...key.jwk, alg: 'RS256' };
const algorithms = ['RS256', 'RS384'] as const;

describe('verifyCompact: one pipeline for every verifier', () => {
  it('refuses a token whose alg differs from its key’s pinned alg with token_invalid_algorithm in all three verifiers', async () => {
    const token = key.sign({ alg: 'RS384', typ: 'JWT', kid: key.kid }, sessionClaims(), 'sha384');
    const session = await createTokenVerifier({ jwtKey: pinnedTo256, algorithms, now: () => NOW_MS }).verify(token);
    const jwt = await verifyJwt(token, { key: pinnedTo256, algorithms, now: () => NOW_MS });
    const signature = await hasValidSignature(token, pinnedTo256, { algorithms });
    for (const result of [session, jwt, signature]) {
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].code).toBe('token_invalid_algorithm');
      expect(result.errors?.[0].meta).toEqual({ alg: 'RS384', expected: ['RS256'] });
    }
  });

  it('refuses an alg outside the allow-list the same way in all three, naming what came and what is allowed', async () => {
    const token = key.sign({ alg: 'RS512', typ: 'JWT', kid: key.kid }, sessionClaims(), 'sha512');
    const results = [
      await createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS }).verify(token),
      await verifyJwt(token, { key: key.pem, now: () => NOW_MS }),
      await hasValidSignature(token, key.pem),
    ];
    for (const result of results) {
      expect(result.errors?.[0]).toMatchObject({ code: 'token_invalid_algorithm', meta: { alg: 'RS512', expected: ['RS256'] } });
    }
  });

  it('gives hasValidSignature false only for a signature that does not verify, and the same errors as verifyJwt otherwise', async () => {
    const forged = testKey('ins_compact_forger').sign({ alg: 'RS256', kid: key.kid }, sessionClaims());
    expect(await hasValidSignature(forged, key.pem)).toEqual({ data: false });
    expect((await verifyJwt(forged, { key: key.pem, now: () => NOW_MS })).errors?.[0].code).toBe('token_invalid_signature');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.c2ln`;
    expect((await hasValidSignature(none, key.pem)).errors?.[0].code).toBe((await verifyJwt(none, { key: key.pem })).errors?.[0].code);
  });

  it('accepts b64: true (the RFC 7797 default) and a kid of exactly 256 characters', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    expect((await verifier.verify(sessionToken(key, {}, { b64: true }))).errors).toBeUndefined();
    expect((await verifier.verify(sessionToken(key, {}, { kid: 'k'.repeat(256) }))).errors).toBeUndefined();
    expect((await verifier.verify(sessionToken(key, {}, { kid: 'k'.repeat(257) }))).errors?.[0].code).toBe('token_invalid');
  });

  it('explains every refusal in its message', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const tokens = [
      key.sign({ alg: 'RS512', kid: key.kid }, sessionClaims(), 'sha512'),
      sessionToken(key, {}, { crit: ['b64'] }),
      sessionToken(key, {}, { b64: false }),
      sessionToken(key, {}, { cty: 'JWT' }),
      sessionToken(key, {}, { kid: '' }),
      testKey('ins_compact_forger').sign({ alg: 'RS256', kid: key.kid }, sessionClaims()),
    ];
    for (const token of tokens) expect((await verifier.verify(token)).errors?.[0].message.length).toBeGreaterThan(10);
    const pinned = key.sign({ alg: 'RS384', kid: key.kid }, sessionClaims(), 'sha384');
    const mismatch = await createTokenVerifier({ jwtKey: pinnedTo256, algorithms, now: () => NOW_MS }).verify(pinned);
    expect(mismatch.errors?.[0].message).toContain('pinned');
  });

  it('reports the forgery before any claim problem in every verifier', async () => {
    const forged = testKey('ins_compact_forger').sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, sessionClaims({ exp: 1 }));
    expect((await createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS }).verify(forged)).errors?.[0].code).toBe(
      'token_invalid_signature',
    );
    expect((await verifyJwt(forged, { key: key.pem, now: () => NOW_MS })).errors?.[0].code).toBe('token_invalid_signature');
    expect((await verifyJwt(sessionToken(key, { exp: 1 }), { key: key.pem, now: () => NOW_MS })).errors?.[0].code).toBe('token_expired');
  });
});
