import { describe, expect, it } from 'vitest';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

const server = useStubServer();

const hang = (): void => {};

describe('timeouts and aborts', () => {
  it('times out an attempt whose headers never arrive', async () => {
    server.handle(hang);
    // 500 ms: on a loaded machine a shorter timeout can fire before the request reaches the stub server.
    const result = await createFixtureClient(server.url, { timeoutMs: 500, maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });

  it('times out an attempt whose body stalls after the headers', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"id":');
    });
    // Long enough for the headers to arrive on a loaded machine (the status is only known once they have).
    const result = await createFixtureClient(server.url, { timeoutMs: 1_000, maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0]).toMatchObject({ code: 'timeout', status: 200 });
  });

  it('retries a timed-out GET and applies the timeout per attempt', async () => {
    server.handle((_req, res) => {
      if (server.requests.length > 1) sendJson(res, 200, makeUser(1));
    });
    const result = await createFixtureClient(server.url, { timeoutMs: 500 }).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('uses the per-call timeoutMs over the client default', async () => {
    server.handle(hang);
    const started = Date.now();
    const result = await createFixtureClient(server.url, { timeoutMs: 10_000, maxRetries: 0 }).users.getUser('user_1', { timeoutMs: 80 });
    expect(result.errors?.[0].code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('returns aborted when the caller aborts mid-request, without retrying', async () => {
    server.handle(hang);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await createFixtureClient(server.url).users.getUser('user_1', { signal: controller.signal });
    expect(result.errors?.[0].code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const result = await createFixtureClient(server.url).users.getUser('user_1', { signal: AbortSignal.abort() });
    expect(result.errors?.[0].code).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('cancels a backoff sleep when the caller aborts', async () => {
    server.handle((_req, res) => sendJson(res, 503, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    const clerk = createFixtureClient(server.url, { backoff: { maxRetryAfterMs: 60_000 } });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await clerk.users.getUser('user_1', { signal: controller.signal });
    expect(result.errors?.[0].code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });
});
