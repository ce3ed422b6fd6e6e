import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkMiddleware, requireAuth } from '../../src/express/index.js';
import { key, NOW_MS, NOW_S, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(clerkMiddleware({ jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS, signInUrl: '/sign-in' }));
  app.get('/default', requireAuth(), (_req, res) => res.json({ ok: true }));
  app.get('/redirects', requireAuth({ redirectToSignIn: true }), (_req, res) => res.json({ ok: true }));
  app.get(
    '/elsewhere',
    requireAuth({ redirectToSignIn: true, signInUrl: 'https://accounts.example.com/sign-in', jwtKey: key.pem, now: () => NOW_MS }),
    (_req, res) => res.json({ ok: true }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pageLoad = { 'sec-fetch-dest': 'document', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example.com' };

describe('clerk-bapi/express: requireAuth({ redirectToSignIn })', () => {
  it('still answers a signed-out page load with 401 by default', async () => {
    const response = await fetch(`${base}/default`, { redirect: 'manual', headers: pageLoad });
    expect(response.status).toBe(401);
  });

  it("sends a signed-out page load to clerkMiddleware's signInUrl with redirect_url", async () => {
    const response = await fetch(`${base}/redirects?tab=2`, { redirect: 'manual', headers: pageLoad });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`/sign-in?redirect_url=${encodeURIComponent('https://app.example.com/redirects?tab=2')}`);
  });

  it("uses the route's own absolute signInUrl", async () => {
    const response = await fetch(`${base}/elsewhere`, { redirect: 'manual', headers: pageLoad });
    expect(new URL(response.headers.get('location') ?? '').origin).toBe('https://accounts.example.com');
  });

  it('answers a signed-out fetch() with 401 even when redirecting is on', async () => {
    const response = await fetch(`${base}/redirects`, { redirect: 'manual', headers: { 'sec-fetch-dest': 'empty' } });
    expect(response.status).toBe(401);
  });

  it('lets a signed-in page load through', async () => {
    const response = await fetch(`${base}/redirects`, {
      headers: { ...pageLoad, cookie: `__session=${validToken()}; __client_uat=${NOW_S - 10}` },
    });
    expect(await response.json()).toEqual({ ok: true });
  });

  it.each(['//evil.example/sign-in', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses the signInUrl %s at construction (C.24)',
    (signInUrl) => {
      expect(() => requireAuth({ redirectToSignIn: true, signInUrl, jwtKey: key.pem })).toThrow(/signInUrl/);
    },
  );
});
