import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureClient, TEST_SECRET } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer();
});
afterAll(() => server.close());

function expectNoSecret(value: unknown): void {
  expect(JSON.stringify(value) ?? '').not.toContain(TEST_SECRET);
  expect(inspect(value, { depth: Infinity, showHidden: true, getters: true })).not.toContain(TEST_SECRET);
  expect(String(value)).not.toContain(TEST_SECRET);
}

describe('secret redaction', () => {
  it('keeps the secret out of JSON.stringify and util.inspect of the client', () => {
    const clerk = createFixtureClient(server.url);
    expectNoSecret(clerk);
    expectNoSecret(clerk.users);
    expect(JSON.parse(JSON.stringify(clerk))).toEqual({ apiUrl: server.url, apiVersion: 'v1', specVersion: '2026-05-12' });
    expect(inspect(clerk)).toContain('ClerkClient');
    expect(Object.values(clerk).some((value: unknown) => value === TEST_SECRET)).toBe(false);
  });

  it('keeps the secret out of success and failure results', async () => {
    const clerk = createFixtureClient(server.url, { maxRetries: 0 });
    server.handle((_req, res) => sendJson(res, 200, makeUser(1)));
    expectNoSecret(await clerk.users.getUser('user_1'));
    server.handle((_req, res) => sendJson(res, 401, { errors: [{ code: 'authentication_invalid', message: 'bad key' }] }));
    expectNoSecret(await clerk.users.getUser('user_1'));
    server.handle((_req, res) => sendJson(res, 200, { nope: true }));
    expectNoSecret(await clerk.users.getUser('user_1'));
    expectNoSecret(await clerk.users.getUser('..'));
  });

  it('redacts the secret from network error messages', async () => {
    const clerk = createFixtureClient(server.url, {
      maxRetries: 0,
      fetch: async (request) => {
        throw new TypeError(`connect failed; headers were ${request.headers.get('authorization')}`);
      },
    });
    const result = await clerk.users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('network_error');
    expect(result.errors?.[0].message).toContain('[redacted]');
    expectNoSecret(result);
  });

  it('redacts the secret from an error page that echoes the request headers', async () => {
    server.handle((req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' }).end(`<pre>${req.headers['authorization']}</pre>`);
    });
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('http_error');
    expectNoSecret(result.errors);
  });

  it('keeps the secret out of log lines', async () => {
    const lines: string[] = [];
    const logger = {
      warn: (message: string, details?: Record<string, unknown>) => lines.push(message, inspect(details, { depth: Infinity })),
      debug: (message: string, details?: Record<string, unknown>) => lines.push(message, inspect(details, { depth: Infinity })),
    };
    let calls = 0;
    server.handle((_req, res) => (calls++ === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { id: 1 })));
    const clerk = createFixtureClient(server.url, { logger, responseValidation: 'warn' });
    const result = await clerk.users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.join('\n')).not.toContain(TEST_SECRET);
  });
});

describe('secret redaction in every field that leaves the client', () => {
  const OTHER_KEY = 'sk_live_SomeoneElsesKey0000000000000000';

  it('redacts an echoed key from errors[].code, errors[].traceId and result.traceId', async () => {
    server.handle((req, res) =>
      sendJson(
        res,
        400,
        { errors: [{ code: `${req.headers['authorization']}`, message: 'bad' }], clerk_trace_id: `trace ${req.headers['authorization']}` },
        { 'x-clerk-trace-id': `${req.headers['authorization']}` },
      ),
    );
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('Bearer [redacted]');
    expect(result.errors?.[0].traceId).toBe('trace Bearer [redacted]');
    expect(result.traceId).toBe('trace Bearer [redacted]');
    expectNoSecret(result.errors);
    expectNoSecret(result.traceId);
  });

  it('redacts an echoed key from the trace header of a success', async () => {
    server.handle((req, res) => sendJson(res, 200, makeUser(1), { 'x-clerk-trace-id': `${req.headers['authorization']}` }));
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(result.traceId).toBe('Bearer [redacted]');
  });

  it('redacts an echoed key from the log lines of a retry and of warn mode', async () => {
    const lines: string[] = [];
    const logger = {
      warn: (message: string, details?: Record<string, unknown>) => lines.push(message, inspect(details, { depth: Infinity })),
      debug: (message: string, details?: Record<string, unknown>) => lines.push(message, inspect(details, { depth: Infinity })),
    };
    server.handle((req, res) => {
      const echo = `${req.headers['authorization']}`;
      if (server.requests.length === 1) sendJson(res, 503, { errors: [{ code: echo, message: 'busy' }] });
      else sendJson(res, 200, { id: 1 }, { 'x-clerk-trace-id': echo });
    });
    const result = await createFixtureClient(server.url, { logger, responseValidation: 'warn' }).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(lines.join('\n')).toContain('[redacted]');
    expect(lines.join('\n')).not.toContain(TEST_SECRET);
  });

  it('redacts before cutting an http_error snippet, so no prefix of the key survives the cut', async () => {
    // The key starts at character 190 of the body, so a cut at 200 would keep "Bearer sk_tes…".
    server.handle((req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end(`${'x'.repeat(183)}${req.headers['authorization']}`);
    });
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('http_error');
    expect(result.errors?.[0].message).toContain('Bearer [redacted]');
    expect(result.errors?.[0].message).not.toContain('sk_test_');
  });

  it('redacts a key quoted by a params getter that throws, for the plain method and .all()', async () => {
    const params = {
      get limit(): number {
        throw new Error(`no limit for ${TEST_SECRET}`);
      },
    };
    const clerk = createFixtureClient(server.url);
    for (const result of [await clerk.users.getUserList(params), await clerk.users.getUserList.all(params).toArray()]) {
      expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', message: expect.stringContaining('no limit for [redacted]') });
    }
  });

  it('redacts any sk_live_/sk_test_-shaped key, not only the configured one', async () => {
    server.handle((_req, res) =>
      sendJson(res, 401, {
        errors: [{ code: 'authentication_invalid', message: `key ${OTHER_KEY} is revoked`, meta: { key: OTHER_KEY } }],
      }),
    );
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].message).toBe('key [redacted] is revoked');
    expect(JSON.stringify(result.errors)).not.toContain('SomeoneElses');
  });
});
