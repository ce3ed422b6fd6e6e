import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../src/auth/index.js';
import { importRsaKey } from '../../src/auth/rsa-key.js';
import { normalizePem } from '../../src/kernel/pem.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';

describe('importRsaKey (A5)', () => {
  it('accepts PEM and JWK keys of 2048, 3072 and 4096 bits', async () => {
    for (const bits of [2048, 3072, 4096]) {
      const key = testKey(`size_${bits}`, bits);
      expect((await importRsaKey({ pem: key.pem }, ['RS256'])).errors).toBeUndefined();
      expect((await importRsaKey({ jwk: key.jwk }, ['RS256'])).errors).toBeUndefined();
      const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
      expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
    }
  });

  it('rejects a 1024-bit key as PEM and as JWK', async () => {
    const key = testKey('weak', 1024);
    expect((await importRsaKey({ pem: key.pem }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: key.jwk }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    // The constructor refuses it at once (issue #25), naming the option.
    expect(() => createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS })).toThrow(/The jwtKey option is a 1024-bit RSA key/);
  });

  it('rejects a public exponent other than 65537 (e = 3 as PEM, e = 1 as JWK)', async () => {
    const small = testKey('e3', 2048, 3);
    expect((await importRsaKey({ pem: small.pem }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: small.jwk }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    const one = { ...testKey().jwk, e: 'AQ' };
    expect((await importRsaKey({ jwk: one }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
  });

  it('rejects an e = 1 key given as PEM, which WebCrypto alone would import', async () => {
    let pem: string;
    try {
      pem = createPublicKey({ key: { ...testKey().jwk, e: 'AQ' }, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
    } catch {
      return; // This OpenSSL refuses to even build such a key; nothing left to test.
    }
    expect((await importRsaKey({ pem }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
  });

  it('rejects non-RSA, private-key and malformed inputs', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await importRsaKey({ pem: ec }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ pem: 'not a pem' }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ pem: '-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----' }, ['RS256'])).errors?.[0].code).toBe(
      'jwk_invalid',
    );
    expect((await importRsaKey({ jwk: { kty: 'oct', k: 'AAAA' } }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: { ...testKey().jwk, n: 'not base64!' } }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: { ...testKey().jwk, use: 'enc' } }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
  });

  it('normalises literal \\n sequences from environment variables', async () => {
    const key = testKey();
    const env = key.pem.trim().replace(/\n/g, '\\n');
    expect(normalizePem(env)).toBe(key.pem.trim());
    const verifier = createTokenVerifier({ jwtKey: env, now: () => NOW_MS });
    expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
    const crlf = createTokenVerifier({ jwtKey: key.pem.replace(/\n/g, '\r\n'), now: () => NOW_MS });
    expect((await crlf.verify(sessionToken(key))).errors).toBeUndefined();
  });

  it('accepts a JWK given as JSON text in jwtKey', async () => {
    const key = testKey();
    const verifier = createTokenVerifier({ jwtKey: JSON.stringify(key.jwk), now: () => NOW_MS });
    expect((await verifier.verify(sessionToken(key))).errors).toBeUndefined();
  });

  it('refuses a PEM with DER bytes after the SPKI structure (Wycheproof-style trailing garbage)', async () => {
    const der = createPublicKey(testKey().pem).export({ type: 'spki', format: 'der' });
    const padded = Buffer.concat([der, Buffer.from([0x00, 0x00])])
      .toString('base64')
      .replace(/(.{64})/g, '$1\n');
    const pem = `-----BEGIN PUBLIC KEY-----\n${padded}\n-----END PUBLIC KEY-----`;
    expect((await importRsaKey({ pem }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ pem: testKey().pem }, ['RS256'])).errors).toBeUndefined();
  });

  it('refuses a PEM with a second block, or text around its block', async () => {
    const pem = testKey().pem.trim();
    const other = testKey('ins_second_block').pem.trim();
    expect((await importRsaKey({ pem: `${pem}\n${other}` }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ pem: `comment\n${pem}` }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect(() => createTokenVerifier({ jwtKey: `${pem}\n${other}`, now: () => NOW_MS })).toThrow(/The jwtKey option is not PEM/);
  });

  it('honours JWK key_ops: a key that may not verify is refused (Wycheproof JWK test 355)', async () => {
    const jwk = testKey().jwk;
    expect((await importRsaKey({ jwk: { ...jwk, key_ops: ['sign'] } }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: { ...jwk, key_ops: [] } }, ['RS256'])).errors?.[0].code).toBe('jwk_invalid');
    expect((await importRsaKey({ jwk: { ...jwk, key_ops: 'verify' as unknown as string[] } }, ['RS256'])).errors?.[0].code).toBe(
      'jwk_invalid',
    );
    expect((await importRsaKey({ jwk: { ...jwk, key_ops: ['verify'] } }, ['RS256'])).errors).toBeUndefined();
  });
});
