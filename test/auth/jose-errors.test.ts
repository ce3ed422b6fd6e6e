import { importJWK, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { mapJoseError } from '../../src/auth/jose-errors.js';
import { importRsaKey } from '../../src/auth/rsa-key.js';
import { testKey } from './helpers/keys.js';

/** What a jose import call throws. */
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the import did not fail');
}

/** A well-formed DER SEQUENCE { INTEGER 0 } that is no SPKI: our PEM checks pass it, WebCrypto refuses it. */
const NOT_SPKI_PEM = '-----BEGIN PUBLIC KEY-----\nMAMCAQA=\n-----END PUBLIC KEY-----';
const ODD_JWK = { kty: 'RSA', n: 'AA', e: 'AQAB', key_ops: ['sign'] };

describe('mapJoseError', () => {
  it('maps what jose throws on our import calls (TypeError, WebCrypto DOMException) to the fallback, naming the class', async () => {
    const cases: [unknown, string][] = [
      [await failureOf(() => importSPKI('not a pem', 'RS256')), 'TypeError'],
      [await failureOf(() => importSPKI(NOT_SPKI_PEM, 'RS256')), 'DataError'],
      [await failureOf(() => importJWK(ODD_JWK, 'RS256')), 'SyntaxError'],
    ];
    for (const [error, name] of cases) {
      const result = mapJoseError(error, 'jwk_invalid');
      expect(result.errors[0].code, name).toBe('jwk_invalid');
      expect(result.errors[0].meta, name).toEqual({ cause: name });
    }
  });

  it("maps by fallback only: even a jose class with its own code (JOSENotSupported) gives the caller's code", async () => {
    // `XX` is no algorithm: our callers only pass a checked RS256/384/512, so this cannot happen on our paths.
    const error = await failureOf(() => importSPKI(testKey().pem, 'XX'));
    expect((error as { code?: unknown }).code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(mapJoseError(error, 'token_invalid').errors[0]).toMatchObject({ code: 'token_invalid', meta: { cause: 'JOSENotSupported' } });
    expect(mapJoseError('text', 'token_invalid').errors[0].meta).toEqual({ cause: 'Error' });
  });

  it("drops jose's message, which may quote key material", async () => {
    const error = await failureOf(() => importSPKI(NOT_SPKI_PEM, 'RS256'));
    const result = mapJoseError(error, 'jwk_invalid');
    expect(result.errors[0].message).toBe('The key could not be imported as an RSA public key.');
    expect(JSON.stringify(result)).not.toContain((error as Error).message);
  });

  it('is what importRsaKey returns when WebCrypto refuses a key that passed our own shape checks', async () => {
    const result = await importRsaKey({ pem: NOT_SPKI_PEM }, ['RS256']);
    expect(result.errors?.[0]).toMatchObject({ code: 'jwk_invalid', meta: { cause: 'DataError' } });
  });
});
