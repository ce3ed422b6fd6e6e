// Ported from the cases of Clerk's packages/backend request tests (cookie flow), named by behaviour.
import { describe, expect, it } from 'vitest';
import { authenticateRequest, createRequestAuthenticator } from '../../../../src/auth/index.js';
import { apiCall, dev, key, live, location, NOW_S, page, PK_LIVE, sessionToken, SUFFIX_LIVE, validToken } from './helpers.js';

const uat = String(NOW_S - 100);

describe('handshake: the redirect a page load gets', () => {
  it('answers a page load with __client_uat > 0 and no session cookie with a handshake to the Frontend API', async () => {
    const state = await authenticateRequest(page({ __client_uat: uat }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('client-uat-but-no-session-token');
    const url = location(state);
    expect(url.origin).toBe('https://clerk.example.com');
    expect(url.pathname).toBe('/v1/client/handshake');
    expect(url.searchParams.get('redirect_url')).toBe('https://app.example.com/path');
    expect(url.searchParams.get('__clerk_api_version')).toBe('2026-05-12');
    expect(url.searchParams.get('suffixed_cookies')).toBe('false');
    expect(url.searchParams.get('__clerk_hs_reason')).toBe('client-uat-but-no-session-token');
    expect(url.searchParams.get('format')).toBe('nonce');
    expect(state.headers.get('cache-control')).toBe('no-store');
    expect(state.headers.getSetCookie()).toEqual(['__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2']);
    expect(state.headers.get('x-clerk-auth-status')).toBe('handshake');
  });

  it('gives a signed-out auth object for a handshake state', async () => {
    const state = await authenticateRequest(page({ __client_uat: uat }), live());
    const auth = state.toAuth();
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.tokenType === 'session_token' && auth.userId).toBeFalsy();
    expect(state.isAuthenticated).toBe(false);
    expect(state.token).toBeUndefined();
  });

  it('sends the expired session token along to the Frontend API', async () => {
    const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
    const state = await authenticateRequest(page({ __session: expired, __client_uat: String(NOW_S - 200) }), live());
    expect(state.status).toBe('handshake');
    expect(location(state).searchParams.get('__session')).toBe(expired);
  });

  it('rebuilds the return URL from X-Forwarded-Host and X-Forwarded-Proto', async () => {
    const request = page(
      { __client_uat: uat },
      { 'x-forwarded-host': 'shop.example.org', 'x-forwarded-proto': 'https' },
      'http://10.0.0.5:3000/cart?x=1',
    );
    const state = await authenticateRequest(request, live());
    expect(location(state).searchParams.get('redirect_url')).toBe('https://shop.example.org/cart?x=1');
  });

  it('ignores an X-Forwarded-Host that is not a host name', async () => {
    const request = page({ __client_uat: uat }, { 'x-forwarded-host': 'evil.example/@x' }, 'https://app.example.com/p');
    const state = await authenticateRequest(request, live());
    expect(location(state).searchParams.get('redirect_url')).toBe('https://app.example.com/p');
  });

  it('counts handshake redirects and signs out with the reason after the third in a row', async () => {
    const second = await authenticateRequest(page({ __client_uat: uat, __clerk_redirect_count: '2' }), live());
    expect(second.status).toBe('handshake');
    expect(second.headers.getSetCookie()).toEqual(['__clerk_redirect_count=3; SameSite=Lax; HttpOnly; Max-Age=2']);
    const looping = await authenticateRequest(page({ __client_uat: uat, __clerk_redirect_count: '3' }), live());
    expect(looping.status).toBe('signed-out');
    expect(looping.reason).toBe('client-uat-but-no-session-token');
    expect(looping.headers.get('location')).toBeNull();
  });

  it('is the same through a reusable authenticator', async () => {
    const authenticator = createRequestAuthenticator(live());
    const state = await authenticator.authenticateRequest(page({ __client_uat: uat }));
    expect(state.status).toBe('handshake');
  });
});

describe('handshake: only for page loads of a known instance', () => {
  it('signs out a fetch() with __client_uat > 0 and no session cookie, with the same reason', async () => {
    const state = await authenticateRequest(apiCall({ __client_uat: uat }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('client-uat-but-no-session-token');
    expect(state.headers.get('location')).toBeNull();
  });

  it('treats a request without Sec-Fetch-Dest but with Accept: text/html as a page load', async () => {
    const request = new Request('https://app.example.com/', {
      headers: { accept: 'text/html,application/xhtml+xml', cookie: `__client_uat=${uat}` },
    });
    expect((await authenticateRequest(request, live())).status).toBe('handshake');
  });

  it('treats an iframe navigation as a page load', async () => {
    expect((await authenticateRequest(page({ __client_uat: uat }, { 'sec-fetch-dest': 'iframe' }), live())).status).toBe('handshake');
  });

  it('does not treat Accept: application/json as a page load', async () => {
    const request = new Request('https://app.example.com/', { headers: { accept: 'application/json', cookie: `__client_uat=${uat}` } });
    expect((await authenticateRequest(request, live())).status).toBe('signed-out');
  });

  it('signs out a POST form submission (Sec-Fetch-Dest: document) instead of redirecting it', async () => {
    const request = new Request('https://app.example.com/form', {
      method: 'POST',
      headers: { 'sec-fetch-dest': 'document', cookie: `__client_uat=${uat}` },
    });
    const state = await authenticateRequest(request, live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('client-uat-but-no-session-token');
  });

  it('never answers a Bearer token with a handshake, even on a page load', async () => {
    const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
    const state = await authenticateRequest(page({ __client_uat: uat }, { authorization: `Bearer ${expired}` }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
  });

  it('never answers a machine token with a handshake', async () => {
    const state = await authenticateRequest(
      page({ __client_uat: uat }, { authorization: 'Bearer ak_123' }),
      live({ acceptsToken: 'api_key' }),
    );
    expect(state.status).toBe('signed-out');
  });

  it('does no handshake without a publishable key: the reason is the same, the answer signed out', async () => {
    const state = await authenticateRequest(page({ __client_uat: uat }), { jwtKey: key.pem, now: () => 0 });
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('client-uat-but-no-session-token');
  });
});

describe('handshake: __client_uat against the session cookie', () => {
  it('signs out a request without session cookie and with __client_uat = 0', async () => {
    const state = await authenticateRequest(page({ __client_uat: '0' }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('signs out a page load without any cookie on a production instance', async () => {
    const state = await authenticateRequest(page(), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('answers a session cookie without __client_uat with a handshake on a page load', async () => {
    const state = await authenticateRequest(page({ __session: validToken() }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('session-token-but-no-client-uat');
  });

  it('signs out a session cookie with __client_uat = 0 on any other request (session-token-but-no-client-uat)', async () => {
    const state = await authenticateRequest(apiCall({ __session: validToken(), __client_uat: '0' }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-but-no-client-uat');
  });

  it('answers a session token issued before __client_uat (a sign-out in another tab) with a handshake', async () => {
    const state = await authenticateRequest(page({ __session: validToken(), __client_uat: String(NOW_S) }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('session-token-iat-before-client-uat');
  });

  it('signs out a fetch() whose session token is older than __client_uat, without verifying it', async () => {
    const state = await authenticateRequest(apiCall({ __session: validToken(), __client_uat: String(NOW_S) }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-iat-before-client-uat');
  });

  it('signs in a valid session token issued at or after __client_uat', async () => {
    const state = await authenticateRequest(page({ __session: validToken(), __client_uat: String(NOW_S - 10) }), live());
    expect(state.status).toBe('signed-in');
    const auth = state.toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_2abc');
  });

  it('signs out a malformed session cookie with its reason, never a handshake', async () => {
    const state = await authenticateRequest(page({ __session: 'not.a.jwt', __client_uat: uat }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token_invalid');
  });

  it('signs out a cookie token signed by another key', async () => {
    const { testKey } = await import('../../helpers/keys.js');
    const forged = sessionToken(testKey('ins_forger'), {}, { kid: key.kid });
    const state = await authenticateRequest(page({ __session: forged, __client_uat: uat }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token_invalid_signature');
  });

  it('answers an expired session cookie on a page load with a handshake naming the refresh outcome', async () => {
    const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
    const state = await authenticateRequest(page({ __session: expired, __client_uat: String(NOW_S - 200) }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(state.message).toMatch(/expired/);
  });

  it('keeps session-token-expired-refresh-non-eligible-no-refresh-cookie as the reason of an expired cookie on a fetch()', async () => {
    const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
    const state = await authenticateRequest(apiCall({ __session: expired, __client_uat: String(NOW_S - 200) }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
  });

  it('answers a session cookie that is not active yet with a handshake (session-token-nbf)', async () => {
    const early = validToken({ iat: NOW_S - 10, nbf: NOW_S + 600 });
    const state = await authenticateRequest(page({ __session: early, __client_uat: String(NOW_S - 200) }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('session-token-nbf');
  });

  it('refuses a machine token in the session cookie before any handshake decision', async () => {
    const state = await authenticateRequest(page({ __session: 'ak_123' }), live({ acceptsToken: 'any' }));
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('token-type-mismatch');
  });
});

describe('handshake: suffixed cookies', () => {
  it('reads the suffixed cookies and says so to the Frontend API', async () => {
    const state = await authenticateRequest(page({ [`__client_uat_${SUFFIX_LIVE}`]: uat, __client_uat: '0' }), live());
    expect(state.status).toBe('handshake');
    expect(location(state).searchParams.get('suffixed_cookies')).toBe('true');
  });

  it('never lets a stale un-suffixed session win over a suffixed __client_uat that says signed out', async () => {
    const plain = validToken();
    const cookies = { __session: plain, __client_uat: '0', [`__client_uat_${SUFFIX_LIVE}`]: '0' };
    const state = await authenticateRequest(apiCall(cookies), live());
    expect(state.status).toBe('signed-out');
  });

  it('trusts the suffixed cookies when the un-suffixed session belongs to another instance', async () => {
    const foreign = validToken({ iss: 'https://clerk.other.example' });
    const mine = validToken({ sub: 'user_mine' });
    const cookies = { __session: foreign, __client_uat: uat, [`__session_${SUFFIX_LIVE}`]: mine, [`__client_uat_${SUFFIX_LIVE}`]: uat };
    const state = await authenticateRequest(apiCall(cookies), live());
    const auth = state.toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_mine');
  });

  it('reads the un-suffixed session when it is newer than the suffixed one and both say signed in', async () => {
    const older = validToken({ sub: 'user_old', iat: NOW_S - 50 });
    const newer = validToken({ sub: 'user_new', iat: NOW_S - 5 });
    const cookies = {
      __session: newer,
      __client_uat: String(NOW_S - 60),
      [`__session_${SUFFIX_LIVE}`]: older,
      [`__client_uat_${SUFFIX_LIVE}`]: String(NOW_S - 60),
    };
    const auth = (await authenticateRequest(apiCall(cookies), live())).toAuth();
    expect(auth.tokenType === 'session_token' && auth.userId).toBe('user_new');
  });
});

describe('handshake: development instances', () => {
  it('answers a page load without the dev-browser cookie with a handshake (dev-browser-missing)', async () => {
    const state = await authenticateRequest(page({ __session: validToken() }), dev());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('dev-browser-missing');
  });

  it('answers a first page load without any cookie with a handshake (dev-browser-missing)', async () => {
    expect((await authenticateRequest(page(), dev())).reason).toBe('dev-browser-missing');
  });

  it('answers a session cookie without __client_uat with a handshake once the dev browser is there', async () => {
    const state = await authenticateRequest(page({ __clerk_db_jwt: 'dvb_1', __session: validToken() }), dev());
    expect(state.reason).toBe('session-token-but-no-client-uat');
    expect(location(state).searchParams.get('__clerk_db_jwt')).toBe('dvb_1');
  });

  it('syncs a dev-browser token given in the URL, and leaves it out of the return URL', async () => {
    const state = await authenticateRequest(page({}, {}, 'https://app.example.com/p?__clerk_db_jwt=dvb_q&x=1'), dev());
    expect(state.reason).toBe('dev-browser-sync');
    const url = location(state);
    expect(url.searchParams.get('redirect_url')).toBe('https://app.example.com/p?x=1');
    expect(url.searchParams.get('__clerk_db_jwt')).toBe('dvb_q');
  });

  it('signs in a fetch() with a valid cookie and no dev browser (only page loads fetch one)', async () => {
    const state = await authenticateRequest(apiCall({ __session: validToken(), __client_uat: String(NOW_S - 10) }), dev());
    expect(state.status).toBe('signed-in');
  });
});

describe('handshake: satellite domains', () => {
  const satellite = { isSatellite: true, domain: 'satellite.example', signInUrl: 'https://app.example.com/sign-in' };
  const here = 'https://satellite.example/path';

  it('signs out a first visit without cookies when satelliteAutoSync is off (the default)', async () => {
    const state = await authenticateRequest(page({ __client_uat: '0' }, {}, here), live(satellite));
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
    expect(state.headers.get('location')).toBeNull();
  });

  it('syncs a production satellite through clerk.<domain> when __clerk_synced=false', async () => {
    const state = await authenticateRequest(page({ __client_uat: '0' }, {}, `${here}?__clerk_synced=false`), live(satellite));
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('satellite-needs-syncing');
    expect(location(state).origin).toBe('https://clerk.satellite.example');
  });

  it('syncs a satellite on a first visit when satelliteAutoSync is on', async () => {
    const state = await authenticateRequest(page({ __client_uat: '0' }, {}, here), live({ ...satellite, satelliteAutoSync: true }));
    expect(state.reason).toBe('satellite-needs-syncing');
  });

  it('does not sync again once __clerk_synced=true', async () => {
    const state = await authenticateRequest(
      page({ __client_uat: '0' }, {}, `${here}?__clerk_synced=true`),
      live({ ...satellite, satelliteAutoSync: true }),
    );
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('session-token-and-uat-missing');
  });

  it('signs out a satellite fetch() without cookies', async () => {
    const state = await authenticateRequest(apiCall({ __client_uat: '0' }, {}, here), live({ ...satellite, satelliteAutoSync: true }));
    expect(state.status).toBe('signed-out');
  });

  it('sends a development satellite to the primary sign-in page with __clerk_redirect_url', async () => {
    const options = dev({ ...satellite, satelliteAutoSync: true });
    const state = await authenticateRequest(page({ __client_uat: '0', __clerk_db_jwt: 'dvb_1' }, {}, here), options);
    expect(state.reason).toBe('satellite-needs-syncing');
    expect(state.headers.get('location')).toBe(
      'https://app.example.com/sign-in?__clerk_redirect_url=https%3A%2F%2Fsatellite.example%2Fpath',
    );
  });

  it('signs in a satellite with a valid cookie of its own Frontend API and __client_uat', async () => {
    const cookies = { __session: validToken({ iss: 'https://clerk.satellite.example' }), __client_uat: String(NOW_S - 10) };
    expect((await authenticateRequest(page(cookies, {}, here), live(satellite))).status).toBe('signed-in');
  });

  it('refuses satellite options without a domain or proxyUrl, and a development satellite without signInUrl', () => {
    expect(() => createRequestAuthenticator(live({ isSatellite: true }))).toThrow(/domain or a proxyUrl/);
    expect(() => createRequestAuthenticator(dev({ isSatellite: true, domain: 'satellite.example' }))).toThrow(/signInUrl/);
  });
});

describe('handshake: a development primary answering a satellite', () => {
  const back = encodeURIComponent('http://localhost:3001/dashboard?__clerk_synced=false');
  const url = `http://localhost:3000/sign-in?__clerk_redirect_url=${back}&__clerk_db_jwt=dvb_q`;
  const cookies = { __session: validToken(), __client_uat: String(NOW_S - 10), __clerk_db_jwt: 'dvb_1' };

  it('sends the browser back to an allowed satellite with the dev browser and __clerk_synced=true', async () => {
    const state = await authenticateRequest(page(cookies, {}, url), dev({ allowedRedirectOrigins: ['http://localhost:3001'] }));
    expect(state.reason).toBe('primary-responds-to-syncing');
    const target = location(state);
    expect(target.origin).toBe('http://localhost:3001');
    expect(target.searchParams.get('__clerk_db_jwt')).toBe('dvb_q');
    expect(target.searchParams.getAll('__clerk_synced')).toEqual(['true']);
  });

  it('never sends the dev browser to a __clerk_redirect_url of an origin that is not allowed (C.24)', async () => {
    const state = await authenticateRequest(page(cookies, {}, url), dev());
    // The request goes on as if there were no __clerk_redirect_url: here, the dev-browser sync with the Frontend API.
    expect(state.reason).toBe('dev-browser-sync');
    expect(location(state).origin).toBe('https://clerk.example.com');
    expect(state.headers.get('location')).not.toContain('localhost%3A3001');
  });
});

describe('handshake: cross-origin page loads on the primary domain', () => {
  const cookies = { __session: validToken(), __client_uat: String(NOW_S - 10) };
  const from = (referer: string, extra: Record<string, string> = {}) =>
    page(cookies, { referer, ...extra }, 'https://app.example.com/dashboard');

  it('answers a page load from another origin with a handshake (primary-domain-cross-origin-sync)', async () => {
    const state = await authenticateRequest(from('https://satellite.example/signin', { 'sec-fetch-site': 'cross-site' }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('primary-domain-cross-origin-sync');
  });

  it.each([
    ['a same-origin referer', 'https://app.example.com/other'],
    ['a referer that is not a URL', 'not a url'],
    ['the Frontend API', 'https://clerk.example.com/v1/client'],
    ['the Account Portal of the instance', 'https://accounts.example.com/sign-in'],
  ])('signs in a page load from %s', async (_name, referer) => {
    expect((await authenticateRequest(from(referer), live())).status).toBe('signed-in');
  });

  it('signs in without a referer, a POST, or a fetch()', async () => {
    expect((await authenticateRequest(page(cookies), live())).status).toBe('signed-in');
    const post = new Request('https://app.example.com/x', {
      method: 'POST',
      headers: {
        'sec-fetch-dest': 'document',
        referer: 'https://satellite.example/',
        cookie: `__session=${validToken()}; __client_uat=${NOW_S - 10}`,
      },
    });
    expect((await authenticateRequest(post, live())).status).toBe('signed-in');
    expect((await authenticateRequest(apiCall(cookies, { referer: 'https://satellite.example/' }), live())).status).toBe('signed-in');
  });

  it('still answers an unrelated accounts.* referer with a handshake', async () => {
    expect((await authenticateRequest(from('https://accounts.evil.example/'), live())).status).toBe('handshake');
  });

  it('trusts a development Account Portal referer only on a development instance', async () => {
    const portal = 'https://fancy-fox-12.accounts.dev/sign-in';
    const devCookies = { ...cookies, __clerk_db_jwt: 'dvb_1' };
    expect((await authenticateRequest(page(devCookies, { referer: portal }), dev())).status).toBe('signed-in');
    expect((await authenticateRequest(from(portal), live())).status).toBe('handshake');
  });

  it('does not force a cross-origin handshake while a handshake redirect is being counted', async () => {
    const state = await authenticateRequest(
      page({ ...cookies, __clerk_redirect_count: '1' }, { referer: 'https://satellite.example/' }),
      live(),
    );
    expect(state.status).toBe('signed-in');
  });
});

// Sec-Fetch-Site: Clerk read `cross-site` as cross-origin on its own until clerk/javascript#6600 ("Fix logic for
// forcing a session sync on cross origin requests") removed it: a redirect chain through Clerk's hosts marks a
// navigation cross-site even when the page came from the app itself, and a handshake there loops. @clerk/backend
// 3.25 decides on the Referer alone; so do we. Clerk's cases below all send `sec-fetch-site: cross-site`.
describe('handshake: cross-origin sync and Sec-Fetch-Site (Clerk request.test.ts cases)', () => {
  const cookies = { __session: validToken(), __client_uat: String(NOW_S - 10) };
  const crossSite = (referer: string | undefined, extra: Record<string, string> = {}) =>
    page(
      cookies,
      { 'sec-fetch-site': 'cross-site', ...(referer === undefined ? {} : { referer }), ...extra },
      'https://app.example.com/dashboard',
    );

  it('triggers handshake for cross-site document request on primary domain', async () => {
    const state = await authenticateRequest(crossSite('https://satellite.example/signin'), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('primary-domain-cross-origin-sync');
    expect(location(state).searchParams.get('__clerk_hs_reason')).toBe('primary-domain-cross-origin-sync');
  });

  it('does not trigger handshake when referrer matches current origin despite sec-fetch-site cross-site (redirect chain)', async () => {
    const state = await authenticateRequest(crossSite('https://app.example.com/some-page'), live());
    expect(state.status).toBe('signed-in');
  });

  it('does not trigger handshake on sec-fetch-site cross-site without a referer', async () => {
    expect((await authenticateRequest(crossSite(undefined), live())).status).toBe('signed-in');
  });

  it('triggers handshake on a cross-origin referer whatever sec-fetch-site says (same-site subdomain, none)', async () => {
    for (const site of ['same-site', 'same-origin', 'none']) {
      const state = await authenticateRequest(page(cookies, { referer: 'https://shop.example.com/', 'sec-fetch-site': site }), live());
      expect(state.reason).toBe('primary-domain-cross-origin-sync');
    }
  });

  it('triggers handshake when referer is an unrelated accounts.* domain', async () => {
    expect((await authenticateRequest(crossSite('https://accounts.unrelated.example/sign-in'), live())).reason).toBe(
      'primary-domain-cross-origin-sync',
    );
  });

  it.each([
    ['current format', 'https://foo-bar-13.accounts.dev/sign-in'],
    ['legacy format', 'https://accounts.foo-bar-13.lcl.dev/sign-in'],
  ])('does not trigger cross-origin handshake when referer is from dev accounts portal on a dev instance (%s)', async (_f, referer) => {
    const state = await authenticateRequest(
      page({ ...cookies, __clerk_db_jwt: 'dvb_1' }, { referer, 'sec-fetch-site': 'cross-site' }, 'https://app.example.com/dashboard'),
      dev(),
    );
    expect(state.status).toBe('signed-in');
  });

  it.each([
    ['current format', 'https://foo-bar-13.accounts.dev/sign-in'],
    ['legacy format', 'https://accounts.foo-bar-13.lcl.dev/sign-in'],
  ])('triggers handshake when referer is a dev accounts portal on a production instance (%s)', async (_f, referer) => {
    expect((await authenticateRequest(crossSite(referer), live())).reason).toBe('primary-domain-cross-origin-sync');
  });

  it.each([
    ['the accounts portal derived from the Frontend API', 'https://accounts.example.com/sign-in'],
    ['the Frontend API (redirect-based auth)', 'https://clerk.example.com/v1/client/sign_ins/12345/attempt_first_factor'],
    ['the Frontend API with an https prefix', 'https://clerk.example.com/sign-in'],
  ])('does not trigger handshake when referer is from %s', async (_name, referer) => {
    expect((await authenticateRequest(crossSite(referer), live())).status).toBe('signed-in');
  });

  it('does not trigger a cross-origin handshake on a satellite', async () => {
    const satellite = live({ isSatellite: true, domain: 'satellite.example' });
    const state = await authenticateRequest(
      page(
        { __session: validToken({ iss: 'https://clerk.satellite.example' }), __client_uat: String(NOW_S - 10) },
        { referer: 'https://app.example.com/', 'sec-fetch-site': 'cross-site' },
        'https://satellite.example/p?__clerk_synced=true',
      ),
      satellite,
    );
    expect(state.status).toBe('signed-in');
  });
});

describe('handshake: proxies', () => {
  it('resolves a relative proxyUrl against the forwarded origin', async () => {
    const request = page(
      { __client_uat: uat },
      { 'x-forwarded-host': 'shop.example.org', 'x-forwarded-proto': 'https' },
      'http://127.0.0.1:3000/',
    );
    const url = location(await authenticateRequest(request, live({ proxyUrl: '/__clerk' })));
    expect(url.href.startsWith('https://shop.example.org/__clerk/v1/client/handshake?')).toBe(true);
  });

  it('uses an absolute proxyUrl as is', async () => {
    const url = location(await authenticateRequest(page({ __client_uat: uat }), live({ proxyUrl: 'https://proxy.example.com/clerk/' })));
    expect(url.href.startsWith('https://proxy.example.com/clerk/v1/client/handshake?')).toBe(true);
  });

  it.each(['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'ftp://x.example'])(
    'refuses the proxyUrl %s at construction (C.24)',
    (proxyUrl) => {
      expect(() => createRequestAuthenticator(live({ proxyUrl }))).toThrow(/proxyUrl/);
    },
  );

  it('gives options_invalid from the convenience function for a bad proxyUrl', async () => {
    const state = await authenticateRequest(page({ __client_uat: uat }), live({ proxyUrl: '//evil.example' }));
    expect(state.reason).toBe('options_invalid');
  });
});

describe('handshake: bad input is a result', () => {
  it.each([
    ['an oversized session cookie', { __session: 'a'.repeat(20_000), __client_uat: uat }],
    ['a __client_uat that is not a number', { __client_uat: 'NaN', __session: validToken() }],
    ['a negative redirect counter', { __client_uat: uat, __clerk_redirect_count: '-4' }],
    ['a malformed percent escape', { __client_uat: uat, __session: '%E0%A4%A' }],
  ])('answers %s without throwing', async (_name, cookies) => {
    const state = await authenticateRequest(page(cookies), live());
    expect(['signed-out', 'handshake']).toContain(state.status);
  });

  it('answers a page load whose URL is a path without a host', async () => {
    const { createRequestAuthenticator: create } = await import('../../../../src/auth/index.js');
    const state = await create(live()).authenticateParts({
      authorization: undefined,
      cookie: `__client_uat=${uat}`,
      sessionIdParam: undefined,
      method: 'GET',
      url: '//evil.example/x',
      header: (name) => (name === 'sec-fetch-dest' ? 'document' : undefined),
    });
    expect(state.status).toBe('handshake');
    expect(location(state).searchParams.get('redirect_url')).toBe('http://localhost//evil.example/x');
  });

  it('keeps the publishable key constant PK_LIVE decodable', () => {
    expect(atob(PK_LIVE.slice('pk_live_'.length))).toBe('clerk.example.com$');
  });
});
