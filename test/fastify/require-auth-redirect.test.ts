import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkPlugin, getAuth, requireAuth } from '../../src/fastify/index.js';
import { key, NOW_MS, NOW_S, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = Fastify();
  await app.register(clerkPlugin, { jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS, signInUrl: '/sign-in' });
  const ok = async (request: Parameters<typeof getAuth>[0]) => ({ ok: true, userId: getAuth(request).userId ?? null });
  app.get('/default', { preHandler: requireAuth() }, ok);
  app.get('/redirects', { preHandler: requireAuth({ redirectToSignIn: true }) }, ok);
  app.get('/elsewhere', { preHandler: requireAuth({ redirectToSignIn: true, signInUrl: 'https://accounts.example.com/sign-in' }) }, ok);
  app.get('/admin', { preHandler: requireAuth({ redirectToSignIn: true, has: { role: 'org:admin' } }) }, ok);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => app.close());

const pageLoad = { 'sec-fetch-dest': 'document', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example.com' };
const signedIn = `__session=${validToken()}; __client_uat=${NOW_S - 10}`;

describe('clerk-bapi/fastify: requireAuth({ redirectToSignIn })', () => {
  it('answers a signed-out page load with 401 JSON by default', async () => {
    const response = await fetch(`${base}/default`, { redirect: 'manual', headers: pageLoad });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('session-token-and-uat-missing');
  });

  it("sends a signed-out page load to clerkPlugin's signInUrl with redirect_url", async () => {
    const response = await fetch(`${base}/redirects?tab=2`, { redirect: 'manual', headers: pageLoad });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`/sign-in?redirect_url=${encodeURIComponent('https://app.example.com/redirects?tab=2')}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("uses the route's own absolute signInUrl", async () => {
    const response = await fetch(`${base}/elsewhere`, { redirect: 'manual', headers: pageLoad });
    expect(new URL(response.headers.get('location') ?? '').origin).toBe('https://accounts.example.com');
  });

  it('answers a signed-out fetch() with 401 even when redirecting is on', async () => {
    const response = await fetch(`${base}/redirects`, { redirect: 'manual', headers: { 'sec-fetch-dest': 'empty' } });
    expect(response.status).toBe(401);
  });

  it('answers a signed-in page load that fails `has` with 403, never a redirect', async () => {
    const response = await fetch(`${base}/admin`, { redirect: 'manual', headers: { ...pageLoad, cookie: signedIn } });
    expect(response.status).toBe(403);
  });

  it('lets a signed-in page load through', async () => {
    const response = await fetch(`${base}/redirects`, { headers: { ...pageLoad, cookie: signedIn } });
    expect(await response.json()).toEqual({ ok: true, userId: 'user_2abc' });
  });

  it.each(['//evil.example/sign-in', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses the signInUrl %s at construction (C.24)',
    (signInUrl) => {
      expect(() => requireAuth({ redirectToSignIn: true, signInUrl })).toThrow(/signInUrl/);
    },
  );

  it('refuses an unknown option at construction', () => {
    expect(() => requireAuth({ redirectToSignin: true } as never)).toThrow(TypeError);
  });
});
