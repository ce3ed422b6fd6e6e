// A whole handshake through clerk-bapi/express and the fake Frontend API on 127.0.0.1, as a browser follows it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clerkMiddleware, getAuth } from '../../src/express/index.js';
import { SECRET_KEY, startFakeFrontendApi, type FakeFrontendApi, type FakeMode } from '../auth/request/handshake/fake-frontend-api.js';
import { key, NOW_MS, NOW_S, PK_LIVE } from '../auth/request/handshake/helpers.js';

let server: Server;
let app: string;
let fake: FakeFrontendApi;

beforeAll(async () => {
  fake = await startFakeFrontendApi();
  const application = express();
  application.use(
    clerkMiddleware({
      jwtKey: key.pem,
      secretKey: SECRET_KEY,
      apiUrl: fake.url,
      proxyUrl: fake.url,
      publishableKey: PK_LIVE,
      now: () => NOW_MS,
    }),
  );
  application.get('/page', (req, res) => res.json({ userId: getAuth(req).userId ?? null }));
  server = application.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  app = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fake.close();
});

beforeEach(() => {
  fake.calls = 0;
});

/** Follows redirects like a browser (cookies kept by name, Max-Age=0 deletes), up to `limit` hops; gives the final response. */
async function browse(url: string, jar: Map<string, string>, limit = 10): Promise<{ response: Response; hops: string[] }> {
  const hops: string[] = [];
  let next = url;
  for (let i = 0; i < limit; i++) {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(next, { redirect: 'manual', headers: { 'sec-fetch-dest': 'document', cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=0')) jar.delete(name);
      else jar.set(name, value);
    }
    if (response.status !== 307) return { response, hops };
    next = new URL(response.headers.get('location') ?? '', next).href;
    hops.push(next);
    // The redirect counter cookie lives 2 s in a browser; here every hop is within that.
  }
  throw new Error(`more than ${limit} redirects: ${hops.join(' → ')}`);
}

describe('clerk-bapi/express: a whole handshake against the fake Frontend API', () => {
  it.each<FakeMode>(['token', 'nonce'])('signs a page load in again after its session cookie expired (%s)', async (mode) => {
    fake.mode = mode;
    const jar = new Map([['__client_uat', String(NOW_S - 100)]]);
    const { response, hops } = await browse(`${app}/page?tab=1`, jar);
    expect(await response.json()).toEqual({ userId: 'user_2abc' });
    expect(fake.calls).toBe(1);
    expect(fake.lastReason).toBe('client-uat-but-no-session-token');
    expect(hops.at(-1)).toBe(`${app}/page?tab=1`);
    expect(jar.has('__session')).toBe(true);
  });

  it('sees a sign-out in another tab on the next page load', async () => {
    fake.mode = 'signed-out';
    const { validToken } = await import('../auth/request/handshake/helpers.js');
    // The other tab signed out: __client_uat moved past the session token's iat.
    const jar = new Map([
      ['__session', validToken()],
      ['__client_uat', String(NOW_S)],
    ]);
    const { response } = await browse(`${app}/page`, jar);
    expect(await response.json()).toEqual({ userId: null });
    expect(fake.lastReason).toBe('session-token-iat-before-client-uat');
    expect(jar.has('__session')).toBe(false);
  });

  it.each<FakeMode>(['expired', 'forged', 'foreign-instance', 'template-category'])(
    'refuses a %s handshake token: signed out, no cookie set',
    async (mode) => {
      fake.mode = mode;
      const jar = new Map([['__client_uat', String(NOW_S - 100)]]);
      const { response } = await browse(`${app}/page`, jar);
      expect(await response.json()).toEqual({ userId: null });
      expect(jar.has('__session')).toBe(false);
    },
  );

  it('stops a Frontend API that sends the browser back without anything after three handshakes', async () => {
    fake.mode = 'loop';
    const jar = new Map([['__client_uat', String(NOW_S - 100)]]);
    const { response } = await browse(`${app}/page`, jar);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: null });
    expect(fake.calls).toBe(3);
  });

  it('keeps only Clerk cookies of a hostile payload', async () => {
    fake.mode = 'hostile-cookies';
    const jar = new Map([['__client_uat', String(NOW_S - 100)]]);
    const { response } = await browse(`${app}/page`, jar);
    expect(await response.json()).toEqual({ userId: 'user_2abc' });
    expect([...jar.keys()].sort()).toEqual(['__clerk_redirect_count', '__client_uat', '__session']);
  });
});
