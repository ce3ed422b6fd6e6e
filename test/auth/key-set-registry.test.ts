import { describe, expect, it } from 'vitest';
import { sharedKeySource } from '../../src/auth/key-set-registry.js';
import { resolveVerifierOptions, type AnyVerifierOptions } from '../../src/auth/options.js';

function keysFor(options: AnyVerifierOptions) {
  const resolved = resolveVerifierOptions(options);
  if (resolved.errors) throw new Error(resolved.errors[0].message);
  return sharedKeySource(resolved.data);
}

describe('sharedKeySource: one key set per identity (B39)', () => {
  const secretKey = 'sk_test_keySetRegistry';

  it('gives the same key source whatever the claim options and callbacks', () => {
    const first = keysFor({ secretKey });
    expect(keysFor({ secretKey, authorizedParties: ['https://a.example'], audience: 'x', clockSkewInMs: 0 })).toBe(first);
    expect(keysFor({ secretKey, now: () => 1, fetch: globalThis.fetch, logger: { warn: () => undefined } })).toBe(first);
    expect(keysFor({ secretKey, tokenType: 'jwt_template' })).toBe(first);
  });

  it('keeps instances apart: another secret key, API URL or JWKS URL is another key set', () => {
    const first = keysFor({ secretKey });
    expect(keysFor({ secretKey: `${secretKey}2` })).not.toBe(first);
    expect(keysFor({ secretKey, apiUrl: 'https://api.other.example' })).not.toBe(first);
    expect(keysFor({ jwksUrl: 'https://a.example/jwks' })).not.toBe(keysFor({ jwksUrl: 'https://b.example/jwks' }));
  });

  it('keeps apart key sets cached under different rules (algorithms, TTL, limits)', () => {
    const first = keysFor({ secretKey });
    expect(keysFor({ secretKey, algorithms: ['RS256', 'RS384'] })).not.toBe(first);
    expect(keysFor({ secretKey, jwksCacheTtlInMs: 60_000 })).not.toBe(first);
    expect(keysFor({ secretKey, jwksMaxKeys: 4 })).not.toBe(first);
  });

  it('cannot be made to collide by moving text between the URL and the credentials', () => {
    const a = keysFor({ jwksUrl: 'https://a.example/x|Bearer' });
    const b = keysFor({ jwksUrl: 'https://a.example/x' });
    expect(a).not.toBe(b);
  });
});
