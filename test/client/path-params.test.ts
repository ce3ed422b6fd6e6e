import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/client/api-result.js';
import { fetchAttempt } from '../../src/client/attempt-fetch.js';
import { buildPath } from '../../src/client/path-params.js';
import { createFixtureClient, TEST_SECRET } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

let server: StubServer;
let elsewhere: StubServer;
beforeAll(async () => {
  server = await startStubServer((_req, res) => sendJson(res, 200, makeUser(1)));
  elsewhere = await startStubServer((_req, res) => sendJson(res, 200, makeUser(2)));
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});
beforeEach(() => {
  server.requests.length = 0;
  elsewhere.requests.length = 0;
  server.handle((_req, res) => sendJson(res, 200, makeUser(1)));
});

describe('path parameters', () => {
  it.each([
    ['an empty id', ''],
    ['a dot', '.'],
    ['a dot-dot', '..'],
    ['a slash', 'user_1/../../admin'],
    ['a backslash', 'user_1\\..\\admin'],
    ['a question mark', 'user_1?impersonate=1'],
    ['a hash', 'user_1#x'],
    ['a lone surrogate', 'user_\uD800'],
  ])('rejects %s before any request', async (_label, id) => {
    const result = await createFixtureClient(server.url).users.getUser(id);
    expect(result.errors?.[0].code).toBe('path_param_invalid');
    expect(result.errors?.[0].meta).toEqual({ param: 'user_id' });
    expect(result.status).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a non-string id from untyped callers', async () => {
    const getUser = createFixtureClient(server.url).users.getUser as unknown as (id: unknown) => Promise<ApiResult<unknown>>;
    const result = await getUser({ toString: () => 'x' });
    expect(result.errors?.[0].code).toBe('path_param_invalid');
    expect(server.requests).toHaveLength(0);
  });

  it('URL-encodes ids so that they stay one path segment', async () => {
    const clerk = createFixtureClient(server.url);
    await clerk.users.getUser('user 1%2F..&x=ü');
    expect(server.requests[0]?.url).toBe('/v1/users/user%201%252F..%26x%3D%C3%BC');
  });

  it('does not follow a redirect with the secret', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      server.handle((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/v1/users/user_1` }).end();
      });
      const result = await createFixtureClient(server.url).users.getUser('user_1');
      expect(result.errors?.[0].code).toBe('unexpected_redirect');
      expect(result.status).toBe(status);
    }
    expect(elsewhere.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(5);
  });

  it('refuses to send a request whose origin differs from the API origin', async () => {
    let calls = 0;
    const options = {
      apiOrigin: server.origin,
      maxResponseBytes: 1000,
      fetch: async () => {
        calls++;
        return new Response('{}');
      },
    };
    const outcome = await fetchAttempt(`${elsewhere.url}/v1/users`, { headers: { Authorization: `Bearer ${TEST_SECRET}` } }, options);
    expect(outcome).toEqual({ failure: 'origin_mismatch', response: undefined });
    expect(calls).toBe(0);
    // The same attempt on the API origin goes out.
    expect((await fetchAttempt(`${server.url}/v1/users`, {}, options)).failure).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('keeps every request on the API origin whatever the id', async () => {
    const seen: string[] = [];
    const clerk = createFixtureClient('https://api.clerk.com', {
      fetch: async (request) => {
        seen.push(request.url);
        return new Response(JSON.stringify(makeUser(1)), { status: 200 });
      },
    });
    for (const id of ['//evil.com', '@evil.com', 'https:', 'evil.com:443', '%2e%2e', '\u2025', 'a;b']) {
      await clerk.users.getUser(id);
    }
    for (const url of seen) expect(new URL(url).origin).toBe('https://api.clerk.com');
    expect(seen.every((url) => url.startsWith('https://api.clerk.com/v1/users/'))).toBe(true);
  });
});

describe('buildPath', () => {
  const refusal = (value: unknown) => buildPath('/users/{user_id}', ['user_id'], [value]).errors?.[0];

  it('takes a finite number as its decimal text, and refuses NaN and Infinity', () => {
    expect(buildPath('/orgs/{org_id}/members/{n}', ['org_id', 'n'], ['org_1', 42])).toEqual({ data: '/orgs/org_1/members/42' });
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(value)).toEqual({
        code: 'path_param_invalid',
        message: 'Path parameter user_id must be a string, got number.',
        meta: { param: 'user_id' },
      });
    }
  });

  it.each([
    [null, 'must be a string, got null'],
    [undefined, 'must be a string, got undefined'],
    [{}, 'must be a string, got object'],
    ['', 'must not be empty, "." or ".."'],
    ['..', 'must not be empty, "." or ".."'],
    ['a/b', 'must not contain "/", "\\", "?" or "#"'],
    ['a\uD800', 'is not well-formed Unicode'],
  ])('names why it refuses %j', (value, reason) => {
    expect(refusal(value)).toEqual({
      code: 'path_param_invalid',
      message: `Path parameter user_id ${reason}.`,
      meta: { param: 'user_id' },
    });
  });
});
