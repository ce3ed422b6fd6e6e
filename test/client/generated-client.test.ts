import { methodNameOf } from '../../src/client/operation.js';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { operations, SPEC_VERSION } from '../../src/generated/operations.js';
import { makeClerkUser } from './fixtures/clerk-users.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';

const secretKey = 'sk_test_GENERATED0client0test000000000000';
const TOTAL = 23;
const users = Array.from({ length: TOTAL }, (_, index) => makeClerkUser(index));
const orgs = Array.from({ length: 7 }, (_, index) => ({
  object: 'organization',
  id: `org_${index}`,
  name: `Org ${index}`,
  slug: `org-${index}`,
  has_image: false,
  max_allowed_memberships: 5,
  admin_delete_enabled: true,
  public_metadata: {},
  created_at: 1_690_000_000_000,
  updated_at: 1_700_000_000_000,
}));

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((req, res) => {
    const url = new URL(req.url, server.url);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (url.pathname === '/v1/users') sendJson(res, 200, users.slice(offset, offset + limit));
    else if (url.pathname === '/v1/users/user_broken') sendJson(res, 200, { ...makeClerkUser(1), has_image: 'yes' });
    else if (url.pathname.startsWith('/v1/users/'))
      sendJson(res, 200, { ...makeClerkUser(1), id: decodeURIComponent(url.pathname.slice(10)) });
    else if (url.pathname === '/v1/public/interstitial') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>interstitial</html>');
    } else if (url.pathname === '/v1/instance') {
      res.writeHead(204);
      res.end();
    } else if (url.pathname === '/v1/organizations')
      sendJson(res, 200, { data: orgs.slice(offset, offset + limit), total_count: orgs.length });
    else sendJson(res, 404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('createClerkClient over the generated operation table', () => {
  it('exposes every generated operation as a method', () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url }) as unknown as Record<string, Record<string, unknown>>;
    for (const operation of operations) expect(typeof clerk[operation.namespace]?.[methodNameOf(operation)]).toBe('function');
    expect(operations.length).toBeGreaterThan(200);
  });

  it('gets one user, validated against the generated schema, with the spec version header', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url });
    const result = await clerk.users.getUser('user_abc');
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    expectTypeOf(result.data.id).toEqualTypeOf<string>();
    expect(result.data.id).toBe('user_abc');
    expect(server.requests[0]?.headers['clerk-api-version']).toBe(SPEC_VERSION);
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${secretKey}`);
  });

  it('iterates users.getUserList with .all', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url });
    const ids: string[] = [];
    const all = clerk.users.getUserList.all({ limit: 10 });
    for await (const user of all) ids.push(user.id);
    expect(all.errors).toBeUndefined();
    expect(ids).toEqual(users.map((user) => user['id']));
    expect(server.requests).toHaveLength(3);
  });

  it('lists organizations in the { data, total_count } form, directly and with .all', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url });
    const first = await clerk.organizations.listOrganizations({ limit: 3 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.total_count).toBe(7);
    const all = await clerk.organizations.listOrganizations.all({ limit: 3 }).toArray();
    expect(all.data?.map((org) => org.slug)).toEqual(orgs.map((org) => org.slug));
  });

  it('works against a server without the /v1 prefix when apiVersion is empty', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url, apiVersion: '' });
    await clerk.users.getUser('user_1');
    expect(server.requests[0]?.url).toBe('/users/user_1');
  });

  it('rejects a publishable key at construction', () => {
    expect(() => createClerkClient({ secretKey: 'pk_test_abc' })).toThrow(TypeError);
  });

  it('returns the text of a success documented without a JSON body (an HTML page, a 204)', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url });
    const page = await clerk.miscellaneous.getPublicInterstitial({ frontendApi: 'clerk.example.com' });
    expect(page.errors).toBeUndefined();
    expect(page.data).toBe('<html>interstitial</html>');
    expectTypeOf(page.data).toEqualTypeOf<string | undefined>();
    const updated = await clerk.instanceSettings.updateInstance({});
    expect(updated).toMatchObject({ status: 204, data: undefined });
  });

  it('returns a body whose field deviates as data, with a warning naming it', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url, logger: { warn() {} } });
    const result = await clerk.users.getUser('user_broken');
    expect(result.errors).toBeUndefined();
    expect(result.data?.has_image).toBe('yes');
    expect(result.warnings).toEqual([{ path: '$.has_image', expected: 'boolean', received: 'string "yes"' }]);
  });

  it('explains the same body under strict validation with its mismatches and the raw body', async () => {
    const clerk = createClerkClient({ secretKey, apiUrl: server.url, responseValidation: 'error' });
    const result = await clerk.users.getUser('user_broken');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]).toMatchObject({ code: 'response_validation_failed', status: 200 });
    const meta = result.errors?.[0].meta as { mismatches: Array<{ path: string }>; body: { has_image: unknown } };
    expect(meta.mismatches.map((mismatch) => mismatch.path)).toEqual(['$.has_image']);
    expect(meta.body.has_image).toBe('yes');
  });
});
