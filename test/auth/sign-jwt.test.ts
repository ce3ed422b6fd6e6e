import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt, verifyToken } from '../../src/auth/index.js';
import { NOW_MS, NOW_S, sessionClaims, testKey } from './helpers/keys.js';

const key = testKey();
const privatePem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const privateJwk = key.privateKey.export({ format: 'jwk' }) as JsonWebKey;

describe('signJwt', () => {
  it('mints an RS256 token that our verifier and jose both accept', async () => {
    const payload = { sub: 'user_1', exp: NOW_S + 60, iat: NOW_S, custom: { a: 'é' } };
    const { data: token, errors } = await signJwt(payload, privatePem, { header: { kid: key.kid } });
    expect(errors).toBeUndefined();
    const [header] = token!.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ kid: key.kid, alg: 'RS256', typ: 'JWT' });
    const ours = await verifyJwt(token!, { key: key.pem, now: () => NOW_MS });
    expect(ours.data).toEqual(payload);
    const theirs = await jwtVerify(token!, await importSPKI(key.pem, 'RS256'), { currentDate: new Date(NOW_MS) });
    expect(theirs.payload).toEqual(payload);
    expect(theirs.protectedHeader.kid).toBe(key.kid);
  });

  it('takes a private JWK, a PEM with literal \\n, and RS512', async () => {
    const fromJwk = await signJwt({ exp: NOW_S + 60 }, privateJwk, { algorithm: 'RS512' });
    expect((await verifyJwt(fromJwk.data!, { key: key.pem, algorithms: ['RS512'], now: () => NOW_MS })).errors).toBeUndefined();
    const escaped = await signJwt({ exp: NOW_S + 60 }, privatePem.replace(/\n/g, '\\n'));
    expect((await verifyJwt(escaped.data!, { key: key.pem, now: () => NOW_MS })).errors).toBeUndefined();
  });

  it('mints session tokens that verifyToken accepts, for tests of session routes', async () => {
    const { data: token } = await signJwt(sessionClaims(), privatePem, { header: { kid: key.kid } });
    const verified = await verifyToken(token!, { jwtKey: key.pem, now: () => NOW_MS });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.claims.sub).toBe('user_2abc');
  });

  it('refuses a public key, a weak key, junk and a bad algorithm without throwing or quoting the key', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cases: [unknown, unknown, string][] = [
      [key.pem, undefined, 'jwk_invalid'],
      [key.jwk, undefined, 'jwk_invalid'],
      [weak, undefined, 'jwk_invalid'],
      ['-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----', undefined, 'jwk_invalid'],
      [privatePem, { algorithm: 'HS256' }, 'options_invalid'],
      [privatePem, { algorithm: 'none' }, 'options_invalid'],
    ];
    for (const [badKey, options, code] of cases) {
      const result = await signJwt({ exp: 1 }, badKey as string, options as never);
      expect(result.errors?.[0].code, String(badKey).slice(0, 30)).toBe(code);
      expect(JSON.stringify(result)).not.toContain('MII');
    }
    expect((await signJwt(null as never, privatePem)).errors?.[0].code).toBe('options_invalid');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect((await signJwt(cyclic, privatePem)).errors?.[0].code).toBe('options_invalid');
  });
});
