// The seven lists with a `paginated` switch (issue 16): the live API answers the bare array without it and
// { data, total_count } with it (clerk/clerk-sdk-csharp#65). A stub server answers both; the client validates each
// with the shape its request asked for.
import type { ClientOptions } from '../../src/client/client-options.js';
import { describe, expect, it } from 'vitest';
import { createClerkClient, type ApiResult } from '../../src/client/create-clerk-client.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';

const server = useStubServer();
const T = 1_700_000_000_000;
const session = {
  object: 'session',
  id: 'sess_1',
  user_id: 'user_1',
  client_id: 'client_1',
  status: 'active',
  last_active_at: T,
  expire_at: T,
  abandon_at: T,
  updated_at: T,
  created_at: T,
};

/** One valid item per list, keyed by the list's path. */
const ITEMS: Record<string, Record<string, unknown>> = {
  '/v1/clients': {
    object: 'client',
    id: 'client_1',
    session_ids: ['sess_1'],
    sessions: [session],
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: 'sess_1',
    last_authentication_strategy: null,
    updated_at: T,
    created_at: T,
  },
  '/v1/sessions': session,
  '/v1/templates/email': { object: 'template', id: 'tmpl_1', slug: 'verification_code', name: 'Verification code', template_type: 'email' },
  '/v1/invitations': {
    object: 'invitation',
    id: 'inv_1',
    email_address: 'ada@example.com',
    public_metadata: {},
    status: 'pending',
    created_at: T,
    updated_at: T,
  },
  '/v1/allowlist_identifiers': {
    object: 'allowlist_identifier',
    id: 'alid_1',
    identifier: 'ada@example.com',
    created_at: T,
    updated_at: T,
  },
  '/v1/jwt_templates': {
    object: 'jwt_template',
    id: 'jtmp_1',
    name: 'hasura',
    claims: {},
    lifetime: 60,
    allowed_clock_skew: 5,
    custom_signing_key: false,
    signing_algorithm: 'RS256',
    created_at: T,
    updated_at: T,
  },
  '/v1/redirect_urls': { object: 'redirect_url', id: 'ru_1', url: 'https://example.com/callback', created_at: T, updated_at: T },
};

type Call = (clerk: ReturnType<typeof createClerkClient>, params: { paginated?: boolean }) => Promise<ApiResult<unknown>>;
const CALLS: Array<[name: string, path: string, call: Call]> = [
  ['clients.getClientList', '/v1/clients', (clerk, params) => clerk.clients.getClientList(params)],
  ['sessions.getSessionList', '/v1/sessions', (clerk, params) => clerk.sessions.getSessionList(params)],
  ['emailSmsTemplates.getTemplateList', '/v1/templates/email', (clerk, params) => clerk.emailSmsTemplates.getTemplateList('email', params)],
  ['invitations.listInvitations', '/v1/invitations', (clerk, params) => clerk.invitations.listInvitations(params)],
  [
    'allowlistIdentifiers.listAllowlistIdentifiers',
    '/v1/allowlist_identifiers',
    (clerk, params) => clerk.allowlistIdentifiers.listAllowlistIdentifiers(params),
  ],
  ['jwtTemplates.listJwtTemplates', '/v1/jwt_templates', (clerk, params) => clerk.jwtTemplates.listJwtTemplates(params)],
  ['redirectUrls.listRedirectUrls', '/v1/redirect_urls', (clerk, params) => clerk.redirectUrls.listRedirectUrls(params)],
];

/** Answers like the live API: { data, total_count } when the query says paginated=true, the bare array otherwise. */
function answerLikeTheApi(): void {
  server.handle((request, res) => {
    const url = new URL(request.url, server.url);
    const item = ITEMS[url.pathname];
    if (!item) return sendJson(res, 404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
    const items = [item, { ...item, id: `${String(item['id'])}_2` }];
    sendJson(res, 200, url.searchParams.get('paginated') === 'true' ? { data: items, total_count: 7 } : items);
  });
}

function client(options: Partial<ClientOptions> = {}) {
  return createClerkClient({ secretKey: 'sk_test_paged0lists', apiUrl: server.url, ...options });
}

describe('lists with a paginated switch', () => {
  it.each(CALLS)('%s returns the bare list without paginated and { data, total_count } with it', async (_name, path, call) => {
    answerLikeTheApi();
    const bare = await call(client(), {});
    expect(bare.errors).toBeUndefined();
    expect(bare.data).toEqual([expect.objectContaining({ id: ITEMS[path]!['id'] }), expect.anything()]);
    const off = await call(client(), { paginated: false });
    expect(off.errors).toBeUndefined();
    expect(Array.isArray(off.data)).toBe(true);
    const paged = await call(client(), { paginated: true });
    expect(paged.errors).toBeUndefined();
    expect(paged.data).toEqual({ data: [expect.objectContaining({ id: ITEMS[path]!['id'] }), expect.anything()], total_count: 7 });
    expect(server.requests.map((request) => new URL(request.url, server.url).searchParams.get('paginated'))).toEqual([
      null,
      'false',
      'true',
    ]);
  });

  it.each(CALLS)('%s validates with the shape the request asked for, not whichever shape came back', async (_name, path, call) => {
    server.handle((_request, res) => sendJson(res, 200, [ITEMS[path]]));
    const arrayForPaged = await call(client(), { paginated: true });
    expect(arrayForPaged.errors?.[0].code).toBe('response_validation_failed');
    server.handle((_request, res) => sendJson(res, 200, { data: [ITEMS[path]], total_count: 1 }));
    const envelopeForBare = await call(client(), {});
    expect(envelopeForBare.errors?.[0].code).toBe('response_validation_failed');
  });

  it('checks the items of a paged answer, not only its envelope', async () => {
    server.handle((_request, res) => sendJson(res, 200, { data: [{ ...ITEMS['/v1/invitations'], id: 7 }], total_count: 1 }));
    const result = await client({ responseValidation: 'error' }).invitations.listInvitations({ paginated: true });
    expect(result.errors?.[0].code).toBe('response_validation_failed');
    const tolerated = await client({ logger: { warn() {} } }).invitations.listInvitations({ paginated: true });
    expect(tolerated.warnings?.map((warning) => warning.path)).toEqual(['$.data[0].id']);
    server.handle((_request, res) => sendJson(res, 200, { data: [], total_count: 'seven' }));
    const strict = client({ responseValidation: 'error' });
    expect((await strict.invitations.listInvitations({ paginated: true })).errors?.[0].code).toBe('response_validation_failed');
  });

  it('.all() collects the warnings of its pages, relative to each page', async () => {
    const invitations = [
      { ...ITEMS['/v1/invitations'], id: 'inv_0' },
      { ...ITEMS['/v1/invitations'], id: 7 },
    ];
    server.handle((_request, res) => sendJson(res, 200, { data: invitations, total_count: 2 }));
    const all = client({ logger: { warn() {} } }).invitations.listInvitations.all({ limit: 10 });
    expect((await all.toArray()).data).toHaveLength(2);
    expect(all.errors).toBeUndefined();
    expect(all.warnings).toEqual([{ path: '$.data[1].id', expected: 'string', received: 'number 7' }]);
  });

  it('.all() asks for paginated=true, exposes the total after the first page and stops at it without an empty page', async () => {
    const invitations = Array.from({ length: 4 }, (_, index) => ({ ...ITEMS['/v1/invitations'], id: `inv_${index}` }));
    server.handle((request, res) => {
      const query = new URL(request.url, server.url).searchParams;
      const offset = Number(query.get('offset'));
      const limit = Number(query.get('limit'));
      sendJson(res, 200, { data: invitations.slice(offset, offset + limit), total_count: invitations.length });
    });
    const all = client().invitations.listInvitations.all({ limit: 2, status: 'pending' });
    expect(all.totalCount).toBeUndefined();
    const ids: string[] = [];
    for await (const invitation of all) {
      ids.push(invitation.id);
      expect(all.totalCount).toBe(4);
    }
    expect(ids).toEqual(['inv_0', 'inv_1', 'inv_2', 'inv_3']);
    expect(all.errors).toBeUndefined();
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/invitations?limit=2&status=pending&paginated=true&offset=0',
      '/v1/invitations?limit=2&status=pending&paginated=true&offset=2',
    ]);
  });

  it('.all() without params still asks for the paged shape', async () => {
    server.handle((_request, res) => sendJson(res, 200, { data: [ITEMS['/v1/redirect_urls']], total_count: 1 }));
    const result = await client().redirectUrls.listRedirectUrls.all().toArray();
    expect(result.data).toHaveLength(1);
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/redirect_urls?paginated=true&offset=0']);
  });
});

describe('lists with a paginated switch, called without params', () => {
  it.each(CALLS)('%s validates the bare list', async (_name, path, call) => {
    answerLikeTheApi();
    const result = await call(client(), undefined as never);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual([expect.objectContaining({ id: ITEMS[path]!['id'] }), expect.anything()]);
  });
});
