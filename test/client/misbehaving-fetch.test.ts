// An injected fetch (or a server) that misbehaves still yields a result: no hang, no exception, no secret.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFixtureClient, TEST_SECRET } from './fixtures/client.js';

const URL_BASE = 'http://127.0.0.1:9';

function clientWith(fetch: (request: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  return createFixtureClient(URL_BASE, { fetch, maxRetries: 0, timeoutMs: 100, ...extra });
}

/** A body whose source never answers. */
function endlessBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({ pull: () => new Promise<void>(() => undefined) });
}

describe('a fetch that ignores the abort signal', () => {
  it('still times out while waiting for the response', async () => {
    const started = Date.now();
    const result = await clientWith(() => new Promise<Response>(() => undefined)).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still times out while reading a body that never ends', async () => {
    const result = await clientWith(async () => new Response(endlessBody())).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('timeout');
  });

  it("honours the caller's abort while a body never ends", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const client = clientWith(async () => new Response(endlessBody()), { timeoutMs: 60_000 });
    const result = await client.users.getUser('user_1', { signal: controller.signal });
    expect(result.errors?.[0].code).toBe('aborted');
  });
});

describe('a fetch that rejects with an odd value', () => {
  it('gives network_error for a rejection without a prototype or with a throwing message', async () => {
    const oddValues: unknown[] = [
      Object.create(null),
      {
        get message(): string {
          throw new Error('boom');
        },
      },
      undefined,
      42,
    ];
    for (const value of oddValues) {
      const result = await clientWith(() => Promise.reject(value)).users.getUser('user_1');
      expect(result.errors?.[0].code).toBe('network_error');
    }
  });
});

describe('secrets echoed back', () => {
  it('are redacted from longMessage and meta as well as message', async () => {
    const echo = async (request: Request): Promise<Response> => {
      const auth = request.headers.get('authorization') ?? '';
      const body = {
        errors: [
          {
            code: 'authorization_invalid',
            message: `bad ${auth}`,
            long_message: `The key ${auth} is invalid`,
            meta: { header: auth, nested: [{ [auth]: auth }] },
          },
        ],
      };
      return new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json' } });
    };
    const result = await clientWith(echo).users.getUser('user_1');
    expect(result.errors?.[0].code).toBe('authorization_invalid');
    expect(JSON.stringify(result.errors)).not.toContain(TEST_SECRET);
    expect(inspect(result, { depth: null })).not.toContain(TEST_SECRET);
    expect(result.errors?.[0].longMessage).toContain('[redacted]');
  });

  it('are not quoted from an invalid per-call header value', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.e30.secretsignature';
    const result = await clientWith(async () => new Response('{}')).users.getUser('user_1', { headers: { 'X-Debug': `${token}\nx` } });
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(result.errors?.[0].message).not.toContain('secretsignature');
  });
});
