import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkMiddleware, getAuth } from '../../src/express/index.js';
import { key, NOW_MS, NOW_S, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

let server: Server;
let base: string;
let routeRuns = 0;

beforeAll(async () => {
  const app = express();
  app.use(clerkMiddleware({ jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS }));
  app.get('/page', (req, res) => {
    routeRuns++;
    res.json({ userId: getAuth(req).userId ?? null });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('clerk-bapi/express: the handshake redirect', () => {
  it('answers a page load that needs a handshake with 307 before the route runs', async () => {
    const before = routeRuns;
    const response = await fetch(`${base}/page?x=1`, {
      redirect: 'manual',
      headers: {
        'sec-fetch-dest': 'document',
        cookie: `__client_uat=${NOW_S - 100}`,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'app.example.com',
      },
    });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe('https://clerk.example.com');
    expect(location.searchParams.get('redirect_url')).toBe('https://app.example.com/page?x=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual(['__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2']);
    expect(routeRuns).toBe(before);
  });

  it('lets a fetch() in the same situation reach the route, signed out', async () => {
    const response = await fetch(`${base}/page`, { headers: { 'sec-fetch-dest': 'empty', cookie: `__client_uat=${NOW_S - 100}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: null });
  });

  it('signs in a page load with a valid cookie', async () => {
    const response = await fetch(`${base}/page`, {
      headers: { 'sec-fetch-dest': 'document', cookie: `__session=${validToken()}; __client_uat=${NOW_S - 10}` },
    });
    expect(await response.json()).toEqual({ userId: 'user_2abc' });
  });
});
