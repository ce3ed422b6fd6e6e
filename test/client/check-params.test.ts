import { methodNameOf } from '../../src/client/operation.js';
import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { checkParamValues, suggestName } from '../../src/client/check-param-values.js';
import { checkParams } from '../../src/client/check-params.js';
import type { OperationDef } from '../../src/client/operation.js';
import type { Shape } from '../../src/kernel/shape.js';
import { operations } from '../../src/generated/operations.js';
import { sampleOf } from '../kernel/helpers/shape-sample.js';

const secretKey = 'sk_test_UNKNOWN0params0test0000000000000';

/** A client whose fetch records every request and answers 200 `{}` without touching the network. */
function recordingClient() {
  const sent: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    sent.push(input instanceof Request ? input : new Request(input, init));
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const clerk = createClerkClient({ secretKey, apiUrl: 'https://api.clerk.com', fetch, maxRetries: 0, responseValidation: 'off' });
  return { clerk, sent, methods: clerk as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<any>>> };
}

/** A wrong spelling of `name` that should lead back to it: camelCase when it has an underscore, else one letter more. */
function misspell(name: string): string {
  const camel = name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return camel !== name ? camel : `${name}x`;
}

/** The required query parameters (or top-level body fields) of an operation, as its params shape lists them. */
function requiredQuery(op: OperationDef): readonly string[] {
  const shape = op.params as Extract<Shape, readonly ['object', ...unknown[]]> | undefined;
  if (shape === undefined) return [];
  // A count stands for the first keys of the properties (src/kernel/shape.ts).
  return typeof shape[2] === 'number' ? Object.keys(shape[1]).slice(0, shape[2]) : shape[2];
}

describe('unknown query parameters', () => {
  const withQuery = operations.filter((op) => op.query.length > 0);

  it('covers every operation that has query parameters', () => {
    expect(withQuery.length).toBeGreaterThan(25);
  });

  it.each(withQuery.map((op) => [op.operationId, op] as const))('%s refuses a misspelt query key and sends nothing', async (_, op) => {
    const { methods, sent } = recordingClient();
    const name = op.query[0]!.name;
    const wrong = misspell(name);
    const params: Record<string, unknown> = { [wrong]: 'value' };
    for (const required of requiredQuery(op)) params[required] = 'x';
    const result = await methods[op.namespace]![methodNameOf(op)]!(...op.pathParams.map(() => 'id_1'), params);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', meta: { param: wrong, location: 'query', suggestion: name } });
    expect(result.errors?.[0].message).toContain(`${wrong} (did you mean ${name}?)`);
  });

  it('refuses the camelCase filter of the issue before a single user is listed', async () => {
    const { clerk, sent } = recordingClient();
    const params = { emailAddress: ['a@b.c'] } as unknown as Parameters<typeof clerk.users.getUserList>[0];
    const result = await clerk.users.getUserList(params);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].meta).toEqual({ param: 'emailAddress', location: 'query', reason: 'unknown', suggestion: 'email_address' });
  });

  it('names no suggestion when nothing resembles the key', async () => {
    const { clerk } = recordingClient();
    const result = await clerk.users.getUserList({ zzzzqqqq: 1 } as never);
    expect(result.errors?.[0].meta).toEqual({ param: 'zzzzqqqq', location: 'query', reason: 'unknown' });
  });

  it('sends documented keys unchanged', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.getUserList({ email_address: ['a@b.c'], limit: 5 });
    expect(result.errors).toBeUndefined();
    expect(new URL(sent[0]!.url).search).toBe('?email_address=a%40b.c&limit=5');
  });

  it('sends undocumented keys given on purpose in extraQuery, also on operations without query parameters', async () => {
    const { clerk, sent } = recordingClient();
    await clerk.users.getUserList({ limit: 5 }, { extraQuery: { beta_filter: 'on' } });
    await clerk.users.getUser('user_1', { extraQuery: { expand: 'x' } });
    expect(new URL(sent[0]!.url).search).toBe('?limit=5&beta_filter=on');
    expect(new URL(sent[1]!.url).search).toBe('?expand=x');
  });

  it('refuses extras that are not plain objects', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.getUserList({}, { extraQuery: 'beta=1' as never });
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].code).toBe('params_invalid');
  });
});

describe('missing required parameters', () => {
  it('refuse a missing required query parameter before sending', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.apiKeys.getApiKeys({} as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', meta: { param: 'subject', location: 'query', reason: 'missing' } });
  });

  it('refuse a body without a required field, and accept it once given', async () => {
    const { clerk, sent } = recordingClient();
    const missing = await clerk.organizations.createOrganization({ slug: 'acme' } as never);
    expect(missing.errors?.[0].meta).toEqual({ param: 'name', location: 'body', reason: 'missing' });
    expect(sent).toHaveLength(0);
    const given = await clerk.organizations.createOrganization({ name: 'Acme', slug: 'acme' });
    expect(given.errors).toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});

describe('unreadable params', () => {
  it('give params_invalid instead of an exception when reading their keys throws', async () => {
    const { clerk, sent } = recordingClient();
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const result = await clerk.users.getUserList(hostile as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', message: expect.stringContaining('could not be read') });
  });
});

describe('unknown body fields', () => {
  it('has a params shape for every operation with a body or query parameters', () => {
    for (const op of operations.filter((o) => o.body || o.query.length > 0)) expect(op.params, op.operationId).toBeDefined();
  });

  it('refuses a camelCase body field with the spec name it resembles', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.createUser({ firstName: 'Ada' } as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0]).toMatchObject({
      code: 'params_invalid',
      meta: { param: 'firstName', location: 'body', suggestion: 'first_name' },
    });
  });

  it('refuses an unknown field inside an item of a list body, naming its path', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.invitations.createBulkInvitations([{ email_address: 'a@b.c' }, { emailAddress: 'c@d.e' }] as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].meta).toEqual({
      param: '[1].emailAddress',
      location: 'body',
      reason: 'unknown',
      suggestion: 'email_address',
    });
  });

  it('leaves free-form objects such as metadata open', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.createUser({ first_name: 'Ada', public_metadata: { anyKey: { nested: true } } });
    expect(result.errors).toBeUndefined();
    expect(await sent[0]!.json()).toEqual({ first_name: 'Ada', public_metadata: { anyKey: { nested: true } } });
  });

  it('merges extraBody over the checked body', async () => {
    const { clerk, sent } = recordingClient();
    await clerk.users.createUser({ first_name: 'Ada' }, { extraBody: { beta_field: 1 } });
    expect(await sent[0]!.json()).toEqual({ first_name: 'Ada', beta_field: 1 });
  });

  it('refuses unknown multipart fields too', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.setUserProfileImage('user_1', { picture: new Blob(['x']) } as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].meta).toMatchObject({ param: 'picture', location: 'body' });
  });
});

describe('suggestName', () => {
  it('matches names that differ only in case and separators', () => {
    expect(suggestName('emailAddress', ['limit', 'email_address'])).toBe('email_address');
    expect(suggestName('Order-By', ['order_by'])).toBe('order_by');
  });

  it('suggests the nearest name within two edits, and nothing further away', () => {
    expect(suggestName('ofset', ['limit', 'offset'])).toBe('offset');
    expect(suggestName('query', ['limit', 'offset'])).toBeUndefined();
  });

  it('suggests nothing for a key over 100 characters (the edit distance is bounded), unless it normalises to a name', () => {
    expect(suggestName(`${'x'.repeat(100)}offset`, ['offset'])).toBeUndefined();
    expect(suggestName(`${'_'.repeat(200)}offset`, ['offset'])).toBe('offset');
  });
});

describe('param values', () => {
  const withParams = operations.filter((op) => op.params !== undefined);

  it.each(withParams.map((op) => [op.operationId, op] as const))(
    '%s accepts params that follow its types exactly, every optional field given',
    (_, op) => {
      const params = sampleOf(op.params!);
      expect(checkParams(op, params, undefined, checkParamValues).errors).toBeUndefined();
    },
  );

  it.each(operations.filter((op) => op.query.length > 0).map((op) => [op.operationId, op] as const))(
    '%s refuses a query value of the wrong type and sends nothing',
    async (_, op) => {
      const { methods, sent } = recordingClient();
      const valid = sampleOf(op.params!) as Record<string, unknown>;
      const name = op.query[0]!.name;
      const result = await methods[op.namespace]![methodNameOf(op)]!(...op.pathParams.map(() => 'id_1'), {
        ...valid,
        [name]: { nested: 1 },
      });
      expect(sent).toHaveLength(0);
      expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', meta: { param: name, location: 'query', reason: 'type' } });
    },
  );

  it('refuses a string where the types say number, naming what was expected', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.getUserList({ limit: '10' } as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].meta).toEqual({
      param: 'limit',
      location: 'query',
      reason: 'type',
      expected: 'number',
      received: 'a string',
    });
    expect(result.errors?.[0].message).toBe('Invalid params for GetUserList: The query parameter limit must be number, not a string.');
  });

  it('refuses a value outside a request enum, although response enums are open', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.organizationMemberships.createOrganizationMembership('org_1', { user_id: 'user_1', role: 7 } as never);
    expect(result.errors?.[0].meta).toMatchObject({ param: 'role', reason: 'type' });
    const invitation = await clerk.invitations.createInvitation({ email_address: 'a@b.c', template_slug: 'welcome' as never });
    expect(invitation.errors?.[0].meta).toMatchObject({
      param: 'template_slug',
      reason: 'type',
      expected: 'one of "invitation", "waitlist_invitation"',
    });
    expect(sent).toHaveLength(0);
  });

  it('checks the items of a list body and nested fields, by path', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.invitations.createBulkInvitations([{ email_address: 'a@b.c' }, { email_address: 42 }] as never);
    expect(sent).toHaveLength(0);
    expect(result.errors?.[0].meta).toMatchObject({ param: '[1].email_address', location: 'body', reason: 'type', expected: 'string' });
  });

  it('never quotes the refused value, which may be a secret', async () => {
    const { clerk } = recordingClient();
    const result = await clerk.users.createUser({ password: 31_415_926_535 } as never);
    expect(result.errors?.[0].meta).toMatchObject({ param: 'password', reason: 'type', received: 'a number' });
    expect(JSON.stringify(result)).not.toContain('31415926535');
  });

  it('treats undefined as absent and null as a value, as JSON and the query serialiser do', async () => {
    const { clerk, sent } = recordingClient();
    expect((await clerk.users.getUserList({ limit: undefined, offset: 2 } as never)).errors).toBeUndefined();
    expect(new URL(sent[0]!.url).search).toBe('?offset=2');
    const withNull = await clerk.users.getUserList({ limit: null } as never);
    expect(withNull.errors?.[0].meta).toMatchObject({ param: 'limit', reason: 'type', received: 'null' });
  });

  it('accepts a Blob or a Uint8Array for an upload, and nothing else', async () => {
    const { clerk, sent } = recordingClient();
    expect((await clerk.users.setUserProfileImage('user_1', { file: new Blob(['x']) })).errors).toBeUndefined();
    expect((await clerk.users.setUserProfileImage('user_1', { file: new Uint8Array([1]) })).errors).toBeUndefined();
    const text = await clerk.users.setUserProfileImage('user_1', { file: 'data:image/png;base64,AAAA' } as never);
    expect(text.errors?.[0].meta).toMatchObject({ param: 'file', reason: 'type', expected: 'a Blob or a Uint8Array' });
    expect(sent).toHaveLength(2);
  });

  it('refuses params that are not an object, and checks a required body even when it is left out', async () => {
    const { clerk, sent } = recordingClient();
    const list = await clerk.users.getUserList('limit=10' as never);
    expect(list.errors?.[0].message).toBe('Invalid params for GetUserList: params must be an object, not a string.');
    // A body the spec requires, with required fields: left out, its first required field is missing.
    const op = operations.find((o) => o.bodyRequired && requiredQuery(o).length > 0 && o.pathParams.length === 0)!;
    const methods = clerk as unknown as Record<string, Record<string, (params?: unknown) => Promise<any>>>;
    const omitted = await methods[op.namespace]![methodNameOf(op)]!(undefined);
    expect(omitted.errors?.[0].meta).toEqual({ param: requiredQuery(op)[0], location: 'body', reason: 'missing' });
    expect(sent).toHaveLength(0);
  });

  it('lets a required field come through extraBody', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.organizations.createOrganization({ slug: 'acme' } as never, { extraBody: { name: 'Acme' } });
    expect(result.errors).toBeUndefined();
    expect(await sent[0]!.json()).toEqual({ slug: 'acme', name: 'Acme' });
  });
});

describe('param refusals, word for word', () => {
  it('describe a wrong value by its kind only', async () => {
    const { clerk } = recordingClient();
    const kinds: Array<[unknown, string]> = [
      [[1], 'an array'],
      [{ n: 1 }, 'an object'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [true, 'a boolean'],
      [null, 'null'],
      [10n, 'a bigint'],
    ];
    for (const [value, received] of kinds) {
      const result = await clerk.users.getUserList({ limit: value } as never);
      expect(result.errors?.[0].meta, String(value)).toMatchObject({ param: 'limit', received });
      expect(result.errors?.[0].message).toBe(`Invalid params for GetUserList: The query parameter limit must be number, not ${received}.`);
    }
    const text = await clerk.users.getUserList({ banned: 'yes' } as never);
    expect(text.errors?.[0].meta).toMatchObject({ param: 'banned', expected: 'boolean', received: 'a string' });
  });

  it('name the escape hatch of the place the key was found, and the spec name when one resembles it', async () => {
    const { clerk } = recordingClient();
    const body = await clerk.users.createUser({ firstName: 'Ada' } as never);
    expect(body.errors?.[0].message).toBe(
      'Invalid params for CreateUser: Unknown body parameter firstName (did you mean first_name?); pass it in the request option extraBody to send it anyway.',
    );
    const query = await clerk.users.getUserList({ zzzzqqqq: 1 } as never);
    expect(query.errors?.[0].message).toBe(
      'Invalid params for GetUserList: Unknown query parameter zzzzqqqq; pass it in the request option extraQuery to send it anyway.',
    );
  });

  it('say which required parameter is missing', async () => {
    const { clerk } = recordingClient();
    const result = await clerk.apiKeys.getApiKeys({} as never);
    expect(result.errors?.[0].message).toBe('Invalid params for getApiKeys: Missing required query parameter subject.');
  });

  it('let extraQuery give a required query parameter, but never excuse a wrong value', async () => {
    const { clerk, sent } = recordingClient();
    const given = await clerk.apiKeys.getApiKeys({} as never, { extraQuery: { subject: 'user_1' } });
    expect(given.errors).toBeUndefined();
    expect(new URL(sent[0]!.url).searchParams.get('subject')).toBe('user_1');
    const wrong = await clerk.users.getUserList({ limit: 'ten' } as never, { extraQuery: { limit: 10 } });
    expect(wrong.errors?.[0].meta).toMatchObject({ param: 'limit', reason: 'type' });
    expect(sent).toHaveLength(1);
  });

  it('refuse params that are not an object for a query operation, and a list body merged with extraBody', async () => {
    const { clerk, sent } = recordingClient();
    const list = await clerk.users.getUserList(['limit'] as never);
    expect(list.errors?.[0].message).toBe('Invalid params for GetUserList: params must be an object, not an array.');
    const merged = await clerk.invitations.createBulkInvitations([{ email_address: 'a@b.c' }], { extraBody: { notify: true } });
    expect(merged.errors?.[0].message).toBe('Invalid params for CreateBulkInvitations: extraBody cannot be merged into a list body.');
    const extras = await clerk.users.getUserList({}, { extraBody: [] as never });
    expect(extras.errors?.[0].message).toBe('Invalid params for GetUserList: extraQuery and extraBody must be plain objects.');
    expect(sent).toHaveLength(0);
  });

  it('send extraBody alone when the body is left out, and a FormData body as it is', async () => {
    const { clerk, sent } = recordingClient();
    await clerk.users.updateUser('user_1', undefined as never, { extraBody: { beta: 1 } });
    expect(await sent[0]!.json()).toEqual({ beta: 1 });
    const form = new FormData();
    form.append('anything', 'goes');
    expect((await clerk.users.setUserProfileImage('user_1', form as never)).errors).toBeUndefined();
    expect(await sent[1]!.formData()).toEqual(form);
  });

  it('leave an absent body that the spec does not require unchecked', async () => {
    const op = operations.find((o) => o.body === 'json' && !o.bodyRequired && requiredQuery(o).length > 0)!;
    expect(checkParamValues(op, undefined, undefined)).toBeUndefined();
    expect(checkParamValues(op, {}, undefined)?.errors?.[0]?.meta).toMatchObject({ reason: 'missing' });
  });
});

/** A made-up body operation with a closed nested object, to reach the paths no generated operation has. */
const nestedDef: OperationDef = {
  operationId: 'UpdateSettings',
  namespace: 'settings',
  method: 'PATCH',
  path: '/settings',
  pathParams: [],
  query: [],
  body: 'json',
  params: ['object', { settings: ['object', { email_address: 'string', mode: 'string' }, ['mode'], 0] }, [], 0],
};

describe('nested params', () => {
  it('suggest the spec name for the last key of a nested path only', () => {
    const refused = checkParamValues(nestedDef, { settings: { mode: 'on', emailAddress: 'a@b.c' } }, undefined);
    expect(refused?.errors?.[0]?.meta).toEqual({
      param: 'settings.emailAddress',
      location: 'body',
      reason: 'unknown',
      suggestion: 'email_address',
    });
  });

  it('let only a top-level required field come through the escape hatch', () => {
    const refused = checkParamValues(nestedDef, { settings: {} }, { settings: { mode: 'on' } });
    expect(refused?.errors?.[0]?.meta).toEqual({ param: 'settings.mode', location: 'body', reason: 'missing' });
  });
});

describe('refusal details', () => {
  it('carry no suggestion key when nothing resembles the key', async () => {
    const { clerk } = recordingClient();
    const result = await clerk.users.getUserList({ zzzzqqqq: 1 } as never);
    expect(Object.keys(result.errors?.[0].meta ?? {})).toEqual(['param', 'location', 'reason']);
  });

  it('describe an undefined item of a list as undefined', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.getUserList({ email_address: [undefined] } as never);
    expect(result.errors?.[0].meta).toMatchObject({ param: 'email_address[0]', reason: 'type', received: 'undefined' });
    expect(sent).toHaveLength(0);
  });

  it('refuse null extras', async () => {
    const { clerk, sent } = recordingClient();
    const result = await clerk.users.getUserList({}, { extraQuery: null as never });
    expect(result.errors?.[0].message).toBe('Invalid params for GetUserList: extraQuery and extraBody must be plain objects.');
    expect(sent).toHaveLength(0);
  });
});

describe('FormData params', () => {
  it('are sent as they are on an upload, extraBody and all left out', async () => {
    const { clerk, sent } = recordingClient();
    const form = new FormData();
    form.append('anything', 'goes');
    const result = await clerk.users.setUserProfileImage('user_1', form as never, { extraBody: { beta: '1' } });
    expect(result.errors).toBeUndefined();
    expect(await sent[0]!.formData()).toEqual(form);
  });

  it('are refused by an operation without a body, after its values are checked', async () => {
    const { clerk, sent } = recordingClient();
    const list = await clerk.users.getUserList(new FormData() as never);
    expect(list.errors?.[0].message).toBe('Invalid params for GetUserList: params must be an object.');
    const keys = await clerk.apiKeys.getApiKeys(new FormData() as never);
    expect(keys.errors?.[0].meta).toEqual({ param: 'subject', location: 'query', reason: 'missing' });
    expect(sent).toHaveLength(0);
  });
});

describe('extraBody alone', () => {
  it('is read when the body is serialised, so a throwing getter is reported by its message', async () => {
    const { clerk, sent } = recordingClient();
    const extraBody = {
      get beta(): number {
        throw new Error('getter exploded');
      },
    };
    const result = await clerk.users.updateUser('user_1', undefined as never, { extraBody });
    expect(result.errors?.[0]).toMatchObject({ code: 'params_invalid', message: 'Invalid params for UpdateUser: getter exploded' });
    expect(sent).toHaveLength(0);
  });
});

describe('suggestName distances', () => {
  it('allows one edit for names of up to three letters, two for longer ones, never three', () => {
    expect(suggestName('lim', ['limit'])).toBeUndefined();
    expect(suggestName('lmt', ['limit'])).toBeUndefined();
    expect(suggestName('ofst', ['offset'])).toBe('offset');
    expect(suggestName('limitzzz', ['limit'])).toBeUndefined();
    expect(suggestName('limitzz', ['limit'])).toBe('limit');
    expect(suggestName('emailAddressXyz', ['email_address'])).toBeUndefined();
    expect(suggestName('emailAdres', ['email_address'])).toBe('email_address');
  });
});
