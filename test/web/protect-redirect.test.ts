import { describe, expect, it } from 'vitest';
import { createWebAuth } from '../../src/web/index.js';
import { key, NOW_MS, NOW_S, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

const clerk = createWebAuth({ jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS, signInUrl: '/sign-in' });
const page = (headers: Record<string, string> = {}) =>
  new Request('https://app.example.com/account?tab=2', { headers: { 'sec-fetch-dest': 'document', ...headers } });
const signedIn = `__session=${validToken()}; __client_uat=${NOW_S - 10}`;
const handler = clerk.withAuth(() => new Response('ok'), { redirectToSignIn: true });

describe('clerk-bapi/web: redirectToSignIn', () => {
  it('answers a signed-out page load with 401 JSON by default', async () => {
    const { response } = await clerk.protect(page());
    expect(response?.status).toBe(401);
  });

  it("sends a signed-out page load to createWebAuth's signInUrl with redirect_url", async () => {
    const { response } = await clerk.protect(page(), { redirectToSignIn: true });
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toBe(`/sign-in?redirect_url=${encodeURIComponent('https://app.example.com/account?tab=2')}`);
    expect(response?.headers.get('cache-control')).toBe('no-store');
  });

  it('withAuth redirects the same way and runs the handler when signed in', async () => {
    expect((await handler(page())).status).toBe(307);
    expect(await (await handler(page({ cookie: signedIn }))).text()).toBe('ok');
  });

  it("honoMiddleware redirects with the route's own signInUrl", async () => {
    const middleware = clerk.honoMiddleware({ redirectToSignIn: true, signInUrl: 'https://accounts.example.com/sign-in' });
    const response = await middleware({ req: { raw: page() }, set: () => undefined }, async () => undefined);
    expect(new URL(response?.headers.get('location') ?? '').origin).toBe('https://accounts.example.com');
  });

  it('answers a signed-out fetch() with 401 even when redirecting is on', async () => {
    const { response } = await clerk.protect(page({ 'sec-fetch-dest': 'empty' }), { redirectToSignIn: true });
    expect(response?.status).toBe(401);
  });

  it('answers 401 without a signInUrl anywhere', async () => {
    const bare = createWebAuth({ jwtKey: key.pem, now: () => NOW_MS });
    const { response } = await bare.protect(page(), { redirectToSignIn: true });
    expect(response?.status).toBe(401);
  });

  it.each(['//evil.example/sign-in', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses the signInUrl %s when the handler is made, and never redirects to it from protect (C.24)',
    async (signInUrl) => {
      expect(() => clerk.withAuth(() => new Response('ok'), { redirectToSignIn: true, signInUrl })).toThrow(/signInUrl/);
      const { response } = await clerk.protect(page(), { redirectToSignIn: true, signInUrl });
      expect(response?.status).toBe(401);
    },
  );
});
