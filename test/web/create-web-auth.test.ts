import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebAuth } from '../../src/web/index.js';
import type { AuthObject } from '../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';

const key = testKey();
const clerk = createWebAuth({ jwtKey: key.pem, now: () => NOW_MS });
const admin = sessionToken(key, { org_id: 'org_1', org_role: 'org:admin', org_permissions: ['org:invoices:read'] });
const member = sessionToken(key, { org_id: 'org_1', org_role: 'org:member' });

let server: ServerType;
let base: string;

beforeAll(async () => {
  const app = new Hono<{ Variables: { auth: AuthObject } }>();
  app.use('/api/*', clerk.honoMiddleware());
  app.get('/api/me', (c) => {
    const auth = c.get('auth');
    return c.json({ userId: auth.tokenType === 'session_token' ? auth.userId : auth.subject });
  });
  app.get('/admin/invoices', clerk.honoMiddleware({ has: { permission: 'org:invoices:read' } }), (c) => c.json({ ok: true }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('clerk-bapi/web with a Hono app over HTTP', () => {
  it('sets the auth object for an authenticated request', async () => {
    const response = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${admin}` } });
    expect(await response.json()).toEqual({ userId: 'user_2abc' });
  });

  it('answers 401 JSON with the reason headers for a signed-out request', async () => {
    const response = await fetch(`${base}/api/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-clerk-auth-status')).toBe('signed-out');
    // No redirect is ever built (SECURITY C.24): an API answers 401, never 3xx.
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({ errors: [{ code: 'session-token-and-uat-missing', message: expect.any(String) }] });
  });

  it('answers 403 when a permission is missing', async () => {
    expect((await fetch(`${base}/admin/invoices`, { headers: { authorization: `Bearer ${member}` } })).status).toBe(403);
    expect((await fetch(`${base}/admin/invoices`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
  });
});

describe('clerk-bapi/web handlers (Workers, Bun, Deno)', () => {
  const handler = clerk.withAuth((_request, auth, env: { name: string }) =>
    Response.json({ userId: auth.tokenType === 'session_token' ? auth.userId : undefined, env: env.name }),
  );

  it('withAuth runs the handler with the auth object and passes extra arguments through', async () => {
    const response = await handler(new Request('https://worker.example/', { headers: { authorization: `Bearer ${admin}` } }), {
      name: 'prod',
    });
    expect(await response.json()).toEqual({ userId: 'user_2abc', env: 'prod' });
  });

  it('withAuth refuses without calling the handler', async () => {
    const response = await handler(new Request('https://worker.example/'), { name: 'prod' });
    expect(response.status).toBe(401);
  });

  it('protect gives the state and no response for an allowed request', async () => {
    const result = await clerk.protect(
      new Request('https://worker.example/', { headers: { cookie: `__session=${admin}; __client_uat=1` } }),
      {
        has: { role: 'org:admin' },
      },
    );
    expect(result.response).toBeUndefined();
    expect(result.state.status).toBe('signed-in');
  });
});
