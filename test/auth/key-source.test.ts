import { describe, expect, it } from 'vitest';
import { createFixedKeySource, sharedFixedKeySource } from '../../src/auth/key-source.js';
import { testKey } from './helpers/keys.js';

// The fixed key source (jwtKey, verifyJwt, hasValidSignature) on its own: one import per key, peek and isCurrent,
// and the key forms it reads.

const key = testKey();
const context = { nowMs: 0 };
const NOT_A_KEY = { code: 'jwk_invalid', message: 'The jwtKey is neither PEM SPKI text nor an RSA JWK.' };

describe('createFixedKeySource', () => {
  it('imports the key once, then peeks it', async () => {
    const source = createFixedKeySource(key.pem, ['RS256']);
    expect(source.peek(undefined, 0)).toBeUndefined();
    const first = source.getKey(undefined, context);
    expect(source.getKey('any', context)).toBe(first);
    const { data } = await first;
    expect(data?.cryptoKeys.has('RS256')).toBe(true);
    expect(source.peek('other', 0)).toBe(data);
    const other = (await createFixedKeySource(key.pem, ['RS256']).getKey(undefined, context)).data;
    expect(source.peek(undefined, 0)).not.toBe(other);
  });

  it('reads a JWK object, JWK JSON text (whitespace around it allowed) and PEM text with whitespace around it', async () => {
    for (const input of [key.jwk, JSON.stringify(key.jwk), `  ${JSON.stringify(key.jwk)}\n`, `\n  ${key.pem}  `]) {
      const { data, errors } = await createFixedKeySource(input, ['RS256']).getKey(undefined, context);
      expect(errors).toBeUndefined();
      expect(data?.cryptoKeys.has('RS256')).toBe(true);
    }
    expect((await createFixedKeySource(JSON.stringify(key.jwk), ['RS256']).getKey(undefined, context)).data?.kid).toBe(key.kid);
  });

  it('refuses JSON-looking text that is not JSON, and peeks nothing after a failed import', async () => {
    const source = createFixedKeySource('{"kty": "RSA"', ['RS256']);
    expect((await source.getKey(undefined, context)).errors).toEqual([NOT_A_KEY]);
    expect(source.peek(undefined, 0)).toBeUndefined();
    const refused = createFixedKeySource({ kty: 'EC' }, ['RS256']);
    expect((await refused.getKey(undefined, context)).errors?.[0].code).toBe('jwk_invalid');
    expect(refused.peek(undefined, 0)).toBeUndefined();
  });
});

describe('sharedFixedKeySource', () => {
  it('shares one source per key and algorithm list', () => {
    expect(sharedFixedKeySource(key.pem, ['RS256'])).toBe(sharedFixedKeySource(key.pem, ['RS256']));
    expect(sharedFixedKeySource(key.pem, ['RS256'])).not.toBe(sharedFixedKeySource(key.pem, ['RS256', 'RS384']));
    expect(sharedFixedKeySource(key.jwk, ['RS256'])).toBe(sharedFixedKeySource({ ...key.jwk }, ['RS256']));
    expect(sharedFixedKeySource(key.jwk, ['RS256'])).not.toBe(sharedFixedKeySource(testKey('other').jwk, ['RS256']));
  });
});
