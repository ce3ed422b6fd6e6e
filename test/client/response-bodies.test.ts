import { describe, expect, it } from 'vitest';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

const server = useStubServer();

describe('response bodies', () => {
  it('maps a Clerk error body to errors with status, traceId, longMessage and meta', async () => {
    server.handle((_req, res) =>
      sendJson(
        res,
        422,
        {
          errors: [
            { code: 'form_param_missing', message: 'missing', long_message: 'first_name is missing', meta: { param_name: 'first_name' } },
            { code: 'form_param_format_invalid', message: 'bad' },
          ],
          clerk_trace_id: 'trace_body',
        },
        { 'x-clerk-trace-id': 'trace_header' },
      ),
    );
    const result = await createFixtureClient(server.url).users.createUser({ first_name: 'Ada' });
    expect(result.status).toBe(422);
    expect(result.traceId).toBe('trace_body');
    expect(result.errors).toEqual([
      {
        code: 'form_param_missing',
        message: 'missing',
        longMessage: 'first_name is missing',
        meta: { paramName: 'first_name' },
        status: 422,
        traceId: 'trace_body',
      },
      { code: 'form_param_format_invalid', message: 'bad', status: 422, traceId: 'trace_body' },
    ]);
  });

  it('camelCases the top-level keys of meta like the rest of the error, and keeps its values as sent', async () => {
    const meta = {
      param_name: 'password',
      is_plan_upgrade_possible: false,
      zxcvbn: { suggestions: [{ code: 'use_words' }], crack_time: 1 },
    };
    server.handle((_req, res) => sendJson(res, 422, { errors: [{ code: 'form_password_pwned', message: 'weak', meta }] }));
    const result = await createFixtureClient(server.url).users.createUser({ first_name: 'Ada' });
    expect(result.errors?.[0].meta).toEqual({
      paramName: 'password',
      isPlanUpgradePossible: false,
      zxcvbn: { suggestions: [{ code: 'use_words' }], crack_time: 1 },
    });
  });

  it('takes the traceId from the trace header when the body has none', async () => {
    server.handle((_req, res) => sendJson(res, 404, { errors: [{ code: 'resource_not_found', message: 'nope' }] }, { 'cf-ray': 'ray_1' }));
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.traceId).toBe('ray_1');
    expect(result.errors?.[0].traceId).toBe('ray_1');
  });

  it('turns an HTML 502 from a proxy into http_error with the status', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
    });
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.status).toBe(502);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ code: 'http_error', status: 502 });
    expect(result.errors?.[0].message).toContain('Bad gateway');
  });

  it('turns an empty error body or an errors-less JSON error into one http_error', async () => {
    server.handle((_req, res) => {
      res.writeHead(500).end();
    });
    const empty = await createFixtureClient(server.url).users.getUser('user_1');
    expect(empty.errors).toEqual([{ code: 'http_error', message: 'HTTP 500 with an empty body', status: 500 }]);
    server.handle((_req, res) => sendJson(res, 400, { errors: [] }));
    const noEntries = await createFixtureClient(server.url).users.getUser('user_1');
    expect(noEntries.errors?.[0]).toMatchObject({ code: 'http_error', status: 400 });
  });

  it('returns data undefined for a 204', async () => {
    server.handle((_req, res) => {
      res.writeHead(204).end();
    });
    const result = await createFixtureClient(server.url).invitations.revokeInvitation('org_1', 'inv_1');
    expect(result).toMatchObject({ data: undefined, status: 204 });
    expect(result.errors).toBeUndefined();
  });

  it('parses application/json; charset=utf-8 bodies, including multi-byte text across chunks', async () => {
    const user = { ...makeUser(1), first_name: 'Zoë 🦄'.repeat(5_000) };
    server.handle((_req, res) => {
      const bytes = Buffer.from(JSON.stringify(user));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      // Split inside a multi-byte character to prove chunks are decoded together.
      res.write(bytes.subarray(0, 151));
      setTimeout(() => res.end(bytes.subarray(151)), 5);
    });
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(result.data?.first_name).toBe(user.first_name);
  });

  it('returns json_invalid for a 2xx body that is not JSON', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
    });
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.errors?.[0]).toMatchObject({ code: 'json_invalid', status: 200 });
  });

  it('stops reading a chunked body past maxResponseBytes', async () => {
    let written = 0;
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const timer = setInterval(() => {
        if (res.destroyed || written > 50 * 1024 * 1024) {
          clearInterval(timer);
          res.end();
          return;
        }
        written += chunk.length;
        res.write(chunk);
      }, 1);
    });
    const result = await createFixtureClient(server.url, { maxResponseBytes: 64 * 1024 }).users.getUser('user_1');
    expect(result.errors?.[0]).toMatchObject({ code: 'response_too_large', status: 200 });
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('rejects a body whose Content-Length exceeds maxResponseBytes, error statuses included', async () => {
    server.handle((_req, res) => sendJson(res, 500, { errors: [{ code: 'x', message: 'y'.repeat(5_000) }] }));
    const result = await createFixtureClient(server.url, { maxResponseBytes: 1_000, maxRetries: 0 }).users.getUser('user_1');
    expect(result.errors?.[0]).toMatchObject({ code: 'response_too_large', status: 500 });
  });
});

describe('response validation', () => {
  it("returns response_validation_failed with the mismatches and the raw body in 'error' mode", async () => {
    const body = { ...makeUser(1), banned: 'nope' };
    server.handle((_req, res) => sendJson(res, 200, body));
    const result = await createFixtureClient(server.url, { responseValidation: 'error' }).users.getUser('user_1');
    expect(result.status).toBe(200);
    expect(result.errors?.[0].code).toBe('response_validation_failed');
    const meta = result.errors?.[0].meta as { mismatches: unknown[]; body: unknown };
    expect(meta.mismatches).toEqual([{ path: '$.banned', expected: 'boolean', received: 'string "nope"' }]);
    expect(meta.body).toEqual(body);
  });

  it("returns the data with warnings and reports each deviation to the logger once in 'warn' mode, the default", async () => {
    const warnings: unknown[] = [];
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), banned: 'nope' }));
    const logger = { warn: (message: string, details?: Record<string, unknown>) => warnings.push({ message, details }) };
    const clerk = createFixtureClient(server.url, { logger });
    const result = await clerk.users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(result.data?.banned).toBe('nope');
    expect(result.warnings).toEqual([{ path: '$.banned', expected: 'boolean', received: 'string "nope"' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ details: { operationId: 'GetUser', status: 200, mismatches: [{ path: '$.banned' }] } });
    // The same deviation again, even from another client with the same logger: returned with its warning, not logged.
    const again = await createFixtureClient(server.url, { logger, responseValidation: 'warn' }).users.getUser('user_1');
    expect(again.warnings).toEqual(result.warnings);
    expect(warnings).toHaveLength(1);
    // A new path of the same operation is logged, and only that path.
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), banned: 'nope', locked: 'no' }));
    await clerk.users.getUser('user_1');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ details: { mismatches: [{ path: '$.locked' }] } });
  });

  it('refuses a body whose root no documented shape allows, even in the default mode', async () => {
    server.handle((_req, res) => sendJson(res, 200, [makeUser(1)]));
    const list = await createFixtureClient(server.url, { logger: { warn() {} } }).users.getUser('user_1');
    expect(list.errors?.[0]).toMatchObject({
      code: 'response_validation_failed',
      meta: { mismatches: [{ path: '$', expected: 'an object' }] },
    });
    server.handle((_req, res) => sendJson(res, 200, 'user_1'));
    const text = await createFixtureClient(server.url, { logger: { warn() {} } }).users.getUser('user_1');
    expect(text.errors?.[0].code).toBe('response_validation_failed');
  });

  it('still returns a result when the logger itself throws', async () => {
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), banned: 'nope' }));
    const logger = {
      warn: () => {
        throw new Error('logger down');
      },
      debug: () => {
        throw new Error('logger down');
      },
    };
    const result = await createFixtureClient(server.url, { responseValidation: 'warn', logger }).users.getUser('user_1');
    expect(result.data?.banned).toBe('nope');
  });

  it("skips validation in 'off' mode", async () => {
    server.handle((_req, res) => sendJson(res, 200, { whatever: true }));
    const result = await createFixtureClient(server.url, { responseValidation: 'off' }).users.getUser('user_1');
    expect(result.data).toEqual({ whatever: true });
  });

  it('drops own __proto__ keys from error meta, escaped or not, so merging it cannot set a prototype', async () => {
    const body = `{"errors":[{"code":"bad","message":"m","meta":{"__proto__":{"isAdmin":true},"nested":{"\\u005f_proto__":{"isAdmin":true},"keep":1}}}]}`;
    server.handle((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(body);
    });
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    const meta = result.errors?.[0].meta ?? {};
    expect(Object.hasOwn(meta, '__proto__')).toBe(false);
    expect(meta['nested']).toEqual({ keep: 1 });
    expect((Object.assign({}, meta) as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect((Object.assign({}, meta['nested']) as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('keeps an own __proto__ key of raw data as a plain property, never as the prototype (documented)', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"user_1","__proto__":{"isAdmin":true}}');
    });
    const result = await createFixtureClient(server.url, { responseValidation: 'off' }).users.getUser('user_1');
    const data = result.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data['isAdmin']).toBeUndefined();
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
  });

  it('returns the body as sent, unknown fields included', async () => {
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), brand_new_field: 1 }));
    const result = await createFixtureClient(server.url).users.getUser('user_1');
    expect(result.data).toMatchObject({ brand_new_field: 1 });
  });
});

describe('response edges', () => {
  it('treats a 300 as an error status, keeping its trace id, and a non-JSON error body as no body', async () => {
    server.handle((_req, res) => {
      res.writeHead(300, { 'content-type': 'text/html', 'x-clerk-trace-id': 'trace_300' });
      res.end('<html>choose</html>');
    });
    const result = await createFixtureClient(server.url, { maxRetries: 0 }).users.getUser('user_1');
    expect(result.status).toBe(300);
    expect(result.errors?.[0]).toMatchObject({ code: 'http_error', status: 300, traceId: 'trace_300' });
    expect(result.errors?.[0].meta?.['body']).toBeUndefined();
  });

  it('keeps the trace id on json_invalid and response_validation_failed, and none when the server sends none', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-clerk-trace-id': 'trace_bad' });
      res.end('{not json');
    });
    const bad = await createFixtureClient(server.url).users.getUser('user_1');
    expect(bad.errors?.[0]).toEqual({
      code: 'json_invalid',
      message: 'HTTP 200 with a body that is not JSON.',
      status: 200,
      traceId: 'trace_bad',
    });
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), banned: 'no' }, { 'x-clerk-trace-id': 'trace_invalid' }));
    const invalid = await createFixtureClient(server.url, { responseValidation: 'error' }).users.getUser('user_1');
    expect(invalid.errors?.[0]).toMatchObject({ code: 'response_validation_failed', traceId: 'trace_invalid' });
    server.handle((_req, res) => sendJson(res, 200, { ...makeUser(1), banned: 'no' }));
    const untraced = await createFixtureClient(server.url, { responseValidation: 'error' }).users.getUser('user_1');
    expect(untraced.errors?.[0]).not.toHaveProperty('traceId');
  });

  it('validates with the shape alone when an operation has no compiled check', async () => {
    server.handle((_req, res) => sendJson(res, 200, { id: 'user_1', object: 'user', deleted: 'yes' }));
    const strict = createFixtureClient(server.url, { responseValidation: 'error' });
    const deleted = await strict.users.deleteUser('user_1');
    expect(deleted.errors?.[0].meta?.['mismatches']).toEqual([{ path: '$.deleted', expected: 'boolean', received: 'string "yes"' }]);
    server.handle((_req, res) => sendJson(res, 200, { anything: true }));
    const unchecked = await strict.organizations.listOrganizations(undefined, { headers: {} });
    expect(unchecked.errors?.[0].code).toBe('response_validation_failed');
  });
});
