import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay, shouldRetry } from '../../src/client/retry-policy.js';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

const server = useStubServer();

/** Answers `statuses` in order, then 200 with a user. */
function failThenSucceed(...statuses: number[]): void {
  server.handle((_req, res) => {
    const status = statuses[server.requests.length - 1];
    if (status === undefined) sendJson(res, 200, makeUser(1));
    else sendJson(res, status, { errors: [{ code: 'unavailable', message: 'try later' }] });
  });
}

describe('retries', () => {
  it('retries a GET on 503 and 502 and returns the eventual success', async () => {
    failThenSucceed(503, 502);
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the default 2 retries with the last error', async () => {
    failThenSucceed(504, 504, 503, 503);
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(server.requests).toHaveLength(3);
    expect(result.status).toBe(503);
    expect(result.errors?.[0]).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('sends a POST that gets 502 exactly once', async () => {
    failThenSucceed(502);
    const result = await createFixtureClient(server.url).users.createUser({ first_name: 'Ada' });
    expect(server.requests).toHaveLength(1);
    expect(result.status).toBe(502);
  });

  it('sends a PATCH that gets 503 exactly once', async () => {
    failThenSucceed(503);
    await createFixtureClient(server.url).users.updateUser('user_1', { first_name: 'Ada' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a DELETE on 429', async () => {
    server.handle((_req, res) =>
      server.requests.length === 1 ? sendJson(res, 429, {}) : sendJson(res, 200, { id: 'user_1', object: 'user', deleted: true }),
    );
    const result = await createFixtureClient(server.url).users.deleteUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('does not retry a 500, a 400 or a 404', async () => {
    for (const status of [500, 400, 404]) {
      server.requests.length = 0;
      failThenSucceed(status);
      await createFixtureClient(server.url).users.getUser('user_1');
      expect(server.requests).toHaveLength(1);
    }
  });

  it('honours maxRetries per call and per client', async () => {
    failThenSucceed(503, 503, 503);
    await createFixtureClient(server.url).users.getUser('user_1', { maxRetries: 0 });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    failThenSucceed(503, 503, 503);
    const result = await createFixtureClient(server.url, { maxRetries: 3 }).users.getUser('user_1');
    expect(server.requests).toHaveLength(4);
    expect(result.errors).toBeUndefined();
  });

  it('retries a GET after a network error but sends a POST once', async () => {
    server.handle((_req, res) => {
      if (server.requests.length === 1) res.socket?.destroy();
      else sendJson(res, 200, makeUser(1));
    });
    const get = await createFixtureClient(server.url).users.getUser('user_1');
    expect(get.errors).toBeUndefined();
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    const post = await createFixtureClient(server.url).users.createUser({ first_name: 'Ada' });
    expect(post.errors?.[0].code).toBe('network_error');
    expect(post.status).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('waits for Retry-After seconds, capped by maxRetryAfterMs', async () => {
    server.handle((_req, res) =>
      server.requests.length === 1 ? sendJson(res, 429, {}, { 'retry-after': '30' }) : sendJson(res, 200, makeUser(1)),
    );
    const started = Date.now();
    const result = await createFixtureClient(server.url, { backoff: { maxRetryAfterMs: 150 } }).users.getUser('user_1');
    const elapsed = Date.now() - started;
    expect(result.errors).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('gives http_error with the status for a status of 600 or more, and does not retry it', async () => {
    for (const status of [600, 999]) {
      server.requests.length = 0;
      server.handle((_req, res) => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end('odd');
      });
      const result = await createFixtureClient(server.url).users.getUser('user_1');
      expect(result.errors?.[0]).toMatchObject({ code: 'http_error', status, message: `HTTP ${status}: odd` });
      expect(result.status).toBe(status);
      expect(server.requests).toHaveLength(1);
    }
  });

  it('refuses a per-call timeout past the timer range instead of timing out at once', async () => {
    const result = await createFixtureClient(server.url).users.getUser('user_1', { timeoutMs: Number.MAX_SAFE_INTEGER });
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(server.requests).toHaveLength(0);
  });

  it('waits on a Retry-After longer than the timer range when maxRetryAfterMs allows it, instead of retrying at once', async () => {
    server.handle((_req, res) => sendJson(res, 503, {}, { 'retry-after': '3000000' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const clerk = createFixtureClient(server.url, { backoff: { maxRetryAfterMs: 2 ** 31 - 1 } });
    const result = await clerk.users.getUser('user_1', { signal: controller.signal });
    expect(result.errors?.[0].code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('reports retryAfter in seconds on a 429 it stops retrying', async () => {
    server.handle((_req, res) =>
      sendJson(res, 429, { errors: [{ code: 'too_many_requests', message: 'slow down' }] }, { 'retry-after': '0' }),
    );
    const result = await createFixtureClient(server.url).users.getUser('user_1', { maxRetries: 0 });
    expect(result.errors?.[0]).toMatchObject({ code: 'too_many_requests', status: 429, retryAfter: 0 });
  });
});

describe('retry policy', () => {
  it('retries only idempotent methods on 429/502/503/504, network errors and timeouts', () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE'] as const) {
      for (const status of [429, 502, 503, 504]) expect(shouldRetry(method, status)).toBe(true);
      expect(shouldRetry(method, 'network_error')).toBe(true);
      expect(shouldRetry(method, 500)).toBe(false);
    }
    for (const method of ['POST', 'PATCH'] as const) {
      expect(shouldRetry(method, 502)).toBe(false);
      expect(shouldRetry(method, 'network_error')).toBe(false);
      expect(shouldRetry(method, 'timeout')).toBe(false);
    }
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000);
  });

  it('caps Retry-After and grows the backoff exponentially with jitter', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
    expect(retryDelay(0, 120_000, policy)).toBe(5_000);
    expect(retryDelay(0, 2_000, policy)).toBe(2_000);
    expect(retryDelay(0, undefined, policy, () => 0)).toBe(50);
    expect(retryDelay(0, undefined, policy, () => 1)).toBe(100);
    expect(retryDelay(2, undefined, policy, () => 1)).toBe(400);
    expect(retryDelay(10, undefined, policy, () => 1)).toBe(1_000);
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(1, undefined, policy)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
