import { methodNameOf } from '../../src/client/operation.js';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/generated/operations.js';
import * as standalone from '../../src/operations.js';
import { createStandaloneOperation } from '../../src/client/standalone-operation.js';
import type { OperationDef } from '../../src/client/operation.js';
import { getUser, getUserList, setUserProfileImage } from '../../src/operations.js';
import { makeClerkUser } from './fixtures/clerk-users.js';

const SECRET = 'sk_test_standalone000000000000000000000000';

/** Options whose injected fetch records each request and answers with `body`. */
function optionsAnswering(body: unknown, status = 200) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { options: { secretKey: SECRET, apiUrl: 'https://api.example.test', fetch }, requests };
}

describe('standalone operations (clerk-bapi/operations)', () => {
  it('exports one function per operation, named as the client method', () => {
    for (const def of operations)
      expect(typeof (standalone as Record<string, unknown>)[methodNameOf(def)], methodNameOf(def)).toBe('function');
  });

  it('sends the request as the client does and returns the validated body', async () => {
    const user = makeClerkUser(7);
    const { options, requests } = optionsAnswering(user);
    const result = await getUser(options, 'user_7');
    expect(result.errors).toBeUndefined();
    expect(result.data?.id).toBe(user['id']);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/users/user_7');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
  });

  it('checks params as the client does, every operation that has them', async () => {
    const withParams = operations.filter((def) => def.params !== undefined);
    for (const def of withParams) {
      const { options, requests } = optionsAnswering({});
      const call = (
        standalone as unknown as Record<string, (...args: unknown[]) => Promise<{ errors?: Array<{ code: string; meta?: unknown }> }>>
      )[methodNameOf(def)]!;
      const result = await call(options, ...def.pathParams.map(() => 'id_1'), { not_a_param_of_any_operation: 1 });
      expect(result.errors?.[0]?.code, def.operationId).toBe('params_invalid');
      expect(requests, def.operationId).toHaveLength(0);
    }
    expect(withParams.length).toBeGreaterThan(100);
  });

  it('passes params and request options in the client positions', async () => {
    const { options, requests } = optionsAnswering([makeClerkUser(1)]);
    const result = await getUserList(options, { limit: 1 }, { headers: { 'x-trace': 'abc' } });
    expect(result.errors).toBeUndefined();
    expect(new URL(requests[0]!.url).searchParams.get('limit')).toBe('1');
    expect(requests[0]!.headers.get('x-trace')).toBe('abc');
  });

  it('returns a body that does not fit its shape with warnings, refuses it when strict, skips it when off', async () => {
    const broken = { ...makeClerkUser(2), banned: 'no' };
    const tolerant = optionsAnswering(broken);
    const warned = await getUser({ ...tolerant.options, logger: { warn() {} } }, 'user_2');
    expect(warned.data).toEqual(broken);
    expect(warned.warnings).toEqual([{ path: '$.banned', expected: 'boolean', received: 'string "no"' }]);
    const { options } = optionsAnswering(broken);
    const result = await getUser({ ...options, responseValidation: 'error' }, 'user_2');
    expect(result.errors?.[0]?.code).toBe('response_validation_failed');
    expect(result.errors?.[0]?.meta?.['mismatches']).toEqual([{ path: '$.banned', expected: 'boolean', received: 'string "no"' }]);
    const lax = optionsAnswering(broken);
    expect((await getUser({ ...lax.options, responseValidation: 'off' }, 'user_2')).data).toEqual(broken);
  });

  it('turns an API error into a result, and bad options into a TypeError', async () => {
    const { options } = optionsAnswering({ errors: [{ code: 'resource_not_found', message: 'not found' }] }, 404);
    const missing = await getUser(options, 'user_3');
    expect(missing.errors?.[0]).toMatchObject({ code: 'resource_not_found', status: 404 });
    expect(() => getUser({ secretKey: 'pk_test_not_a_secret' }, 'user_3')).toThrow(TypeError);
  });

  it('sends a multipart body as form data: the generated function brings its own encoder', async () => {
    const { options, requests } = optionsAnswering(makeClerkUser(4));
    const result = await setUserProfileImage(options, 'user_4', { file: new Uint8Array([104, 105]) });
    expect(result.errors).toBeUndefined();
    const form = await requests[0]!.formData();
    expect(await (form.get('file') as File).text()).toBe('hi');
  });

  it('refuses to run a multipart operation built without the encoder (a generator bug), sending nothing', () => {
    const def: OperationDef = {
      operationId: 'Upload',
      namespace: 'things',
      method: 'POST',
      path: '/things',
      pathParams: [],
      query: [],
      body: 'multipart',
    };
    const { options, requests } = optionsAnswering({});
    const upload = createStandaloneOperation(def, '2026-05-12') as unknown as (...args: unknown[]) => unknown;
    expect(() => upload(options, { file: new Blob(['x']) })).toThrow(
      new TypeError('Upload takes a multipart body but was prepared without encodeMultipart.'),
    );
    expect(requests).toHaveLength(0);
  });

  it('reads an options object once, on its first call, and reuses what it built', async () => {
    const { options, requests } = optionsAnswering(makeClerkUser(4));
    let reads = 0;
    const counted = {
      ...options,
      get secretKey(): string {
        reads++;
        return SECRET;
      },
    };
    expect((await getUser(counted, 'user_4')).errors).toBeUndefined();
    const firstReads = reads;
    expect(firstReads).toBeGreaterThan(0);
    expect((await getUser(counted, 'user_4')).errors).toBeUndefined();
    expect(reads).toBe(firstReads);
    expect(requests).toHaveLength(2);
  });
});
