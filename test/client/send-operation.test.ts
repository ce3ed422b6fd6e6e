import { methodNameOf } from '../../src/client/operation.js';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/create-api-client.js';
import type { ClientLogger } from '../../src/kernel/logger.js';
import type { OperationDef } from '../../src/client/operation.js';
import type { Shape } from '../../src/kernel/shape.js';
import { TEST_SECRET } from './fixtures/client.js';

// One operation sent through the client with a fetch double: how each attempt outcome and each response becomes
// a result (exact codes, messages and trace ids), what is retried, and what the per-call options refuse.

const thing: Shape = ['object', { id: 'string' }, ['id'], 1];

function op(fields: Partial<OperationDef> = {}): OperationDef {
  return {
    operationId: 'GetThing',
    namespace: 'things',
    method: 'GET',
    path: '/things/{id}',
    pathParams: ['id'],
    query: [],
    shapes: { '200': thing },
    ...fields,
  };
}

type Method = (
  ...args: unknown[]
) => Promise<{ data?: unknown; errors?: [Record<string, unknown>]; traceId?: string; status?: number; warnings?: unknown[] }>;

function client(fetch: (request: Request) => Promise<Response>, def: OperationDef = op(), extra: Record<string, unknown> = {}): Method {
  const api = createApiClient<unknown, unknown>([def], '2026-05-12', {
    secretKey: TEST_SECRET,
    apiUrl: 'https://api.clerk.com',
    fetch,
    maxRetries: 0,
    backoff: { initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    ...extra,
  }) as unknown as Record<string, Record<string, Method>>;
  return api['things']?.[methodNameOf(def)] as Method;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('attempt outcomes', () => {
  it('refuses a body over maxResponseBytes with its status and trace id', async () => {
    const get = client(async () => json({ id: 'x'.repeat(50) }, 200, { 'x-clerk-trace-id': 't1' }), op(), { maxResponseBytes: 10 });
    const result = await get('thing_1');
    expect(result.errors).toEqual([
      { code: 'response_too_large', message: 'The response body exceeded 10 bytes.', status: 200, traceId: 't1' },
    ]);
    expect(result.traceId).toBe('t1');
    expect(result.status).toBe(200);
  });

  it('refuses a redirect without following it, and has no trace id when none was sent', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 307, headers: { location: 'https://evil.example/' } }));
    const result = await client(fetch, op(), { maxRetries: 2 })('thing_1');
    expect(result.errors).toEqual([
      { code: 'unexpected_redirect', message: 'The API answered with a redirect, which is not followed with credentials.', status: 307 },
    ]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(Object.keys(result.errors?.[0] ?? {})).toEqual(['code', 'message', 'status']);
  });

  it('names the timeout, and retries a timed-out GET', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => undefined));
    const result = await client(fetch, op(), { timeoutMs: 20, maxRetries: 1 })('thing_1');
    expect(result.errors).toEqual([{ code: 'timeout', message: 'The request timed out after 20 ms.' }]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('retries a network error of a GET but not of a POST', async () => {
    const failing = () => vi.fn(async () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })));
    const get = failing();
    expect((await client(get, op(), { maxRetries: 1 })('thing_1')).errors).toEqual([
      { code: 'network_error', message: 'Network error: fetch failed (ECONNRESET)' },
    ]);
    expect(get).toHaveBeenCalledTimes(2);
    const post = failing();
    await client(post, op({ method: 'POST' }), { maxRetries: 1 })('thing_1');
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('gives aborted for a signal aborted before sending', async () => {
    const fetch = vi.fn(async () => json({ id: 'a' }));
    const result = await client(fetch)('thing_1', { signal: AbortSignal.abort() });
    expect(result.errors).toEqual([{ code: 'aborted', message: 'The request was aborted by the caller.' }]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives aborted, neither retried nor logged as a retry, for a signal aborted while a GET is in flight', async () => {
    const debug = vi.fn();
    const controller = new AbortController();
    const fetch = vi.fn(async () => {
      controller.abort();
      throw new TypeError('fetch failed');
    });
    const get = client(fetch, op(), { maxRetries: 2, logger: { warn: () => undefined, debug } });
    const result = await get('thing_1', { signal: controller.signal });
    expect(result.errors).toEqual([{ code: 'aborted', message: 'The request was aborted by the caller.' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(debug).not.toHaveBeenCalled();
  });

  it('logs each retry at debug level with the attempt, the status and the code', async () => {
    const debug = vi.fn();
    const logger: ClientLogger = { warn: () => undefined, debug };
    const fetch = vi.fn(async () => json({ errors: [{ code: 'unavailable', message: 'try later' }] }, 503));
    await client(fetch, op(), { maxRetries: 2, logger })('thing_1');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(debug.mock.calls).toEqual([
      ['retrying request', { operationId: 'GetThing', attempt: 1, delayMs: 0, status: 503, code: 'unavailable' }],
      ['retrying request', { operationId: 'GetThing', attempt: 2, delayMs: 0, status: 503, code: 'unavailable' }],
    ]);
  });
});

describe('responses', () => {
  it('treats 2xx as success and 300 and up as errors, even when the error body is not JSON', async () => {
    expect((await client(async () => json({ id: 'a' }, 299))('thing_1')).data).toEqual({ id: 'a' });
    expect((await client(async () => new Response('<html>', { status: 300 }))('thing_1')).errors).toEqual([
      { code: 'http_error', message: 'HTTP 300: <html>', status: 300 },
    ]);
  });

  it('refuses a 2xx body that is not JSON, with the trace id when there is one', async () => {
    const result = await client(async () => new Response('<html>', { status: 200, headers: { 'cf-ray': 'ray1' } }))('thing_1');
    expect(result.errors).toEqual([
      { code: 'json_invalid', message: 'HTTP 200 with a body that is not JSON.', status: 200, traceId: 'ray1' },
    ]);
    const bare = await client(async () => new Response('<html>'))('thing_1');
    expect(bare.errors).toEqual([{ code: 'json_invalid', message: 'HTTP 200 with a body that is not JSON.', status: 200 }]);
    expect(Object.keys(bare.errors?.[0] ?? {})).toEqual(['code', 'message', 'status']);
  });

  it('never retries a body that is not JSON or does not match its schema', async () => {
    for (const body of ['<html>', '{"id":5}']) {
      const fetch = vi.fn(async () => new Response(body));
      expect((await client(fetch, op(), { maxRetries: 2, responseValidation: 'error' })('thing_1')).errors).toBeDefined();
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it('gives text for a text operation, and undefined for an empty one', async () => {
    const def = op({ textSuccess: true });
    const once = vi.fn(async () => new Response('ok'));
    await client(once, def, { maxRetries: 2 })('thing_1');
    expect(once).toHaveBeenCalledTimes(1);
    expect((await client(async () => new Response('plain text'), def)('thing_1')).data).toBe('plain text');
    expect((await client(async () => new Response(''), def)('thing_1')).data).toBeUndefined();
  });

  it('passes data without a schema for its status, and data its shape accepts, once', async () => {
    expect((await client(async () => json({ anything: 1 }, 201), op(), { responseValidation: 'error' })('thing_1')).data).toEqual({
      anything: 1,
    });
    const once = vi.fn(async () => json({ id: 'a' }));
    expect(await client(once, op(), { maxRetries: 2, responseValidation: 'error' })('thing_1')).toMatchObject({
      data: { id: 'a' },
      status: 200,
    });
    expect(once).toHaveBeenCalledTimes(1);
    // No shape for the status: not validated, even when strict.
    const shapeless = op({ shapes: {} });
    const result = await client(async () => json({ id: 5 }), shapeless, { responseValidation: 'error' })('thing_1');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ id: 5 });
  });

  it('refuses data that does not match its schema, naming the first mismatch and the trace id', async () => {
    const strict = { responseValidation: 'error' };
    const result = await client(async () => json({ id: 5 }, 200, { 'x-clerk-trace-id': 't2' }), op(), strict)('thing_1');
    expect(result.errors?.[0]).toMatchObject({
      code: 'response_validation_failed',
      message: 'The 200 response of GetThing does not match its schema at $.id: expected string, received number 5.',
      status: 200,
      traceId: 't2',
    });
    const bare = await client(async () => json({ id: 5 }), op(), strict)('thing_1');
    expect('traceId' in (bare.errors?.[0] ?? {})).toBe(false);
  });

  it('warns instead in warn mode, and skips validation when off', async () => {
    const warn = vi.fn();
    const warned = await client(async () => json({ id: 5 }), op(), { responseValidation: 'warn', logger: { warn } })('thing_1');
    expect(warned.data).toEqual({ id: 5 });
    expect(warned.warnings).toEqual([{ path: '$.id', expected: 'string', received: 'number 5' }]);
    expect(warn).toHaveBeenCalledWith(
      'The 200 response of GetThing does not match its schema at $.id: expected string, received number 5.',
      expect.objectContaining({ operationId: 'GetThing', status: 200 }),
    );
    expect((await client(async () => json({ id: 5 }), op(), { responseValidation: 'off' })('thing_1')).data).toEqual({ id: 5 });
  });
});

describe('per-call options', () => {
  const get = client(async () => json({ id: 'a' }));

  it.each([
    ['options that are not an object', 'fast', 'Invalid request options: request options must be an object'],
    ['null options', null, 'Invalid request options: request options must be an object'],
    ['a signal that is not an AbortSignal', { signal: {} }, 'Invalid request options: signal must be an AbortSignal'],
    ['a zero timeout', { timeoutMs: 0 }, 'Invalid request options: timeoutMs must be a number between 1 and 2147483647.'],
    ['fractional retries', { maxRetries: 0.5 }, 'Invalid request options: maxRetries must be an integer between 0 and 10.'],
    [
      'a header value with a newline',
      { headers: { 'x-a': 'b\nc' } },
      'Invalid request options: headers must be valid HTTP header names and values (no CR, LF or NUL); the values are not shown.',
    ],
  ])('refuses %s', async (_label, options, message) => {
    expect((await get('thing_1', options)).errors).toEqual([{ code: 'params_invalid', message }]);
  });

  it('refuses a body that is null or not an object with the full message, nothing sent', async () => {
    const fetch = vi.fn(async () => json({ id: 'x' }));
    const create = client(fetch, op({ operationId: 'CreateThing', method: 'POST', path: '/things', pathParams: [], body: 'json' }));
    for (const params of [null, 'text', 7]) {
      expect((await create(params)).errors).toEqual([
        { code: 'params_invalid', message: 'Invalid params for CreateThing: params must be an object' },
      ]);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses params that are not an object', async () => {
    const list = client(async () => json([]), op({ path: '/things', pathParams: [], query: [{ name: 'limit', explode: true }] }));
    const result = await list('limit=1');
    expect(result.errors?.[0]?.['code']).toBe('params_invalid');
    expect(result.errors?.[0]?.['message']).toMatch(/^Invalid params for GetThing: /);
  });
});
