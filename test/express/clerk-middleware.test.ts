import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClerkExpressRequireAuth,
  ClerkExpressWithAuth,
  clerkMiddleware,
  getAuth,
  requireAuth,
  type ExpressLikeRequest,
} from '../../src/express/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from '../auth/helpers/keys.js';

const key = testKey();
const options = { jwtKey: key.pem, now: () => NOW_MS };
const admin = sessionToken(key, { org_id: 'org_1', org_role: 'org:admin', org_permissions: ['org:reports:read'] });
const member = sessionToken(key, { org_id: 'org_1', org_role: 'org:member', org_permissions: [] });

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.get('/legacy/with', ClerkExpressWithAuth(options), (req, res) => {
    res.json({ userId: (req as ExpressLikeRequest).auth?.isAuthenticated ? getAuth(req).userId : null });
  });
  app.get('/legacy/require', ClerkExpressRequireAuth(options), (req, res) => {
    const auth = getAuth(req);
    res.json({ userId: auth.userId, orgId: auth.orgId, orgRole: auth.orgRole });
  });
  app.get('/standalone', requireAuth(options), (req, res) => res.json({ userId: getAuth(req).userId }));
  app.use(clerkMiddleware(options));
  app.get('/me', (req, res) => res.json({ userId: getAuth(req).userId ?? null, reason: null }));
  app.get('/protected', requireAuth(), (req, res) => res.json({ userId: getAuth(req).userId }));
  app.get('/reports', requireAuth({ has: { role: 'org:admin', permission: 'org:reports:read' } }), (req, res) =>
    res.json({ orgId: getAuth(req).orgId }),
  );
  const onError: ErrorRequestHandler = (error: { status?: number; reason?: string }, _req, res, _next) => {
    res.status(error.status ?? 500).json({ error: error.reason });
  };
  app.use(onError);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { headers });
}

describe('clerk-bapi/express over HTTP', () => {
  it('clerkMiddleware sets the auth of a Bearer request and of a cookie request', async () => {
    expect(await (await get('/me', { authorization: `Bearer ${admin}` })).json()).toEqual({ userId: 'user_2abc', reason: null });
    expect(await (await get('/me', { cookie: `__session=${admin}; __client_uat=1` })).json()).toEqual({
      userId: 'user_2abc',
      reason: null,
    });
    expect(await (await get('/me')).json()).toEqual({ userId: null, reason: null });
  });

  it('requireAuth answers 401 JSON with the reason and auth headers, never a redirect', async () => {
    const response = await get('/protected', {
      cookie: `__session=${sessionToken(key, { exp: NOW_S - 60, iat: NOW_S - 99, nbf: NOW_S - 99 })}; __client_uat=1`,
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-clerk-auth-reason')).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(await response.json()).toEqual({
      errors: [{ code: 'session-token-expired-refresh-non-eligible-no-refresh-cookie', message: 'The token has expired.' }],
    });
    expect((await get('/protected', { authorization: `Bearer ${member}` })).status).toBe(200);
  });

  it('requireAuth answers 403 when a has() condition fails, and passes when all hold', async () => {
    const refused = await get('/reports', { authorization: `Bearer ${member}` });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].code).toBe('forbidden');
    const allowed = await get('/reports', { authorization: `Bearer ${admin}` });
    expect(await allowed.json()).toEqual({ orgId: 'org_1' });
  });

  it('requireAuth works without clerkMiddleware before it', async () => {
    expect((await get('/standalone')).status).toBe(401);
    expect(await (await get('/standalone', { authorization: `Bearer ${admin}` })).json()).toEqual({ userId: 'user_2abc' });
  });

  it('keeps the older ClerkExpressWithAuth / ClerkExpressRequireAuth API', async () => {
    expect(await (await get('/legacy/with')).json()).toEqual({ userId: null });
    expect(await (await get('/legacy/with', { authorization: `Bearer ${admin}` })).json()).toEqual({ userId: 'user_2abc' });
    const refused = await get('/legacy/require');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'session-token-and-uat-missing' });
    const allowed = await get('/legacy/require', { authorization: `Bearer ${admin}` });
    expect(await allowed.json()).toEqual({ userId: 'user_2abc', orgId: 'org_1', orgRole: 'org:admin' });
  });

  it('a machine token is never a session through the middleware', async () => {
    const response = await get('/protected', { authorization: 'Bearer ak_123' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-clerk-auth-reason')).toBe('token-type-mismatch');
  });
});

describe('clerk-bapi/express configuration', () => {
  it('reads CLERK_JWT_KEY from the environment when no key is passed', () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    vi.stubEnv('CLERK_JWT_KEY', key.pem);
    expect(() => clerkMiddleware()).not.toThrow();
  });

  it('throws a clear error at startup when no key is configured', () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    vi.stubEnv('CLERK_JWT_KEY', '');
    expect(() => clerkMiddleware()).toThrow(/CLERK_SECRET_KEY or CLERK_JWT_KEY/);
    expect(() => ClerkExpressRequireAuth()).toThrow(TypeError);
    expect(() => requireAuth({ acceptsToken: 'api_key' })).toThrow(/CLERK_SECRET_KEY or CLERK_JWT_KEY/);
  });

  it('accepts process.env values that may be undefined under exactOptionalPropertyTypes', () => {
    const env: Record<string, string | undefined> = { CLERK_JWT_KEY: key.pem };
    expect(() =>
      clerkMiddleware({ jwtKey: env['CLERK_JWT_KEY'], secretKey: env['MISSING'], publishableKey: env['MISSING'] }),
    ).not.toThrow();
  });
});

describe('clerk-bapi/express route options', () => {
  it('requireAuth with its own acceptsToken authenticates for itself after a session-only clerkMiddleware', async () => {
    const verifyApiKey = vi.fn(async () => ({
      data: {
        object: 'api_key',
        id: 'ak_id',
        subject: 'user_9',
        name: 'ci',
        scopes: ['read'],
        claims: null,
        revoked: false,
        expired: false,
      },
    }));
    const app = express();
    app.use(clerkMiddleware(options));
    app.get('/export', requireAuth({ ...options, acceptsToken: 'api_key', client: { apiKeys: { verifyApiKey } } }), (req, res) => {
      const auth = getAuth(req, { acceptsToken: 'api_key' });
      res.json({ subject: auth.tokenType === 'api_key' ? auth.subject : null, session: getAuth(req).userId ?? null });
    });
    const local = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/export`;
    try {
      expect(await (await fetch(url, { headers: { authorization: 'Bearer ak_secret' } })).json()).toEqual({
        subject: 'user_9',
        session: null,
      });
      expect(verifyApiKey).toHaveBeenCalledWith({ secret: 'ak_secret' });
      expect((await fetch(url, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(401);
    } finally {
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });
});
