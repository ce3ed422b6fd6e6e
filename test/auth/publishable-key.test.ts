import { describe, expect, it } from 'vitest';
import { issuerFromPublishableKey } from '../../src/auth/publishable-key.js';

describe('issuerFromPublishableKey', () => {
  it('derives https://<frontend-api-host> from test and live keys', () => {
    expect(issuerFromPublishableKey(`pk_test_${btoa('clerk.example.com$')}`)).toBe('https://clerk.example.com');
    expect(issuerFromPublishableKey(`pk_live_${btoa('clerk.app.io$')}`)).toBe('https://clerk.app.io');
  });

  it.each([
    ['a secret key', `sk_test_${btoa('clerk.example.com$')}`],
    ['no trailing $', `pk_test_${btoa('clerk.example.com')}`],
    ['a path in the host', `pk_test_${btoa('evil.com/x$')}`],
    ['userinfo', `pk_test_${btoa('a@evil.com$')}`],
    ['not base64', 'pk_test_!!!'],
    ['empty', 'pk_test_'],
  ])('rejects %s', (_name, key) => {
    expect(issuerFromPublishableKey(key)).toBeUndefined();
  });
});
