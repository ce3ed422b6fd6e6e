import { describe, expect, it } from 'vitest';
import { createWebAuth } from '../../src/web/index.js';

// Issue #25 on the Fetch-style adapter: it reads no environment, so every key comes from its options, and a missing
// or wrong-shaped one fails when the authenticator is created (before any handler or Hono middleware exists).
describe('createWebAuth at startup', () => {
  it('with no key at all, names the options to pass', () => {
    expect(() => createWebAuth({})).toThrow(new TypeError('createWebAuth: The jwtKey option must be given, or secretKey or jwksUrl.'));
    expect(() => createWebAuth({ publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' })).toThrow(
      /^createWebAuth: The jwtKey option must be given/,
    );
  });

  it('names its own secretKey option for a key of the wrong shape', () => {
    expect(() => createWebAuth({ secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' })).toThrow(
      /^createWebAuth: The secretKey option must be sk_test_ or sk_live_/,
    );
    expect(() => createWebAuth({ jwtKey: 'sk_test_pasted_here' })).toThrow(/^createWebAuth: The jwtKey option is a secret key/);
  });
});
