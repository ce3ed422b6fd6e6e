import { describe, expect, it } from 'vitest';
import { issuerFromPublishableKey } from '../../src/auth/publishable-key.js';

describe('issuerFromPublishableKey', () => {
  it('derives https://<frontend-api-host> from test and live keys', () => {
    expect(issuerFromPublishableKey(`pk_test_${btoa('clerk.example.com$')}`)).toBe('https://clerk.example.com');
    expect(issuerFromPublishableKey(`pk_live_${btoa('clerk.app.io$')}`)).toBe('https://clerk.app.io');
  });

  it('keeps a port of up to five digits and lower-cases the host', () => {
    expect(issuerFromPublishableKey(`pk_test_${btoa('Clerk.Example.com:8443$')}`)).toBe('https://clerk.example.com:8443');
    expect(issuerFromPublishableKey(`pk_test_${btoa('localhost:3$')}`)).toBe('https://localhost:3');
    expect(issuerFromPublishableKey(`pk_test_${btoa('localhost:123456$')}`)).toBeUndefined();
  });

  it.each([
    ['a secret key', `sk_test_${btoa('clerk.example.com$')}`],
    ['no trailing $', `pk_test_${btoa('clerk.example.com')}`],
    ['a path in the host', `pk_test_${btoa('evil.com/x$')}`],
    ['userinfo', `pk_test_${btoa('a@evil.com$')}`],
    ['not base64', 'pk_test_!!!'],
    ['empty', 'pk_test_'],
    ['text before the prefix', `xpk_test_${btoa('clerk.example.com$')}`],
    ['text after the base64', `pk_test_${btoa('clerk.example.com$')}.evil`],
    ['base64 that atob refuses', 'pk_test_A'],
    ['a host starting with a dot', `pk_test_${btoa('.example.com$')}`],
    ['a host with an empty label', `pk_test_${btoa('clerk..example.com$')}`],
    ['a port that is not digits', `pk_test_${btoa('clerk.example.com:ab$')}`],
  ])('rejects %s', (_name, key) => {
    expect(issuerFromPublishableKey(key)).toBeUndefined();
  });
});
