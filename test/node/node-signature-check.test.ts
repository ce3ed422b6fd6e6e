import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeSignatureCheck } from '../../src/node/node-signature-check.js';
import { createTokenVerifier } from '../../src/auth/index.js';
import { NOW_MS, sessionClaims, testKey } from '../auth/helpers/keys.js';

const key = testKey('ins_node_fast_path');

async function importFor(hash: 'SHA-256' | 'SHA-384'): Promise<CryptoKey> {
  const der = (await import('node:crypto')).createPublicKey(key.pem).export({ type: 'spki', format: 'der' });
  return crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
}

function parts(token: string): { input: string; signature: string } {
  const dot = token.lastIndexOf('.');
  return { input: token.slice(0, dot), signature: token.slice(dot + 1) };
}

/** The segment of `bytes`. */
const segment = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

afterEach(() => vi.restoreAllMocks());

describe('nodeSignatureCheck', () => {
  it('accepts a valid RS256 signature and rejects a tampered one', async () => {
    const cryptoKey = await importFor('SHA-256');
    const { input, signature } = parts(key.sign({ alg: 'RS256', kid: key.kid }, sessionClaims()));
    expect(nodeSignatureCheck(cryptoKey, 'RS256', signature, input)).toBe(true);
    expect(nodeSignatureCheck(cryptoKey, 'RS256', signature, `${input}x`)).toBe(false);
    const flipped = Buffer.from(signature, 'base64url');
    flipped[10] = flipped[10]! ^ 1;
    expect(nodeSignatureCheck(cryptoKey, 'RS256', segment(flipped), input)).toBe(false);
  });

  it('refuses to verify under a hash the key was not imported for', async () => {
    const rs256Key = await importFor('SHA-256');
    const { input, signature } = parts(key.sign({ alg: 'RS384', kid: key.kid }, sessionClaims(), 'sha384'));
    expect(nodeSignatureCheck(rs256Key, 'RS384', signature, input)).toBe(false);
    expect(nodeSignatureCheck(await importFor('SHA-384'), 'RS384', signature, input)).toBe(true);
  });
});

describe('nodeSignatureCheck on a signature segment that is not canonical base64url', () => {
  it('refuses what its lenient native decoder would read as the valid signature', async () => {
    const cryptoKey = await importFor('SHA-256');
    const { input, signature } = parts(key.sign({ alg: 'RS256', kid: key.kid }, sessionClaims()));
    expect(nodeSignatureCheck(cryptoKey, 'RS256', signature, input)).toBe(true);
    // RS256 signatures of 2048-bit keys are 342 characters: the last one carries 2 unused bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const strayBits = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.at(-1) as string) | 1]}`;
    const sameBytes = [`${signature}==`, signature.replaceAll('-', '+').replaceAll('_', '/'), ` ${signature}`, strayBits];
    for (const variant of sameBytes.filter((v) => v !== signature)) {
      // Node's decoder reads each of these as the valid signature's bytes…
      expect(Buffer.from(variant, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      // …and the check still refuses them.
      expect(nodeSignatureCheck(cryptoKey, 'RS256', variant, input), variant.slice(-3)).toBe(false);
    }
    expect(nodeSignatureCheck(cryptoKey, 'RS256', `${signature}A`, input)).toBe(false);
  });
});

describe('clerk-bapi/auth under the node import condition', () => {
  it('verifies session tokens without a WebCrypto round trip', async () => {
    const subtleVerify = vi.spyOn(crypto.subtle, 'verify');
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const token = key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT' }, sessionClaims());
    const result = await verifier.verify(token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.userId).toBe(sessionClaims()['sub']);
    const forged = await verifier.verify(`${token.slice(0, -6)}AAAAAA`);
    expect(forged.errors?.[0].code).toBe('token_invalid_signature');
    expect(subtleVerify).not.toHaveBeenCalled();
  });
});
