import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

let server: StubServer;
const TOTAL = 25;
const users = Array.from({ length: TOTAL }, (_, index) => makeUser(index));
const orgs = Array.from({ length: TOTAL }, (_, index) => ({
  id: `org_${index}`,
  object: 'organization',
  name: `Org ${index}`,
  slug: `org-${index}`,
}));

function page(url: string, defaultLimit = 10): { limit: number; offset: number } {
  const params = new URL(url, 'http://x').searchParams;
  return { limit: Number(params.get('limit') ?? defaultLimit), offset: Number(params.get('offset') ?? 0) };
}

beforeAll(async () => {
  server = await startStubServer((req, res) => {
    const { limit, offset } = page(req.url);
    if (req.url.startsWith('/v1/organizations')) sendJson(res, 200, { data: orgs.slice(offset, offset + limit), total_count: TOTAL });
    else sendJson(res, 200, users.slice(offset, offset + limit));
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('pagination', () => {
  it('iterates every user of a bare-array list and stops on the short last page', async () => {
    const clerk = createFixtureClient(server.url);
    const ids: string[] = [];
    const all = clerk.users.getUserList.all({ limit: 10, order_by: '-created_at' });
    for await (const user of all) ids.push(user.id);
    expect(ids).toEqual(users.map((user) => user['id']));
    expect(all.errors).toBeUndefined();
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/users?limit=10&order_by=-created_at&offset=0',
      '/v1/users?limit=10&order_by=-created_at&offset=10',
      '/v1/users?limit=10&order_by=-created_at&offset=20',
    ]);
  });

  it('iterates a { data, total_count } list and stops at total_count', async () => {
    const clerk = createFixtureClient(server.url);
    const result = await clerk.organizations.listOrganizations.all({ limit: 5 }).toArray();
    expect(result.data?.map((org) => org.id)).toEqual(orgs.map((org) => org.id));
    // 25 items in pages of 5: total_count ends it without asking for an empty sixth page.
    expect(server.requests).toHaveLength(5);
  });

  it('learns the page size from the first page when no limit is given', async () => {
    const ids: string[] = [];
    for await (const user of createFixtureClient(server.url).users.getUserList.all()) ids.push(user.id);
    expect(ids).toHaveLength(TOTAL);
    expect(server.requests).toHaveLength(3);
  });

  it('starts at the given offset', async () => {
    const result = await createFixtureClient(server.url).users.getUserList.all({ limit: 10, offset: 20 }).toArray();
    expect(result.data).toHaveLength(5);
  });

  it('stops and reports errors when a page fails', async () => {
    const clerk = createFixtureClient(server.url, { maxRetries: 0 });
    server.handle((req, res) => {
      const { limit, offset } = page(req.url);
      if (offset >= 10) sendJson(res, 500, { errors: [{ code: 'internal', message: 'boom' }] });
      else sendJson(res, 200, users.slice(offset, offset + limit));
    });
    const all = clerk.users.getUserList.all({ limit: 10 });
    let count = 0;
    for await (const _user of all) count++;
    expect(count).toBe(10);
    expect(all.errors?.[0]).toMatchObject({ code: 'internal', status: 500 });
    expect((await all.toArray()).errors?.[0].code).toBe('internal');
  });

  it('honours an abort between pages', async () => {
    server.handle((req, res) => {
      const { limit, offset } = page(req.url);
      sendJson(res, 200, users.slice(offset, offset + limit));
    });
    const controller = new AbortController();
    const all = createFixtureClient(server.url).users.getUserList.all({ limit: 10 }, { signal: controller.signal });
    let count = 0;
    for await (const _user of all) {
      if (++count === 10) controller.abort();
    }
    expect(count).toBe(10);
    expect(all.errors?.[0].code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('sends no more requests once the consumer breaks out of the loop', async () => {
    for await (const _user of createFixtureClient(server.url).users.getUserList.all({ limit: 10 })) break;
    expect(server.requests).toHaveLength(1);
  });

  it('refuses params that are not an object before any request', async () => {
    const before = server.requests.length;
    const result = await createFixtureClient(server.url)
      .users.getUserList.all('limit=5' as never)
      .toArray();
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(server.requests.length).toBe(before);
  });

  it('returns params_invalid, like the plain method, for params or options with a throwing getter', async () => {
    const before = server.requests.length;
    const params = {
      get limit(): number {
        throw new Error('getter exploded');
      },
    };
    const clerk = createFixtureClient(server.url);
    expect((await clerk.users.getUserList(params)).errors?.[0].code).toBe('params_invalid');
    const all = clerk.users.getUserList.all(params);
    expect((await all.toArray()).errors?.[0]).toMatchObject({
      code: 'params_invalid',
      message: expect.stringContaining('getter exploded'),
    });
    const options = {
      get signal(): AbortSignal {
        throw new Error('signal getter exploded');
      },
    };
    expect((await clerk.users.getUserList.all({ limit: 5 }, options).toArray()).errors?.[0].code).toBe('params_invalid');
    expect(server.requests.length).toBe(before);
  });
});
