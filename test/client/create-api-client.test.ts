import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/create-api-client.js';
import type { OperationDef } from '../../src/client/operation.js';
import { createFixtureClient, TEST_SECRET } from './fixtures/client.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

const server = useStubServer();

describe('createApiClient calls', () => {
  it('sends a GET with the path param in place and returns the parsed user', async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(1), { 'x-clerk-trace-id': 'trace_ok' }));
    const clerk = createFixtureClient(server.url);
    const result = await clerk.users.getUser('user_123');
    expect(result.errors).toBeUndefined();
    expect(result.data?.id).toBe(makeUser(1)['id']);
    expect(result.status).toBe(200);
    expect(result.traceId).toBe('trace_ok');
    expect(result.response).toBeInstanceOf(Response);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/v1/users/user_123');
  });

  it('sends the Authorization, Clerk-API-Version, User-Agent and Accept headers', async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(1)));
    const clerk = createFixtureClient(server.url, { userAgent: 'my-app/1.0' });
    await clerk.users.getUser('user_1', { headers: { 'X-Request-Id': 'abc', Authorization: 'Bearer other' } });
    const headers = server.requests[0]?.headers;
    expect(headers?.['authorization']).toBe(`Bearer ${TEST_SECRET}`);
    expect(headers?.['clerk-api-version']).toBe('2026-05-12');
    expect(headers?.['user-agent']).toBe('my-app/1.0');
    expect(headers?.['accept']).toBe('application/json');
    expect(headers?.['x-request-id']).toBe('abc');
  });

  it("lets the caller's Content-Type and User-Agent win, but never its Accept, Clerk-API-Version or Authorization", async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(2)));
    const headers = new Headers({
      'Content-Type': 'application/merge-patch+json',
      'User-Agent': 'caller/2',
      Accept: 'text/html',
      'Clerk-API-Version': '1999-01-01',
      authorization: 'Bearer sk_test_someoneelse',
    });
    await createFixtureClient(server.url).users.updateUser('user_2', { first_name: 'Ada' }, { headers });
    const sent = server.requests[0]?.headers;
    expect(sent).toMatchObject({
      'content-type': 'application/merge-patch+json',
      'user-agent': 'caller/2',
      accept: 'application/json',
      'clerk-api-version': '2026-05-12',
      authorization: `Bearer ${TEST_SECRET}`,
    });
    server.requests.length = 0;
    await createFixtureClient(server.url).users.getUser('user_2');
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('sends params as the JSON body of a PATCH, after the positional path param', async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(2)));
    const clerk = createFixtureClient(server.url);
    const result = await clerk.users.updateUser('user_2', { first_name: 'Ada' });
    expect(result.errors).toBeUndefined();
    const request = server.requests[0];
    expect(request?.method).toBe('PATCH');
    expect(request?.url).toBe('/v1/users/user_2');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual({ first_name: 'Ada' });
  });

  it('sends params of an operation without a body as the query string', async () => {
    server.handle((_req, res) => sendJson(res, 200, []));
    const clerk = createFixtureClient(server.url);
    await clerk.users.getUserList({ limit: 10, order_by: '-created_at' });
    expect(server.requests[0]?.url).toBe('/v1/users?limit=10&order_by=-created_at');
  });

  it('fills several path params in path order', async () => {
    server.handle((_req, res) => {
      res.writeHead(204).end();
    });
    const clerk = createFixtureClient(server.url);
    const result = await clerk.invitations.revokeInvitation('org_1', 'inv_2');
    expect(result).toMatchObject({ data: undefined, status: 204 });
    expect(result.errors).toBeUndefined();
    expect(server.requests[0]?.url).toBe('/v1/organizations/org_1/invitations/inv_2/revoke');
  });

  it('adds no version segment when apiVersion is empty', async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(1)));
    const clerk = createFixtureClient(`${server.url}/`, { apiVersion: '' });
    await clerk.users.getUser('user_1');
    expect(server.requests[0]?.url).toBe('/users/user_1');
  });

  it('keeps a base path of apiUrl', async () => {
    server.handle((_req, res) => sendJson(res, 200, makeUser(1)));
    const clerk = createFixtureClient(`${server.url}/proxy/clerk`, { apiVersion: 'v2' });
    await clerk.users.getUser('user_1');
    expect(server.requests[0]?.url).toBe('/proxy/clerk/v2/users/user_1');
  });

  it('looks up globalThis.fetch lazily at request time', async () => {
    const clerk = createFixtureClient(server.url);
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (async (request: Request) => {
      seen.push(request.url);
      return new Response(JSON.stringify(makeUser(1)), { status: 200 });
    }) as typeof fetch;
    try {
      const result = await clerk.users.getUser('user_1');
      expect(result.errors).toBeUndefined();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual([`${server.url}/v1/users/user_1`]);
    expect(server.requests).toHaveLength(0);
  });

  it('uses an injected fetch', async () => {
    let calls = 0;
    const clerk = createFixtureClient('https://api.clerk.com', {
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify(makeUser(1)), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const result = await clerk.users.getUser('user_1');
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('returns params_invalid instead of throwing for bad request options', async () => {
    const clerk = createFixtureClient(server.url);
    const result = await clerk.users.getUser('user_1', { timeoutMs: -1 });
    expect(result.errors?.[0].code).toBe('params_invalid');
    const badHeader = await clerk.users.getUser('user_1', { headers: { 'x-a': 'b\r\nInjected: yes' } });
    expect(badHeader.errors?.[0].code).toBe('params_invalid');
    expect(server.requests).toHaveLength(0);
  });

  it('returns params_invalid for a body that cannot be serialised', async () => {
    const clerk = createFixtureClient(server.url);
    const result = await clerk.users.updateUser('user_1', { first_name: 1n as unknown as string });
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(server.requests).toHaveLength(0);
  });
});

describe('createApiClient methods', () => {
  const base = { namespace: 'things', method: 'GET', query: [{ name: 'limit', explode: true }], shapes: {} } as const;
  const getThing: OperationDef = {
    ...base,
    operationId: 'GetThing',
    path: '/things/{id}',
    pathParams: ['id'],
    query: [],
  };
  const listThings: OperationDef = {
    ...base,
    operationId: 'ListThings',
    path: '/things',
    pathParams: [],
    pagination: 'array',
  };

  type Refusal = { errors?: unknown };
  type Method = ((params?: unknown) => Promise<Refusal>) & { all?: (params?: unknown) => { toArray(): Promise<Refusal> } };

  /** The `things` namespace of a client over `defs`, whose fetch records every URL it is asked for. */
  function things(defs: OperationDef[], sent: string[] = []): Record<string, Method> {
    const api = createApiClient<unknown, unknown>(defs, '2026-05-12', {
      secretKey: TEST_SECRET,
      maxRetries: 0,
      fetch: async (request: Request) => {
        sent.push(request.url);
        return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    }) as unknown as Record<string, Record<string, Method>>;
    return api['things'] ?? {};
  }

  it('gives .all (enumerable) to paginated lists only', () => {
    const methods = things([getThing, listThings]);
    expect(Object.keys(methods['listThings'] ?? {})).toEqual(['all']);
    expect('all' in (methods['getThing'] ?? {})).toBe(false);
  });

  it.each([
    ['a namespace', { ...getThing, namespace: 'toJSON' }, 'toJSON.getThing'],
    ['a method', { ...getThing, operationId: 'Then' }, 'things.then'],
  ])('throws for %s with a reserved name', (_label, def, name) => {
    expect(() => things([def])).toThrow(new TypeError(`createApiClient: ${name} uses a reserved name.`));
  });

  it('.all refuses null params before any request', async () => {
    const sent: string[] = [];
    const list = things([listThings], sent)['listThings'];
    expect((await list?.all?.(null).toArray())?.errors).toEqual([
      { code: 'params_invalid', message: 'Invalid params for a paginated list: params must be an object.' },
    ]);
    expect(sent).toEqual([]);
  });

  it('.all and the plain method describe a getter that throws a non-Error with a fallback', async () => {
    const sent: string[] = [];
    const list = things([listThings], sent)['listThings'];
    const params = {
      get limit(): number {
        throw 42;
      },
    };
    const refused = [{ code: 'params_invalid', message: 'Invalid params for ListThings: a value could not be read' }];
    expect((await list?.all?.(params).toArray())?.errors).toEqual(refused);
    expect((await list?.(params))?.errors).toEqual(refused);
    expect(sent).toEqual([]);
  });
});
