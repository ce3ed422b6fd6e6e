import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureClient, TEST_SECRET } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

// Issue #22 items 2 and 3 (SECURITY G.42): redaction runs before any transformation of keys, and the raw
// response's headers never reach util.inspect of a result.

const OTHER_KEY = 'sk_live_AnotherTenants0RandomPart000000000';
// The part of a key that identifies it, whatever its prefix became after a transformation.
const RANDOM_PARTS = ['AnotherTenants0RandomPart', 'FIXTURE0secret0value0do0not0leak'];

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer();
});
afterAll(() => server.close());

function everyView(value: unknown): string {
  return [JSON.stringify(value) ?? '', inspect(value, { depth: Infinity, showHidden: true, getters: true }), inspect(value)].join('\n');
}

function expectNoKeyPart(value: unknown): void {
  const views = everyView(value);
  for (const part of RANDOM_PARTS) expect(views).not.toContain(part);
  expect(views).not.toContain(TEST_SECRET);
}

describe('secret-shaped meta keys (issue #22 item 2)', () => {
  it('redacts a key used as a meta key before camelCasing it (sk_live_… would become skLive…)', async () => {
    server.handle((req, res) =>
      sendJson(res, 422, {
        errors: [
          {
            code: 'form_param_invalid',
            message: 'bad',
            meta: { [OTHER_KEY]: 'x', [`${req.headers['authorization']}`.slice(7)]: 'y', param_name: 'email_address' },
          },
        ],
      }),
    );
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    const meta = result.errors?.[0].meta ?? {};
    // Keys that are not secrets are still camelCased.
    expect(meta['paramName']).toBe('email_address');
    expect(Object.keys(meta).some((name) => /skLive|skTest/.test(name))).toBe(false);
    expectNoKeyPart(result.errors);
    expectNoKeyPart(result);
  });

  it('redacts a key nested in a meta value and in a trace id taken from the body', async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, {
        errors: [{ code: 'x', message: 'y', meta: { nested: { [OTHER_KEY]: [OTHER_KEY] } } }],
        clerk_trace_id: OTHER_KEY,
      }),
    );
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.traceId).toBe('[redacted]');
    expectNoKeyPart(result);
  });
});

describe('response headers in util.inspect (issue #22 item 3)', () => {
  it('does not print headers a proxy echoes (Authorization) when a success result is inspected', async () => {
    server.handle((req, res) => sendJson(res, 200, makeUser(1), { 'x-echo-authorization': `${req.headers['authorization']}` }));
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expectNoKeyPart(result);
    expect(inspect(result)).toMatch(/headers: '\[hidden: \d+ headers\]'/);
    expect(inspect(result)).toContain('status: 200');
    // The headers are still there for the code that asks for them.
    expect(result.response?.headers.get('x-echo-authorization')).toBe(`Bearer ${TEST_SECRET}`);
  });

  it('does not print them for a failure result either', async () => {
    server.handle((req, res) =>
      sendJson(res, 500, { errors: [{ code: 'boom', message: 'no' }] }, { 'set-cookie': `k=${req.headers['authorization']}` }),
    );
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('boom');
    expectNoKeyPart(result);
    expectNoKeyPart(result.response);
  });
});
