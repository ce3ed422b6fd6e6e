import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createQuerySerializer } from '../../src/client/query-serializer.js';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((_req, res) => sendJson(res, 200, { data: [], total_count: 0 }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('query serialization', () => {
  it('sends 0 and false instead of dropping them', async () => {
    server.handle((_req, res) => sendJson(res, 200, []));
    await createFixtureClient(server.url).users.getUserList({ limit: 0, offset: 0, banned: false });
    expect(server.requests[0]?.url).toBe('/v1/users?limit=0&offset=0&banned=false');
  });

  it('repeats an explode:true array parameter and joins an explode:false one with commas', async () => {
    await createFixtureClient(server.url).organizationDomains.listOrganizationDomains('org_1', {
      enrollment_mode: ['manual_invitation', 'automatic_invitation'],
      domains: ['a.com', 'b.com'],
      verified: true,
    });
    expect(server.requests[0]?.url).toBe(
      '/v1/organizations/org_1/domains?enrollment_mode=manual_invitation,automatic_invitation&domains=a.com&domains=b.com&verified=true',
    );
  });

  it('repeats email_address for GetUserList and encodes reserved characters', async () => {
    server.handle((_req, res) => sendJson(res, 200, []));
    await createFixtureClient(server.url).users.getUserList({ email_address: ['a+b@x.com', 'c&d=e@x.com'], order_by: '-created_at' });
    const url = new URL(server.requests[0]?.url ?? '', server.url);
    expect(url.searchParams.getAll('email_address')).toEqual(['a+b@x.com', 'c&d=e@x.com']);
    expect(server.requests[0]?.url).toContain('email_address=a%2Bb%40x.com&email_address=c%26d%3De%40x.com');
  });

  it('skips undefined, null and empty arrays', () => {
    const serialize = createQuerySerializer([{ name: 'ids', explode: false }]);
    expect(serialize({ a: undefined, b: null, ids: [], c: '' })).toBe('c=');
  });

  it('drops undefined and null items of an array and keeps the rest', () => {
    const serialize = createQuerySerializer([{ name: 'ids', explode: false }]);
    expect(serialize({ ids: [null, 'a', undefined, 'b'], tags: [undefined, 'x', null] })).toBe('ids=a,b&tags=x');
  });

  it('sends bigints as decimal text and dates as ISO 8601', () => {
    const serialize = createQuerySerializer([]);
    expect(serialize({ n: 12345678901234567890n, at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) })).toBe(
      'n=12345678901234567890&at=2026-01-02T03%3A04%3A05.000Z',
    );
  });

  it('throws a TypeError naming the type of a value it cannot send', () => {
    const serialize = createQuerySerializer([]);
    expect(() => serialize({ a: Symbol('x') })).toThrow(new TypeError('unsupported query value of type symbol'));
    expect(() => serialize({ a: { toISOString: () => 'x' } })).toThrow(new TypeError('unsupported query value of type object'));
  });

  it('encodes commas inside explode:false values so that they cannot split an item', () => {
    const serialize = createQuerySerializer([{ name: 'ids', explode: false }]);
    expect(serialize({ ids: ['a,b', 'c'] })).toBe('ids=a%2Cb,c');
  });

  it('returns params_invalid for an object value instead of sending [object Object]', async () => {
    const result = await createFixtureClient(server.url).users.getUserList({ order_by: { x: 1 } as unknown as string });
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(server.requests).toHaveLength(0);
  });
});
