// Cookie sessions in a real browser: headless Chromium loads pages of an Express app and a Fastify app that
// use clerk-bapi's adapters, against a fake Frontend API that answers Clerk's handshake. What is asserted is
// what a user sees (the page text), the cookies the browser keeps, and the redirects that happened.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailability, launchChromium } from './helpers/chromium.js';
import { createTestClock, startFakeFrontendApi, type FakeFrontendApi, type TestClock } from './helpers/fake-frontend-api.js';
import { startExpressApp, startFastifyApp, type SsrApp, type SsrAppFactory } from './helpers/ssr-apps.js';

const APP_HOST = 'app.test';
const FAPI_HOST = `clerk.${APP_HOST}`;
const availability = chromiumAvailability();
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!availability.available) {
  if (inCi) {
    describe('real browser', () => {
      it('has Chromium under CI', () => {
        throw new Error(`The real-browser tests need Chromium under CI=true: ${availability.reason}.`);
      });
    });
  } else {
    // Visible in the report: a warning, and a skipped test whose name says why.
    console.warn(`test/browser: real-browser tests skipped: ${availability.reason}.`);
    describe.skip(`real-browser handshake tests — skipped: ${availability.reason}`, () => {
      it('drive Chromium through the handshake', () => {});
    });
  }
}

let browser: Browser | undefined;

beforeAll(async () => {
  if (availability.available) browser = await launchChromium([APP_HOST, FAPI_HOST]);
});

afterAll(async () => {
  await browser?.close();
});

const apps: [string, SsrAppFactory][] = [
  ['express', startExpressApp],
  ['fastify', startFastifyApp],
];

describe.runIf(availability.available).each(apps)('%s app in Chromium', (_name, startApp) => {
  let clock: TestClock;
  let fapi: FakeFrontendApi;
  let app: SsrApp;
  let context: BrowserContext;

  beforeAll(async () => {
    clock = createTestClock();
    let appOrigin = '';
    fapi = await startFakeFrontendApi({
      clock,
      hostname: FAPI_HOST,
      cookieDomain: APP_HOST,
      allowedRedirectOrigins: () => [appOrigin],
    });
    app = await startApp({ publishableKey: fapi.publishableKey, jwtKey: fapi.jwtKey, now: () => clock.now() }, APP_HOST);
    appOrigin = app.origin;
  });

  afterAll(async () => {
    await app?.close();
    await fapi?.close();
  });

  beforeEach(async () => {
    // A fresh context per test: its own cookie jar, as a new browser profile.
    context = await (browser as Browser).newContext();
  });

  afterEach(async () => {
    await context?.close();
  });

  async function userOn(page: Page): Promise<string | null> {
    return page.textContent('#user');
  }

  async function cookie(name: string): Promise<string | undefined> {
    const cookies = await context.cookies(app.origin);
    return cookies.find((entry) => entry.name === name)?.value;
  }

  /** Writes the app's cookies as clerk-js does after a sign-in, and the Frontend API's `__client`. */
  async function signInAsClerkJsWould(userId: string): Promise<void> {
    const signedIn = fapi.createSignedInClient(userId);
    const uat = String(signedIn.clientUat);
    await context.addCookies([
      { name: '__session', value: signedIn.sessionToken, url: app.origin, sameSite: 'Lax' },
      { name: `__session_${fapi.cookieSuffix}`, value: signedIn.sessionToken, url: app.origin, sameSite: 'Lax' },
      { name: '__client_uat', value: uat, domain: `.${APP_HOST}`, path: '/', sameSite: 'Lax' },
      { name: `__client_uat_${fapi.cookieSuffix}`, value: uat, domain: `.${APP_HOST}`, path: '/', sameSite: 'Lax' },
      { name: '__client', value: signedIn.clientId, url: fapi.origin, httpOnly: true, secure: true, sameSite: 'Lax' },
    ]);
  }

  it('shows the signed-in user from the session cookie', async () => {
    await signInAsClerkJsWould('user_cookie');
    const page = await context.newPage();
    const response = await page.goto(`${app.origin}/dashboard`);
    expect(response?.status()).toBe(200);
    expect(await userOn(page)).toBe('user_cookie');
    expect(fapi.handshakes()).toHaveLength(0);
  });

  it('shows a signed-out page to a browser without cookies, without a handshake', async () => {
    const page = await context.newPage();
    await page.goto(`${app.origin}/`);
    expect(await userOn(page)).toBe('signed-out');
    expect(fapi.handshakes()).toHaveLength(0);
  });

  it('the fake Frontend API answers a handshake with a redirect back to the app carrying __clerk_handshake', async () => {
    const page = await context.newPage();
    const before = app.responses.length;
    const redirectUrl = `${app.origin}/dashboard?tab=1`;
    await page.goto(`${fapi.origin}/v1/client/handshake?redirect_url=${encodeURIComponent(redirectUrl)}`);
    const first = app.responses[before];
    expect(first?.url).toMatch(/^\/dashboard\?tab=1&__clerk_handshake=[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the fake Frontend API’s sign-out sets __client_uat=0 on the apps’ domain, beside the app’s own cookies', async () => {
    await signInAsClerkJsWould('user_domain');
    const page = await context.newPage();
    await page.goto(`${fapi.origin}/test/sign-out`);
    expect(await page.textContent('#fapi')).toBe('signed out');
    expect(await cookie('__client_uat')).toBe('0');
    expect(await cookie(`__client_uat_${fapi.cookieSuffix}`)).toBe('0');
    // One cookie per name: the Frontend API wrote over the domain cookie instead of adding a second one.
    const names = (await context.cookies(app.origin)).map((entry) => entry.name).sort();
    expect(names).toEqual(['__client_uat', `__client_uat_${fapi.cookieSuffix}`, '__session', `__session_${fapi.cookieSuffix}`].sort());
  });
  it('a page load with an expired __session is answered by a 307 to the Frontend API before any route runs', async () => {
    await signInAsClerkJsWould('user_redirect');
    const page = await context.newPage();
    await page.goto(`${app.origin}/dashboard?tab=3`);
    expect(await userOn(page)).toBe('user_redirect');
    const responsesBefore = app.responses.length;
    const handshakesBefore = fapi.handshakes().length;

    clock.advance(120_000);
    await page.reload();

    // 307, not the route's 200: the middleware answered before the route.
    const first = app.responses[responsesBefore];
    expect(first?.url).toBe('/dashboard?tab=3');
    expect(first?.status).toBe(307);
    const location = new URL(first?.location ?? '');
    expect(location.origin + location.pathname).toBe(`${fapi.origin}/v1/client/handshake`);
    expect(location.searchParams.get('redirect_url')).toBe(`${app.origin}/dashboard?tab=3`);
    // The browser followed it: the Frontend API saw the handshake request with the browser's own __client.
    const handshake = fapi.handshakes()[handshakesBefore];
    expect(handshake?.query['redirect_url']).toBe(`${app.origin}/dashboard?tab=3`);
    expect(handshake?.clientId).toBeDefined();
  });

  it('after a sign-out in a second tab, the first tab’s next load is sent to the handshake', async () => {
    await signInAsClerkJsWould('user_tab');
    const first = await context.newPage();
    await first.goto(`${app.origin}/dashboard`);
    expect(await userOn(first)).toBe('user_tab');
    const second = await context.newPage();
    await second.goto(`${fapi.origin}/test/sign-out`);
    expect(await cookie('__client_uat')).toBe('0');
    const responsesBefore = app.responses.length;

    await first.reload();
    // A still-valid __session beside __client_uat=0 is not trusted: the load goes to the Frontend API.
    const answer = app.responses[responsesBefore];
    expect(answer?.status).toBe(307);
    expect(answer?.location?.startsWith(`${fapi.origin}/v1/client/handshake?`)).toBe(true);
    expect(await userOn(first)).toBe('signed-out');
  });

  it('a forged handshake token changes no cookie and the page ends signed out, without a redirect loop', async () => {
    await signInAsClerkJsWould('user_forged');
    const page = await context.newPage();
    await page.goto(`${app.origin}/dashboard`);
    expect(await userOn(page)).toBe('user_forged');
    const sessionBefore = await cookie('__session');
    const handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    fapi.setHandshakeMode('forged');
    try {
      const response = await page.reload();
      expect(response?.status()).toBe(200);
      expect(await userOn(page)).toBe('signed-out');
      const handshakes = fapi.handshakes().length - handshakesBefore;
      expect(handshakes).toBeGreaterThanOrEqual(1);
      expect(handshakes).toBeLessThanOrEqual(3);
      expect(await cookie('__session')).toBe(sessionBefore);
    } finally {
      fapi.setHandshakeMode('normal');
    }
  });

  it('a handshake that never yields a valid session stops redirecting and shows the page signed out', async () => {
    await signInAsClerkJsWould('user_loop');
    const page = await context.newPage();
    await page.goto(`${app.origin}/dashboard`);
    expect(await userOn(page)).toBe('user_loop');
    const handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    fapi.setHandshakeMode('stale-session');
    try {
      const response = await page.reload();
      expect(response?.status()).toBe(200);
      expect(await userOn(page)).toBe('signed-out');
      const handshakes = fapi.handshakes().length - handshakesBefore;
      expect(handshakes).toBeGreaterThanOrEqual(1);
      expect(handshakes).toBeLessThanOrEqual(3);
    } finally {
      fapi.setHandshakeMode('normal');
    }
  });
});
