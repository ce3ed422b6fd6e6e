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
});
