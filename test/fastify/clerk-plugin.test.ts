import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clerkPlugin, getAuth, getRequestState } from '../../src/fastify/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from '../auth/helpers/keys.js';

const key = testKey();
const token = sessionToken(key, { v: 2, o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '1' }, fea: 'o:reports' });
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = Fastify();
  await app.register(clerkPlugin, { jwtKey: key.pem, now: () => NOW_MS });
  app.get('/me', async (request) => {
    const auth = getAuth(request);
    return {
      userId: auth.userId ?? null,
      orgRole: auth.orgRole ?? null,
      canRead: auth.has({ permission: 'org:reports:read' }),
      reason: getRequestState(request)?.reason ?? null,
    };
  });
  app.get('/protected', async (request, reply) => {
    const { userId } = getAuth(request);
    if (!userId) return reply.code(401).send({ error: 'unauthenticated' });
    return { userId };
  });
  // Routes registered in a child context see the plugin too (it skips encapsulation).
  await app.register(async (child) => {
    child.get('/child', async (request) => ({ userId: getAuth(request).userId ?? null }));
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => app.close());

describe('clerk-bapi/fastify over HTTP', () => {
  it('clerkPlugin sets the auth of a request, v2 claims and fpm permissions included', async () => {
    const response = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await response.json()).toEqual({ userId: 'user_2abc', orgRole: 'org:admin', canRead: true, reason: null });
  });

  it('signs out an expired cookie with its reason', async () => {
    const expired = sessionToken(key, { exp: NOW_S - 60, iat: NOW_S - 99, nbf: NOW_S - 99 });
    const response = await fetch(`${base}/me`, { headers: { cookie: `__session=${expired}; __client_uat=1` } });
    expect(await response.json()).toEqual({
      userId: null,
      orgRole: null,
      canRead: false,
      reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
    });
  });

  it('protects a route and reaches routes of child contexts', async () => {
    expect((await fetch(`${base}/protected`)).status).toBe(401);
    expect((await fetch(`${base}/protected`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await (await fetch(`${base}/child`, { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ userId: 'user_2abc' });
  });

  it('fails registration with a clear error when no key is configured', async () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    vi.stubEnv('CLERK_JWT_KEY', '');
    const bare = Fastify();
    await expect(bare.register(clerkPlugin).ready()).rejects.toThrow(/CLERK_SECRET_KEY or CLERK_JWT_KEY/);
    vi.unstubAllEnvs();
    await bare.close();
  });
});
