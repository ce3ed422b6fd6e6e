import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createClerkClient } from '../../src/index.js';

const SECRET = 'sk_test_rawrequest0123456789abcdef';

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
}

/** A client whose fetch records each request and answers from `answer` (default: 200 `{}`). */
function clientWith(answer: (seen: Seen, n: number) => Response = () => Response.json({})) {
  const seen: Seen[] = [];
  const clerk = createClerkClient({
    secretKey: SECRET,
    backoff: { initialDelayMs: 1, maxDelayMs: 1 },
    fetch: async (request) => {
      const entry = {
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body: await request.text(),
      };
      seen.push(entry);
      return answer(entry, seen.length);
    },
  });
  return { clerk, seen };
}

describe('clerk.request (endpoints the spec lacks)', () => {
  it('sends DELETE /invitations/{id} with the client auth and returns the body unvalidated', async () => {
    const { clerk, seen } = clientWith(() => Response.json({ id: 'inv_1', object: 'invitation', deleted: true, extra: [1] }));
    const result = await clerk.request({ method: 'DELETE', path: '/invitations/{id}', pathParams: { id: 'inv_1' } });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ id: 'inv_1', object: 'invitation', deleted: true, extra: [1] });
    expect(seen).toEqual([
      {
        method: 'DELETE',
        url: 'https://api.clerk.com/v1/invitations/inv_1',
        authorization: `Bearer ${SECRET}`,
        contentType: null,
        body: '',
      },
    ]);
  });

  it('serialises query and JSON body as the generated methods do', async () => {
    const { clerk, seen } = clientWith();
    await clerk.request({ method: 'GET', path: '/beta/things', query: { id: ['a', 'b'], limit: 0, skip: undefined } });
    await clerk.request({ method: 'POST', path: '/beta/things', query: { dry_run: true }, body: { name: 'x y' } });
    expect(seen[0]).toMatchObject({ url: 'https://api.clerk.com/v1/beta/things?id=a&id=b&limit=0', body: '' });
    expect(seen[1]).toMatchObject({
      method: 'POST',
      url: 'https://api.clerk.com/v1/beta/things?dry_run=true',
      contentType: 'application/json',
      body: '{"name":"x y"}',
    });
  });

  it('retries a GET on 503 and not a POST, as every method does', async () => {
    const flaky = (_seen: Seen, n: number) => (n === 1 ? Response.json({ errors: [] }, { status: 503 }) : Response.json({ ok: true }));
    const get = clientWith(flaky);
    expect((await get.clerk.request({ method: 'GET', path: '/x' })).data).toEqual({ ok: true });
    expect(get.seen).toHaveLength(2);
    const post = clientWith(flaky);
    expect((await post.clerk.request({ method: 'POST', path: '/x', body: {} })).status).toBe(503);
    expect(post.seen).toHaveLength(1);
  });

  it('gives Clerk errors as a result and redacts the secret from them', async () => {
    const { clerk } = clientWith(() =>
      Response.json(
        { errors: [{ code: 'resource_not_found', message: `not found for ${SECRET}`, long_message: 'gone' }] },
        { status: 404 },
      ),
    );
    const result = await clerk.request({ method: 'DELETE', path: '/invitations/inv_404' });
    expect(result.errors?.[0]).toMatchObject({ code: 'resource_not_found', status: 404 });
    expect(JSON.stringify(result.errors)).not.toContain(SECRET);
  });

  it('applies the per-call timeout', async () => {
    const { clerk } = clientWith();
    const slow = createClerkClient({
      secretKey: SECRET,
      maxRetries: 0,
      fetch: (request) => new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
    });
    const result = await slow.request({ method: 'GET', path: '/slow' }, { timeoutMs: 20 });
    expect(result.errors?.[0].code).toBe('timeout');
    expect(typeof clerk.request).toBe('function');
  });

  it.each([
    [{ method: 'GET', path: 'invitations' }, 'single "/"'],
    [{ method: 'GET', path: '//evil.example.com/x' }, 'single "/"'],
    [{ method: 'GET', path: '/users/../oauth' }, '".."'],
    [{ method: 'GET', path: '/users/%2e%2e/x' }, '".."'],
    [{ method: 'GET', path: '/users?limit=1' }, '"?"'],
    [{ method: 'TRACE', path: '/users' }, 'method must be'],
    [{ method: 'GET', path: '/users/{id}', pathParams: { id: '../x' } }, 'Path parameter id'],
    [{ method: 'GET', path: '/users/{id}' }, 'Path parameter id'],
    [{ method: 'GET', path: '/users', query: 'limit=1' }, 'query must be'],
  ])('refuses %j before sending anything', async (request, message) => {
    const { clerk, seen } = clientWith();
    const result = await clerk.request(request as never);
    expect(result.errors?.[0].code).toMatch(/params_invalid|path_param_invalid/);
    expect(result.errors?.[0].message).toContain(message);
    expect(seen).toHaveLength(0);
  });

  it('is not enumerable and keeps the client view redacted', () => {
    const { clerk } = clientWith();
    expect(Object.keys(clerk)).not.toContain('request');
    expect(inspect(clerk)).not.toContain(SECRET);
  });
});
