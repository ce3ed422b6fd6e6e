import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay, shouldRetry } from '../../src/client/retry-policy.js';

// The retry rules on their own, without a transport: which attempts may be repeated, how Retry-After is read,
// and the backoff with its jitter bounds.

describe('shouldRetry', () => {
  it('retries idempotent methods on 429, 502, 503, 504 and on network failures and timeouts', () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE'] as const) {
      for (const outcome of [429, 502, 503, 504, 'network_error', 'timeout'] as const) {
        expect(shouldRetry(method, outcome), `${method} ${outcome}`).toBe(true);
      }
      for (const status of [400, 404, 408, 500, 501]) expect(shouldRetry(method, status), `${method} ${status}`).toBe(false);
    }
  });

  it('never retries POST or PATCH, whatever happened', () => {
    for (const method of ['POST', 'PATCH'] as const) {
      for (const outcome of [429, 503, 'network_error', 'timeout'] as const) expect(shouldRetry(method, outcome)).toBe(false);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it('reads delta-seconds, surrounding whitespace allowed', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('refuses numbers that are not whole non-negative seconds', () => {
    for (const value of ['1.5', '-1', '5s', 'x5', '', '1e3']) expect(parseRetryAfter(value, now), value).toBeUndefined();
  });

  it('reads an HTTP date as the time until it, and a past date as no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('refuses anything but the exact HTTP-date shape, and impossible dates in that shape', () => {
    for (const value of [
      '2015-10-21T07:28:10Z',
      'Wed, 21 Oct 2015 07:28:10 GMT later',
      // Date.parse reads an offset after GMT (an hour earlier here); the HTTP date form has none.
      'Wed, 21 Oct 2015 08:28:10 GMT+0100',
      'soon Wed, 21 Oct 2015 07:28:10 GMT',
      'Wed, 21 Oct 2015 07:28:10 UTC',
      'Xyz, 99 Foo 2015 07:28:10 GMT',
    ]) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
  });
});

describe('retryDelay', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

  it('honours Retry-After up to maxRetryAfterMs, without jitter', () => {
    expect(retryDelay(0, 2000, policy, () => 1)).toBe(2000);
    expect(retryDelay(0, 0, policy, () => 1)).toBe(0);
    expect(retryDelay(0, 60_000, policy, () => 1)).toBe(5000);
  });

  it('doubles from initialDelayMs, capped at maxDelayMs, with jitter between half and all of it', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelay(attempt, undefined, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelay(attempt, undefined, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelay(1, undefined, policy, () => 0.5)).toBe(150);
  });
});
