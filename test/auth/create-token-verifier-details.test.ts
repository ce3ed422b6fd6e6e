import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../src/auth/index.js';
import { MAX_TOKEN_LENGTH } from '../../src/auth/decode-jwt.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';

// createTokenVerifier's own decisions beyond the pipeline: its construction error and its fail-closed message.

const key = testKey('ins_cache_details');

describe('createTokenVerifier', () => {
  it('throws a TypeError naming itself and the first option problem', () => {
    expect(() => createTokenVerifier({})).toThrow(
      new TypeError('createTokenVerifier: The jwtKey option must be given, or secretKey or jwksUrl.'),
    );
  });

  it('refuses with a message naming the injected options when one fails', async () => {
    const verifier = createTokenVerifier({
      jwtKey: key.pem,
      now: () => {
        throw new Error('clock');
      },
    });
    expect((await verifier.verify(sessionToken(key))).errors).toEqual([
      { code: 'options_invalid', message: 'Verification could not run: an injected option (now, fetch) failed.' },
    ]);
  });

  it('refuses a token over the size cap before looking at the cache', async () => {
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    const huge = `${sessionToken(key)}${'A'.repeat(MAX_TOKEN_LENGTH)}`;
    expect((await verifier.verify(huge)).errors?.[0].code).toBe('token_too_large');
    expect((await verifier.verify(42 as unknown as string)).errors?.[0].code).toBe('token_invalid');
  });
});
