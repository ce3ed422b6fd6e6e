import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkPlugin, getAuth } from '../../src/fastify/index.js';
import { key, NOW_MS, NOW_S, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

let app: FastifyInstance;
let base: string;
let routeRuns = 0;

beforeAll(async () => {
  app = Fastify();
  await app.register(clerkPlugin, { jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS });
  app.get('/page', async (request) => {
    routeRuns++;
    return { userId: getAuth(request).userId ?? null };
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => app.close());

describe('clerk-bapi/fastify: the handshake redirect', () => {
  it('answers a page load that needs a handshake with 307 before the route runs', async () => {
    const before = routeRuns;
    const response = await fetch(`${base}/page`, {
      redirect: 'manual',
      headers: { 'sec-fetch-dest': 'document', cookie: `__session=${validToken()}; __client_uat=${NOW_S}` },
    });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/v1/client/handshake');
    expect(location.searchParams.get('__clerk_hs_reason')).toBe('session-token-iat-before-client-uat');
    expect(response.headers.getSetCookie()).toEqual(['__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2']);
    expect(response.headers.get('x-clerk-auth-status')).toBe('handshake');
    expect(routeRuns).toBe(before);
  });

  it('signs in a page load with a valid cookie', async () => {
    const response = await fetch(`${base}/page`, {
      headers: { 'sec-fetch-dest': 'document', cookie: `__session=${validToken()}; __client_uat=${NOW_S - 10}` },
    });
    expect(await response.json()).toEqual({ userId: 'user_2abc' });
  });
});
