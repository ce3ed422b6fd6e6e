// Cookie sessions in a real browser: headless Chromium loads pages of an Express app and a Fastify app that
// use clerk-bapi's adapters, against a fake Frontend API that answers Clerk's handshake. What is asserted is
// what a user sees (the page text), the cookies the browser keeps, and the redirects that happened.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailability, launchChromium } from './helpers/chromium.js';
import { createTestClock, startFakeFrontendApi, type FakeFrontendApi, type TestClock } from './helpers/fake-frontend-api.js';
import { startExpressApp, startFastifyApp, startHonoApp, type SsrApp, type SsrAppFactory } from './helpers/ssr-apps.js';

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
  ['hono (clerk-bapi/web)', startHonoApp],
];

describe.runIf(availability.available).each(apps)('%s app in Chromium', (name, startApp) => {
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
    app = await startApp(
      {
        publishableKey: fapi.publishableKey,
        jwtKey: fapi.jwtKey,
        now: () => clock.now(),
        organizationSyncOptions: { organizationPatterns: ['/orgs/:slug', '/orgs/:slug/(.*)'], personalAccountPatterns: ['/me'] },
      },
      APP_HOST,
    );
    appOrigin = app.origin;
  });

  afterAll(async () => {
    await app?.close();
    await fapi?.close();
  });

  // One browser context per app, emptied before each test (cookies, pages): starting renderers for a new context
  // and new pages is most of a test's time on a loaded machine.
  const pages: Page[] = [];
  let tabsUsed = 0;

  beforeEach(async () => {
    context ??= await (browser as Browser).newContext();
    await context.clearCookies();
    await Promise.all(pages.map((page) => page.goto('about:blank')));
    tabsUsed = 0;
  });

  afterAll(async () => {
    await context?.close();
  });

  /** The test's next tab (a page kept from an earlier test, on about:blank, or a new one). */
  async function tab(): Promise<Page> {
    if (tabsUsed === pages.length) pages.push(await context.newPage());
    return pages[tabsUsed++] as Page;
  }

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
    const page = await tab();
    const response = await page.goto(`${app.origin}/dashboard`);
    expect(response?.status()).toBe(200);
    expect(await userOn(page)).toBe('user_cookie');
    expect(fapi.handshakes()).toHaveLength(0);
  });

  it('shows a signed-out page to a browser without cookies, without a handshake', async () => {
    const page = await tab();
    await page.goto(`${app.origin}/`);
    expect(await userOn(page)).toBe('signed-out');
    expect(fapi.handshakes()).toHaveLength(0);
  });

  // Checks of the fake Frontend API itself: once, beside the Express app.
  if (name === 'express') {
    it('the fake Frontend API answers a handshake with a redirect back to the app carrying __clerk_handshake', async () => {
      const page = await tab();
      const before = app.responses.length;
      const redirectUrl = `${app.origin}/dashboard?tab=1`;
      await page.goto(`${fapi.origin}/v1/client/handshake?redirect_url=${encodeURIComponent(redirectUrl)}`);
      const first = app.responses[before];
      expect(first?.url).toMatch(/^\/dashboard\?tab=1&__clerk_handshake=[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('the fake Frontend API’s sign-out sets __client_uat=0 on the apps’ domain, beside the app’s own cookies', async () => {
      await signInAsClerkJsWould('user_domain');
      const page = await tab();
      await page.goto(`${fapi.origin}/test/sign-out`);
      expect(await page.textContent('#fapi')).toBe('signed out');
      expect(await cookie('__client_uat')).toBe('0');
      expect(await cookie(`__client_uat_${fapi.cookieSuffix}`)).toBe('0');
      // One cookie per name: the Frontend API wrote over the domain cookie instead of adding a second one.
      const names = (await context.cookies(app.origin)).map((entry) => entry.name).sort();
      expect(names).toEqual(['__client_uat', `__client_uat_${fapi.cookieSuffix}`, '__session', `__session_${fapi.cookieSuffix}`].sort());
    });
  }
  it('a page load with an expired __session is answered by a 307 to the Frontend API instead of the page', async () => {
    await signInAsClerkJsWould('user_redirect');
    const page = await tab();
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
    const first = await tab();
    await first.goto(`${app.origin}/dashboard`);
    expect(await userOn(first)).toBe('user_tab');
    const second = await tab();
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
    const page = await tab();
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
      expect(await page.textContent('#reason')).toBe('handshake-token-invalid');
      const handshakes = fapi.handshakes().length - handshakesBefore;
      expect(handshakes).toBeGreaterThanOrEqual(1);
      expect(handshakes).toBeLessThanOrEqual(3);
      expect(await cookie('__session')).toBe(sessionBefore);
    } finally {
      fapi.setHandshakeMode('normal');
    }
  });

  it('a handshake whose session token is already expired is refused and the page shows signed out', async () => {
    await signInAsClerkJsWould('user_loop');
    const page = await tab();
    await page.goto(`${app.origin}/dashboard`);
    expect(await userOn(page)).toBe('user_loop');
    const handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    fapi.setHandshakeMode('stale-session');
    try {
      const response = await page.reload();
      expect(response?.status()).toBe(200);
      expect(await userOn(page)).toBe('signed-out');
      expect(await page.textContent('#reason')).toBe('handshake-payload-invalid');
      const handshakes = fapi.handshakes().length - handshakesBefore;
      expect(handshakes).toBeGreaterThanOrEqual(1);
      expect(handshakes).toBeLessThanOrEqual(3);
    } finally {
      fapi.setHandshakeMode('normal');
    }
  });

  it('a handshake that never settles the session stops after three redirects and shows the page signed out', async () => {
    await signInAsClerkJsWould('user_loop2');
    const page = await tab();
    await page.goto(`${app.origin}/dashboard`);
    expect(await userOn(page)).toBe('user_loop2');
    const handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    fapi.setHandshakeMode('loop');
    try {
      const response = await page.reload();
      expect(response?.status()).toBe(200);
      expect(await userOn(page)).toBe('signed-out');
      expect(await page.textContent('#reason')).toBe('session-token-iat-before-client-uat');
      const handshakes = fapi.handshakes().length - handshakesBefore;
      // Clerk's redirect counter: at most three handshakes, then the page renders signed out.
      expect(handshakes).toBe(3);
    } finally {
      fapi.setHandshakeMode('normal');
    }
  });

  /** Signs in through the Frontend API: it redirects back to the app with `__clerk_handshake`. */
  async function signInThroughFrontendApi(page: Page, userId: string, path = '/dashboard'): Promise<void> {
    const redirectUrl = `${app.origin}${path}`;
    await page.goto(`${fapi.origin}/test/sign-in?user_id=${userId}&redirect_url=${encodeURIComponent(redirectUrl)}`);
  }

  /** The app's redirects since `from`: where each went, in order. */
  function redirectsSince(from: number): string[] {
    return app.responses.slice(from).flatMap((entry) => (entry.status === 307 && entry.location !== undefined ? [entry.location] : []));
  }

  it('a sign-in that returns with __clerk_handshake sets the cookies and lands on the clean URL', async () => {
    const page = await tab();
    const before = app.responses.length;
    await signInThroughFrontendApi(page, 'user_signin', '/dashboard?tab=2');
    expect(await userOn(page)).toBe('user_signin');
    expect(page.url()).toBe(`${app.origin}/dashboard?tab=2`);
    // The return from the Frontend API was answered by a redirect that sets cookies, before any route ran.
    const returned = app.responses[before];
    expect(returned?.url).toContain('__clerk_handshake=');
    expect(returned?.status).toBe(307);
    expect(returned?.location).not.toContain('__clerk_handshake');
    const token = await cookie('__session');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await cookie(`__session_${fapi.cookieSuffix}`)).toBe(token);
    expect(Number(await cookie('__client_uat'))).toBeGreaterThan(0);
  });

  it('an expired __session goes through the handshake on the next page load and stays signed in', async () => {
    const page = await tab();
    await signInThroughFrontendApi(page, 'user_expiry');
    expect(await userOn(page)).toBe('user_expiry');
    const oldToken = await cookie('__session');
    const handshakesBefore = fapi.handshakes().length;
    const responsesBefore = app.responses.length;
    const runsBefore = app.routeRuns();

    clock.advance(120_000); // Clerk's session tokens live 60 s.
    await page.reload();

    expect(await userOn(page)).toBe('user_expiry');
    expect(page.url()).toBe(`${app.origin}/dashboard`);
    const handshakes = fapi.handshakes().slice(handshakesBefore);
    expect(handshakes).toHaveLength(1);
    expect(handshakes[0]?.query['redirect_url']).toBe(`${app.origin}/dashboard`);
    // app → Frontend API → app (cookies set, handshake parameter stripped) → page: the route ran once.
    const redirects = redirectsSince(responsesBefore);
    expect(redirects[0]?.startsWith(`${fapi.origin}/v1/client/handshake?`)).toBe(true);
    expect(redirects[1]).toMatch(/\/dashboard$/);
    expect(app.routeRuns() - runsBefore).toBe(1);
    const newToken = await cookie('__session');
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
  });

  it('a sign-out in a second tab is seen on the next load of the first tab', async () => {
    const first = await tab();
    await signInThroughFrontendApi(first, 'user_signout');
    expect(await userOn(first)).toBe('user_signout');

    const second = await tab();
    await second.goto(`${fapi.origin}/test/sign-out`);
    expect(await second.textContent('#fapi')).toBe('signed out');
    expect(await cookie('__client_uat')).toBe('0');
    const handshakesBefore = fapi.handshakes().length;

    // The first tab's __session is still unexpired; __client_uat=0 beside it sends the load through the handshake.
    await first.reload();
    expect(await userOn(first)).toBe('signed-out');
    expect(fapi.handshakes().length - handshakesBefore).toBe(1);
    expect(await cookie('__session')).toBeUndefined();
    expect(first.url()).toBe(`${app.origin}/dashboard`);
  });

  it('an account switch in a second tab (newer __client_uat) is seen on the next load of the first tab', async () => {
    const first = await tab();
    await signInThroughFrontendApi(first, 'user_before');
    expect(await userOn(first)).toBe('user_before');

    clock.advance(2_000); // The switch happens after the first tab's token was issued.
    const second = await tab();
    await second.goto(`${fapi.origin}/test/switch-user?user_id=user_after`);
    expect(await second.textContent('#fapi')).toBe('switched to user_after');
    const handshakesBefore = fapi.handshakes().length;

    await first.reload();
    expect(await userOn(first)).toBe('user_after');
    expect(fapi.handshakes().length - handshakesBefore).toBe(1);
  });

  it('an organization page activates that organization through the handshake; a personal page deactivates it', async () => {
    fapi.addMembership('user_org', { id: 'org_acme', slug: 'acme', role: 'org:admin' });
    const page = await tab();
    await signInThroughFrontendApi(page, 'user_org');
    expect(await page.textContent('#org')).toBe('none');

    let handshakesBefore = fapi.handshakes().length;
    await page.goto(`${app.origin}/orgs/acme/settings`);
    expect(await userOn(page)).toBe('user_org');
    expect(await page.textContent('#org')).toBe('acme');
    expect(page.url()).toBe(`${app.origin}/orgs/acme/settings`);
    const activation = fapi.handshakes().slice(handshakesBefore);
    expect(activation.map((entry) => entry.query['organization_id'])).toEqual(['acme']);

    // Already active: no handshake.
    handshakesBefore = fapi.handshakes().length;
    await page.goto(`${app.origin}/orgs/acme`);
    expect(await page.textContent('#org')).toBe('acme');
    expect(fapi.handshakes().length).toBe(handshakesBefore);

    await page.goto(`${app.origin}/me`);
    expect(await userOn(page)).toBe('user_org');
    expect(await page.textContent('#org')).toBe('none');
    expect(
      fapi
        .handshakes()
        .slice(handshakesBefore)
        .map((entry) => entry.query['organization_id']),
    ).toEqual(['']);
  });

  it('an organization the user cannot activate leaves the session as it is, after three handshakes', async () => {
    const page = await tab();
    await signInThroughFrontendApi(page, 'user_no_org');
    const handshakesBefore = fapi.handshakes().length;
    await page.goto(`${app.origin}/orgs/elsewhere`);
    expect(await userOn(page)).toBe('user_no_org');
    expect(await page.textContent('#org')).toBe('none');
    const attempts = fapi.handshakes().length - handshakesBefore;
    // Clerk's redirect counter: three attempts, then the page renders with the session unchanged.
    expect(attempts).toBe(3);
  });
});

describe.runIf(availability.available).each(apps)('%s app in Chromium, nonce handshakes', (_name, startApp) => {
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
      handshakeFormat: 'as-requested',
    });
    app = await startApp(
      { publishableKey: fapi.publishableKey, jwtKey: fapi.jwtKey, secretKey: fapi.secretKey, apiUrl: fapi.apiUrl, now: () => clock.now() },
      APP_HOST,
    );
    appOrigin = app.origin;
    context = await (browser as Browser).newContext();
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await fapi?.close();
  });

  it('an expired __session is refreshed through a handshake nonce resolved by the Backend API', async () => {
    const page = await context.newPage();
    const redirectUrl = `${app.origin}/dashboard`;
    await page.goto(`${fapi.origin}/test/sign-in?user_id=user_nonce&redirect_url=${encodeURIComponent(redirectUrl)}`);
    expect(await page.textContent('#user')).toBe('user_nonce');
    const resolvedBefore = fapi.apiRequests.length;
    clock.advance(120_000);
    await page.reload();
    expect(await page.textContent('#user')).toBe('user_nonce');
    expect(page.url()).toBe(redirectUrl);
    const resolutions = fapi.apiRequests.slice(resolvedBefore);
    expect(resolutions.map((entry) => entry.path)).toEqual(['/v1/clients/handshake_payload']);
  });
});

describe.runIf(availability.available).each(apps)('%s app in Chromium, development instance', (_name, startApp) => {
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
      instanceType: 'development',
    });
    app = await startApp({ publishableKey: fapi.publishableKey, jwtKey: fapi.jwtKey, now: () => clock.now() }, APP_HOST);
    appOrigin = app.origin;
    context = await (browser as Browser).newContext();
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await fapi?.close();
  });

  it('the first page load fetches a dev browser; a sign-in and an expired session then go through the handshake with it', async () => {
    const page = await context.newPage();
    const devCookie = async (): Promise<string | undefined> =>
      (await context.cookies(app.origin)).find((entry) => entry.name === '__clerk_db_jwt')?.value;

    await page.goto(`${app.origin}/dashboard`);
    expect(await page.textContent('#user')).toBe('signed-out');
    expect(page.url()).toBe(`${app.origin}/dashboard`);
    expect(fapi.handshakes()[0]?.query['__clerk_hs_reason']).toBe('dev-browser-missing');
    const devBrowser = await devCookie();
    expect(devBrowser).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // clerk-js would sign in with the dev browser; the Frontend API then sends the browser back through a handshake.
    const redirectUrl = encodeURIComponent(`${app.origin}/dashboard`);
    await page.goto(`${fapi.origin}/test/sign-in?__clerk_db_jwt=${devBrowser}&user_id=user_dev&redirect_url=${redirectUrl}`);
    expect(await page.textContent('#user')).toBe('user_dev');

    const handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    await page.reload();
    expect(await page.textContent('#user')).toBe('user_dev');
    const refresh = fapi.handshakes().slice(handshakesBefore);
    expect(refresh).toHaveLength(1);
    // The handshake named the dev browser, which is how a development Frontend API finds the client.
    expect(refresh[0]?.query['__clerk_db_jwt']).toBe(devBrowser);
    expect(await devCookie()).toBe(devBrowser);
  });
});
