import { describe, expect, it } from 'vitest';
import { checkServiceUrl } from '../../src/kernel/url-checks.js';

describe('checkServiceUrl', () => {
  it('accepts https, and plain http to a loopback host only', () => {
    expect(checkServiceUrl('https://api.clerk.com', { allowQuery: false })).toBe('https://api.clerk.com/');
    for (const host of ['localhost', '127.0.0.1', '[::1]'])
      expect(checkServiceUrl(`http://${host}:8080`, { allowQuery: false })).toBeDefined();
    expect(checkServiceUrl('http://api.clerk.com', { allowQuery: false })).toBeUndefined();
    expect(checkServiceUrl('ftp://api.clerk.com', { allowQuery: false })).toBeUndefined();
    expect(checkServiceUrl('ftp://localhost', { allowQuery: false })).toBeUndefined();
  });

  it('refuses user info, a fragment, and a query unless allowed, empty ones included', () => {
    for (const url of [
      'https://u:p@api.clerk.com',
      'https://u@api.clerk.com',
      'https://:p@api.clerk.com',
      'https://api.clerk.com/#',
      'https://api.clerk.com/#x',
      'https://api.clerk.com?',
      'https://api.clerk.com/?a=1',
    ]) {
      expect(checkServiceUrl(url, { allowQuery: false }), url).toBeUndefined();
    }
    expect(checkServiceUrl('https://x.example/jwks?tenant=1', { allowQuery: true })).toBe('https://x.example/jwks?tenant=1');
    expect(checkServiceUrl('https://x.example/jwks?#', { allowQuery: true })).toBeUndefined();
  });

  it('refuses what is not an absolute URL string', () => {
    for (const value of [undefined, 42, '', '/v1', 'api.clerk.com', new URL('https://api.clerk.com')])
      expect(checkServiceUrl(value, { allowQuery: true })).toBeUndefined();
  });
});
