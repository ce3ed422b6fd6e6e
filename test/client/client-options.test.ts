import { describe, expect, it } from 'vitest';
import { createFixtureClient } from './fixtures/client.js';

const url = 'https://api.clerk.com';

describe('client options', () => {
  it('rejects a publishable key at construction without echoing it', () => {
    const key = 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k';
    expect(() => createFixtureClient(url, { secretKey: key })).toThrow(TypeError);
    try {
      createFixtureClient(url, { secretKey: key });
    } catch (error) {
      expect((error as Error).message).toContain('publishable key');
      expect((error as Error).message).not.toContain(key);
    }
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not-a-key'],
    ['a key with a newline', 'sk_test_abc\r\nX-Evil: 1'],
    ['a key with a space', 'sk_test_abc def'],
    ['an unknown environment', 'sk_prod_abc'],
    ['a bare prefix', 'sk_live_'],
  ])('rejects %s as secretKey without echoing it', (_label, key) => {
    let message = '';
    try {
      createFixtureClient(url, { secretKey: key });
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    // Empty and bare-prefix keys are substrings of the help text itself.
    if (key.length > 'sk_live_'.length) expect(message).not.toContain(key);
  });

  it('accepts sk_test_ and sk_live_ keys', () => {
    expect(() => createFixtureClient(url, { secretKey: 'sk_test_abc123' })).not.toThrow();
    expect(() => createFixtureClient(url, { secretKey: 'sk_live_abc123' })).not.toThrow();
  });

  it('fails before any request when the key is wrong', () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('{}');
    };
    expect(() => createFixtureClient(url, { secretKey: 'pk_live_x', fetch })).toThrow(TypeError);
    expect(calls).toBe(0);
  });

  it.each([
    ['plain http to a remote host', { apiUrl: 'http://api.clerk.com' }],
    ['a relative apiUrl', { apiUrl: '/v1' }],
    ['an apiUrl with credentials', { apiUrl: 'https://user:pass@api.clerk.com' }],
    ['an apiUrl with a query', { apiUrl: 'https://api.clerk.com/?x=1' }],
    ['an apiVersion with a slash', { apiVersion: 'v1/../admin' }],
    ['a negative timeout', { timeoutMs: -5 }],
    ['a fractional maxRetries', { maxRetries: 1.5 }],
    ['an unknown validation mode', { responseValidation: 'strict' as 'off' }],
    ['a non-function fetch', { fetch: 'fetch' as unknown as typeof fetch }],
    ['a user agent with a newline', { userAgent: 'a\nb' }],
    ['a logger without warn', { logger: {} as { warn(): void } }],
    ['an apiUrl ending in an empty query', { apiUrl: 'https://api.clerk.com/?' }],
    ['an apiUrl ending in an empty fragment', { apiUrl: 'https://api.clerk.com/#' }],
    ['a timeout past the timer range (it would fire at once)', { timeoutMs: Number.MAX_SAFE_INTEGER }],
    ['a timeout of 2^31 ms', { timeoutMs: 2 ** 31 }],
    ['a maxRetryAfterMs past the timer range', { backoff: { maxRetryAfterMs: 3_000_000_000 } }],
    ['a maxDelayMs past the timer range', { backoff: { maxDelayMs: 2 ** 31 } }],
  ])('throws a TypeError at construction for %s', (_label, options) => {
    expect(() => createFixtureClient(url, options)).toThrow(TypeError);
  });

  it('accepts durations up to the timer range', () => {
    expect(() => createFixtureClient(url, { timeoutMs: 2 ** 31 - 1, backoff: { maxRetryAfterMs: 2 ** 31 - 1 } })).not.toThrow();
  });

  it('accepts plain http for loopback hosts', () => {
    expect(() => createFixtureClient('http://127.0.0.1:4010', { apiVersion: '' })).not.toThrow();
    expect(() => createFixtureClient('http://localhost:4010')).not.toThrow();
  });
});
