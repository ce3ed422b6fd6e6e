import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importRsaKey } from '../../src/auth/rsa-key.js';
import { normalizePem } from '../../src/kernel/pem.js';
import { testKey } from './helpers/keys.js';

// Each refusal of importRsaKey names its reason: the message is what a developer reads when a configured key is
// refused, so these tests pin which check refused it (several inputs would also fail WebCrypto's import, with a
// vaguer message).

const IMPORT_FAILED = 'The key could not be imported as an RSA public key.';
const TRAILING = 'The PEM key has bytes after its SPKI structure.';

/** PEM armour around raw DER bytes. */
function pemOf(der: Uint8Array): string {
  return `-----BEGIN PUBLIC KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PUBLIC KEY-----`;
}

async function pemMessage(der: number[] | Uint8Array): Promise<string | undefined> {
  return (await importRsaKey({ pem: pemOf(Uint8Array.from(der)) }, ['RS256'])).errors?.[0].message;
}

async function jwkMessage(jwk: unknown, algorithms: Parameters<typeof importRsaKey>[1] = ['RS256']): Promise<string | undefined> {
  const error = (await importRsaKey({ jwk: jwk as JsonWebKey }, algorithms)).errors?.[0];
  if (error !== undefined) expect(error.code).toBe('jwk_invalid');
  return error?.message;
}

describe('importRsaKey: PEM refusals name their reason', () => {
  it('refuses text that is not exactly one SPKI block', async () => {
    const { errors } = await importRsaKey({ pem: 'not a pem' }, ['RS256']);
    expect(errors?.[0]).toEqual({ code: 'jwk_invalid', message: 'The PEM key is not exactly one SPKI public key block.' });
  });

  it('refuses armour around text that is not base64', async () => {
    expect(await pemMessage([])).toBe(TRAILING);
    const { errors } = await importRsaKey({ pem: '-----BEGIN PUBLIC KEY-----\nA\n-----END PUBLIC KEY-----' }, ['RS256']);
    expect(errors?.[0].message).toBe('The PEM key is not valid base64.');
  });

  it('reads the DER SEQUENCE length: anything but exactly one SEQUENCE is refused before WebCrypto sees it', async () => {
    const der = new Uint8Array(createPublicKey(testKey().pem).export({ type: 'spki', format: 'der' }));
    // Not a SEQUENCE (0x31 is a SET), a lone tag byte, and the indefinite length form.
    expect(await pemMessage([0x31, ...der.subarray(1)])).toBe(TRAILING);
    expect(await pemMessage([0x30])).toBe(TRAILING);
    expect(await pemMessage([0x30, 0x80])).toBe(TRAILING);
    expect(await pemMessage([0x30, 0x80, ...new Uint8Array(128)])).toBe(TRAILING);
    // More than four length octets, even when they add up.
    expect(await pemMessage([0x30, 0x85, 0, 0, 0, 0, 0])).toBe(TRAILING);
    // A length that claims more octets than there are.
    expect(await pemMessage([0x30, 0x82, 0x01])).toBe(TRAILING);
    // SEQUENCEs whose length matches their bytes reach WebCrypto, which refuses them as keys.
    expect(await pemMessage([0x30, 0x00])).toBe(IMPORT_FAILED);
    expect(await pemMessage([0x30, 0x03, 0x02, 0x01, 0x00])).toBe(IMPORT_FAILED);
    expect(await pemMessage([0x30, 0x81, 0x00])).toBe(IMPORT_FAILED);
    expect(await pemMessage([0x30, 0x84, 0, 0, 0, 0])).toBe(IMPORT_FAILED);
  });

  it('names the cause of a failed import by its error name only', async () => {
    const { errors } = await importRsaKey({ pem: pemOf(Uint8Array.from([0x30, 0x00])) }, ['RS256']);
    expect(errors?.[0].meta).toEqual({ cause: expect.stringMatching(/^[A-Za-z]+$/) });
  });

  it('refuses public exponents that are not exactly 65537, whatever their bytes', async () => {
    // 0x030001, 0x010101, 0x010003: three bytes, one of them wrong; 0x01000101: starts like 65537, one byte longer.
    for (const exponent of [0x030001, 0x010101, 0x010003, 0x01000101]) {
      const { errors } = await importRsaKey({ pem: testKey('ins_exponent', 2048, exponent).pem }, ['RS256']);
      expect(errors?.[0], exponent.toString(16)).toEqual({ code: 'jwk_invalid', message: 'The RSA public exponent must be 65537.' });
    }
  });
});

describe('importRsaKey: JWK refusals name their reason', () => {
  const jwk = testKey().jwk;

  it('refuses a JWK that is not an object', async () => {
    for (const value of [null, 'key', 42]) expect(await jwkMessage(value)).toBe('The JWK is not an object.');
  });

  it('accepts a JWK without use, alg or kid, and refuses a use other than sig', async () => {
    const { data, errors } = await importRsaKey({ jwk: { kty: 'RSA', n: jwk.n as string, e: 'AQAB' } }, ['RS256']);
    expect(errors).toBeUndefined();
    expect(data?.kid).toBeUndefined();
    expect(data?.alg).toBeUndefined();
    expect(await jwkMessage({ ...jwk, use: 'enc' })).toBe('The JWK is not a signing key (use).');
  });

  it('refuses key_ops with anything that is not an operation name', async () => {
    expect(await jwkMessage({ ...jwk, key_ops: ['verify', 1] })).toBe('The JWK key_ops does not allow verify.');
  });

  it('refuses a modulus that is missing or not base64url', async () => {
    for (const n of [undefined, 42, 'not base64!']) {
      expect(await jwkMessage({ ...jwk, n }), String(n)).toBe('The JWK modulus (n) is not base64url.');
    }
  });

  it('refuses an exponent other than AQAB before importing', async () => {
    expect(await jwkMessage({ ...jwk, e: 'Aw' })).toBe('The JWK public exponent (e) must be 65537.');
  });

  it('refuses an alg that is not RSA and a kid that is not a string', async () => {
    expect(await jwkMessage({ ...jwk, alg: 'HS256' })).toBe('The JWK alg is not supported.');
    expect(await jwkMessage({ ...jwk, kid: 7 })).toBe('The JWK kid is not a string.');
  });

  it('refuses a key pinned to an algorithm outside the allow-list, and imports a pinned key for its algorithm only', async () => {
    const pinned = { ...jwk, alg: 'RS384' };
    expect((await importRsaKey({ jwk: pinned }, ['RS256'])).errors).toEqual([
      { code: 'jwk_invalid', message: 'The key is pinned to RS384, which is not an allowed algorithm.' },
    ]);
    const { data } = await importRsaKey({ jwk: pinned }, ['RS256', 'RS384', 'RS512']);
    expect(data?.alg).toBe('RS384');
    expect(data?.kid).toBe(jwk.kid);
    expect([...(data?.cryptoKeys.keys() ?? [])]).toEqual(['RS384']);
    const { alg: _alg, ...unpinnedJwk } = jwk;
    const unpinned = await importRsaKey({ jwk: unpinnedJwk }, ['RS256', 'RS512']);
    expect([...(unpinned.data?.cryptoKeys.keys() ?? [])]).toEqual(['RS256', 'RS512']);
  });

  it('accepts an 8192-bit modulus and refuses a larger one', async () => {
    // WebCrypto imports any modulus without checking it is a product of primes, so random bytes show the bounds.
    const modulus = (bytes: number) =>
      Buffer.from(Uint8Array.from({ length: bytes }, (_, i) => (i === 0 ? 0xc5 : (i * 37) | 1))).toString('base64url');
    expect((await importRsaKey({ jwk: { kty: 'RSA', n: modulus(1024), e: 'AQAB' } }, ['RS256'])).errors).toBeUndefined();
    expect(await jwkMessage({ kty: 'RSA', n: modulus(1025), e: 'AQAB' })).toBe('The RSA modulus must be 2048–8192 bits, got 8200.');
  });
});

describe('normalizePem', () => {
  it('turns CR and CRLF line ends into LF', () => {
    expect(normalizePem('a\rb\r\nc')).toBe('a\nb\nc');
  });
});
