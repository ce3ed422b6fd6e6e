// Satellites, proxies and the __refresh cookie in a real browser: headless Chromium against a primary app, a
// satellite app on another domain (its own Frontend API host, `clerk.<satellite domain>`), an app that reaches the
// Frontend API through its own `/__clerk` proxy, and an app that refreshes expired sessions through the Backend API. Whether Chromium is there is reported by handshake.test.ts (skipped, or a failure in CI).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailability, launchChromium } from './helpers/chromium.js';
import { createTestClock, startFakeFrontendApi, type FakeFrontendApi, type TestClock } from './helpers/fake-frontend-api.js';
import { startExpressApp, type SsrApp } from './helpers/ssr-apps.js';

const PRIMARY_HOST = 'app.test';
const SATELLITE_HOST = 'satellite.test';
// On the primary's eTLD+1: the Frontend API sets __client_uat on that domain, through the proxy too.
const PROXIED_HOST = `shop.${PRIMARY_HOST}`;
const FAPI_HOST = `clerk.${PRIMARY_HOST}`;
const SATELLITE_FAPI_HOST = `clerk.${SATELLITE_HOST}`;
const availability = chromiumAvailability();

describe.runIf(availability.available)('multi-domain and proxies in Chromium (express)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let clock: TestClock;
  let fapi: FakeFrontendApi;
  let primary: SsrApp;
  let satellite: SsrApp;
  let proxied: SsrApp;

  beforeAll(async () => {
    clock = createTestClock();
    const origins: string[] = [];
    fapi = await startFakeFrontendApi({ clock, hostname: FAPI_HOST, cookieDomain: PRIMARY_HOST, allowedRedirectOrigins: () => origins });
    const fapiPort = new URL(fapi.origin).port;
    const common = { publishableKey: fapi.publishableKey, jwtKey: fapi.jwtKey, now: () => clock.now() };
    primary = await startExpressApp(common, PRIMARY_HOST);
    // A production satellite: its Frontend API is clerk.<domain> (here with the fake's port).
    satellite = await startExpressApp(
      { ...common, isSatellite: true, domain: `${SATELLITE_HOST}:${fapiPort}`, signInUrl: `${primary.origin}/sign-in` },
      SATELLITE_HOST,
    );
    proxied = await startExpressApp({ ...common, proxyUrl: '/__clerk' }, PROXIED_HOST, { proxyTo: fapi.origin });
    origins.push(primary.origin, satellite.origin, proxied.origin);
    // The satellite is served over plain HTTP; Chromium sends Sec-Fetch-Dest only to secure origins.
    browser = await launchChromium([PRIMARY_HOST, FAPI_HOST, SATELLITE_HOST, SATELLITE_FAPI_HOST, PROXIED_HOST], [satellite.origin]);
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all([primary?.close(), satellite?.close(), proxied?.close()]);
    await fapi?.close();
  });

  const cookieOf = async (origin: string, name: string): Promise<string | undefined> =>
    (await context.cookies(origin)).find((entry) => entry.name === name)?.value;

  it('a satellite stays signed out on a first visit, then syncs the primary’s session when the primary sends the browser back (__clerk_synced=false), and refreshes it through its own Frontend API', async () => {
    const page: Page = await context.newPage();
    await page.goto(`${fapi.origin}/test/sign-in?user_id=user_multi&redirect_url=${encodeURIComponent(`${primary.origin}/dashboard`)}`);
    expect(await page.textContent('#user')).toBe('user_multi');

    // First visit without cookies of its own: no handshake (satelliteAutoSync is off, as Clerk's default).
    let handshakesBefore = fapi.handshakes().length;
    await page.goto(`${satellite.origin}/dashboard`);
    expect(await page.textContent('#user')).toBe('signed-out');
    expect(fapi.handshakes().length).toBe(handshakesBefore);

    // The primary's sign-in page sends a signed-in user back with __clerk_synced=false: the satellite syncs.
    const responsesBefore = satellite.responses.length;
    await page.goto(`${satellite.origin}/dashboard?__clerk_synced=false`);
    expect(await page.textContent('#user')).toBe('user_multi');
    expect(page.url()).toBe(`${satellite.origin}/dashboard?__clerk_synced=true`);
    const first = satellite.responses[responsesBefore];
    expect(first?.status).toBe(307);
    expect(first?.location?.startsWith(`https://${SATELLITE_FAPI_HOST}:${new URL(fapi.origin).port}/v1/client/handshake?`)).toBe(true);
    const sync = fapi.handshakes().slice(handshakesBefore);
    expect(sync.map((entry) => entry.host?.replace(/:\d+$/, ''))).toEqual([SATELLITE_FAPI_HOST, SATELLITE_FAPI_HOST]);
    expect(sync[0]?.query['__clerk_hs_reason']).toBe('satellite-needs-syncing');
    // The satellite has its own cookies now: a host-only __session and __client_uat on its own domain.
    expect(await cookieOf(satellite.origin, '__session')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Number(await cookieOf(satellite.origin, '__client_uat'))).toBeGreaterThan(0);
    expect((await context.cookies(satellite.origin)).find((entry) => entry.name === '__client_uat')?.domain).toBe(`.${SATELLITE_HOST}`);

    // Its session expires: the next load is refreshed through the satellite's Frontend API, not the primary's.
    handshakesBefore = fapi.handshakes().length;
    clock.advance(120_000);
    await page.reload();
    expect(await page.textContent('#user')).toBe('user_multi');
    const refresh = fapi.handshakes().slice(handshakesBefore);
    expect(refresh[0]?.host?.replace(/:\d+$/, '')).toBe(SATELLITE_FAPI_HOST);
    expect(refresh[0]?.query['__clerk_hs_reason']).toMatch(/^session-token-expired-refresh-/);
    await page.close();
  });

  it('an app with proxyUrl: "/__clerk" sends the handshake through its own origin and stays signed in', async () => {
    // A browser of its own: no cookie of the primary's sign-in above.
    const own = await browser.newContext();
    const page: Page = await own.newPage();
    const cookieOf = async (origin: string, name: string): Promise<string | undefined> =>
      (await own.cookies(origin)).find((entry) => entry.name === name)?.value;
    // Signing in through the proxy puts the Frontend API's __client cookie on the app's own host.
    const back = encodeURIComponent(`${proxied.origin}/dashboard`);
    await page.goto(`${proxied.origin}/__clerk/test/sign-in?user_id=user_proxy&redirect_url=${back}`);
    expect(await page.textContent('#user')).toBe('user_proxy');
    expect(await cookieOf(proxied.origin, '__client')).toBeDefined();

    const handshakesBefore = fapi.handshakes().length;
    const responsesBefore = proxied.responses.length;
    clock.advance(120_000);
    await page.reload();

    expect(await page.textContent('#user')).toBe('user_proxy');
    expect(page.url()).toBe(`${proxied.origin}/dashboard`);
    // The redirect stayed on the app's origin: /__clerk/v1/client/handshake, relayed to the Frontend API.
    const redirect = proxied.responses.slice(responsesBefore).find((entry) => entry.status === 307);
    expect(redirect?.location?.startsWith(`${proxied.origin}/__clerk/v1/client/handshake?`)).toBe(true);
    const handshakes = fapi.handshakes().slice(handshakesBefore);
    expect(handshakes).toHaveLength(1);
    expect(handshakes[0]?.query['redirect_url']).toBe(`${proxied.origin}/dashboard`);
    expect(handshakes[0]?.clientId).toBeDefined();
    await own.close();
  });
});

describe.runIf(availability.available)('the __refresh cookie in Chromium (express)', () => {
  let browser: Browser;
  let clock: TestClock;
  let fapi: FakeFrontendApi;
  let app: SsrApp;

  beforeAll(async () => {
    clock = createTestClock();
    let appOrigin = '';
    fapi = await startFakeFrontendApi({
      clock,
      hostname: FAPI_HOST,
      cookieDomain: PRIMARY_HOST,
      allowedRedirectOrigins: () => [appOrigin],
      refreshCookies: true,
    });
    // The secret key and API URL give the adapter a Backend API client, which refreshes sessions.
    const options = { publishableKey: fapi.publishableKey, jwtKey: fapi.jwtKey, secretKey: fapi.secretKey, apiUrl: fapi.apiUrl };
    app = await startExpressApp({ ...options, now: () => clock.now() }, PRIMARY_HOST);
    appOrigin = app.origin;
    browser = await launchChromium([PRIMARY_HOST, FAPI_HOST]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fapi?.close();
  });

  it('an expired __session with a __refresh cookie is refreshed through the Backend API, without a handshake redirect', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const back = encodeURIComponent(`${app.origin}/dashboard`);
    await page.goto(`${fapi.origin}/test/sign-in?user_id=user_refresh&redirect_url=${back}`);
    expect(await page.textContent('#user')).toBe('user_refresh');
    const cookie = async (name: string) => (await context.cookies(app.origin)).find((entry) => entry.name === name)?.value;
    expect(await cookie(`__refresh_${fapi.cookieSuffix}`)).toMatch(/^rt_/);
    const oldToken = await cookie(`__session_${fapi.cookieSuffix}`);
    const handshakesBefore = fapi.handshakes().length;
    const responsesBefore = app.responses.length;
    const apiBefore = fapi.apiRequests.length;

    clock.advance(120_000);
    await page.reload();

    expect(await page.textContent('#user')).toBe('user_refresh');
    // No redirect at all: the page was served at once, signed in with the refreshed token.
    expect(fapi.handshakes().length).toBe(handshakesBefore);
    expect(app.responses.slice(responsesBefore).map((entry) => entry.status)).toEqual([200]);
    const refresh = fapi.apiRequests.slice(apiBefore);
    expect(refresh.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      expect.stringMatching(/^POST \/v1\/sessions\/sess_\w+\/refresh$/),
    ]);
    // As @clerk/backend: the cookies' kind in the query, the expired token and the refresh token in the body.
    expect(refresh[0]?.query['suffixed_cookies']).toBe('true');
    expect(refresh[0]?.body).toMatchObject({ format: 'cookie', expired_token: oldToken, request_origin: app.origin });
    // The new token reached the browser (Set-Cookie on the page's own response).
    const newToken = await cookie(`__session_${fapi.cookieSuffix}`);
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
    await context.close();
  });
});
