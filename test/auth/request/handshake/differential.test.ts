// Differential: the same requests through our authenticateRequest and @clerk/backend's, comparing the decision
// (status), the reason, and for a handshake the Frontend API URL and its parameters.
import { createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticateRequest, type AuthenticateRequestOptions } from '../../../../src/auth/index.js';
import { cookieHeader, key, NOW_MS, NOW_S, PK_LIVE, PK_TEST, SUFFIX_LIVE, validToken } from './helpers.js';

interface Scenario {
  name: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  url?: string;
  method?: string;
  options?: Record<string, unknown>;
  dev?: boolean;
}

const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
const uat = String(NOW_S - 100);
const notYet = validToken({ iat: NOW_S - 10, nbf: NOW_S + 600 });
const signedIn = { __session: validToken(), __client_uat: String(NOW_S - 10) };
const doc = { 'sec-fetch-dest': 'document' };
const fetchCall = { 'sec-fetch-dest': 'empty' };
const satellite = { isSatellite: true, domain: 'satellite.example', signInUrl: 'https://app.example.com/sign-in' };

const scenarios: Scenario[] = [
  { name: 'page load, __client_uat > 0, no session', cookies: { __client_uat: uat }, headers: doc },
  { name: 'fetch, __client_uat > 0, no session', cookies: { __client_uat: uat }, headers: fetchCall },
  { name: 'page load, session without __client_uat', cookies: { __session: validToken() }, headers: doc },
  { name: 'fetch, session with __client_uat = 0', cookies: { __session: validToken(), __client_uat: '0' }, headers: fetchCall },
  { name: 'page load, session older than __client_uat', cookies: { __session: validToken(), __client_uat: String(NOW_S) }, headers: doc },
  { name: 'fetch, session older than __client_uat', cookies: { __session: validToken(), __client_uat: String(NOW_S) }, headers: fetchCall },
  { name: 'page load, valid session', cookies: signedIn, headers: doc },
  { name: 'fetch, valid session', cookies: signedIn, headers: fetchCall },
  { name: 'page load, expired session', cookies: { __session: expired, __client_uat: String(NOW_S - 200) }, headers: doc },
  { name: 'fetch, expired session', cookies: { __session: expired, __client_uat: String(NOW_S - 200) }, headers: fetchCall },
  { name: 'page load, no cookies (production)', headers: doc },
  { name: 'fetch, no token at all', headers: fetchCall },
  { name: 'Bearer, expired, GET', headers: { ...fetchCall, authorization: `Bearer ${expired}` } },
  { name: 'Bearer, expired, POST', headers: { ...fetchCall, authorization: `Bearer ${expired}` }, method: 'POST' },
  { name: 'Bearer, not active yet', headers: { ...fetchCall, authorization: `Bearer ${notYet}` } },
  { name: 'fetch, session cookie not active yet', cookies: { __session: notYet, __client_uat: uat }, headers: fetchCall },
  {
    name: 'POST, expired session cookie',
    cookies: { __session: expired, __client_uat: String(NOW_S - 200) },
    headers: fetchCall,
    method: 'POST',
  },

  { name: 'page load, __client_uat = 0 only', cookies: { __client_uat: '0' }, headers: doc },
  { name: 'POST form, __client_uat > 0, no session', cookies: { __client_uat: uat }, headers: doc, method: 'POST' },
  { name: 'Accept: text/html without Sec-Fetch-Dest', cookies: { __client_uat: uat }, headers: { accept: 'text/html' } },
  { name: 'redirect loop: third handshake in a row', cookies: { __client_uat: uat, __clerk_redirect_count: '3' }, headers: doc },
  {
    name: 'suffixed __client_uat signed in, plain signed out',
    cookies: { [`__client_uat_${SUFFIX_LIVE}`]: uat, __client_uat: '0' },
    headers: doc,
  },
  {
    name: 'suffixed and plain both signed out',
    cookies: { __session: validToken(), __client_uat: '0', [`__client_uat_${SUFFIX_LIVE}`]: '0' },
    headers: fetchCall,
  },
  {
    name: 'session of another instance beside a suffixed one',
    cookies: {
      __session: validToken({ iss: 'https://clerk.other.example' }),
      __client_uat: uat,
      [`__session_${SUFFIX_LIVE}`]: validToken(),
      [`__client_uat_${SUFFIX_LIVE}`]: String(NOW_S - 10),
    },
    headers: fetchCall,
  },
  { name: 'cross-origin page load on the primary', cookies: signedIn, headers: { ...doc, referer: 'https://satellite.example/x' } },
  { name: 'page load from the Account Portal', cookies: signedIn, headers: { ...doc, referer: 'https://accounts.example.com/sign-in' } },
  { name: 'page load from the Frontend API', cookies: signedIn, headers: { ...doc, referer: 'https://clerk.example.com/v1' } },
  {
    name: 'Sec-Fetch-Site cross-site with a cross-origin referer',
    cookies: signedIn,
    headers: { ...doc, referer: 'https://satellite.example/x', 'sec-fetch-site': 'cross-site' },
  },
  { name: 'Sec-Fetch-Site cross-site without a referer', cookies: signedIn, headers: { ...doc, 'sec-fetch-site': 'cross-site' } },
  {
    name: 'Sec-Fetch-Site cross-site with a same-origin referer (redirect chain)',
    cookies: signedIn,
    headers: { ...doc, referer: 'https://app.example.com/from', 'sec-fetch-site': 'cross-site' },
  },
  {
    name: 'Sec-Fetch-Site same-site with a sibling-subdomain referer',
    cookies: signedIn,
    headers: { ...doc, referer: 'https://shop.example.com/', 'sec-fetch-site': 'same-site' },
  },
  {
    name: 'page load from an unrelated accounts.* host',
    cookies: signedIn,
    headers: { ...doc, referer: 'https://accounts.evil.example/' },
  },
  {
    name: 'proxied page load (relative proxyUrl, forwarded host)',
    cookies: { __client_uat: uat },
    headers: { ...doc, 'x-forwarded-host': 'shop.example.org', 'x-forwarded-proto': 'https' },
    options: { proxyUrl: '/__clerk' },
  },
  { name: 'absolute proxyUrl', cookies: { __client_uat: uat }, headers: doc, options: { proxyUrl: 'https://proxy.example.com/clerk' } },
  {
    name: 'satellite first visit without cookies',
    cookies: { __client_uat: '0' },
    headers: doc,
    url: 'https://satellite.example/p',
    options: satellite,
  },
  {
    name: 'satellite after sign-in (__clerk_synced=false)',
    cookies: { __client_uat: '0' },
    headers: doc,
    url: 'https://satellite.example/p?__clerk_synced=false',
    options: satellite,
  },
  {
    name: 'satellite with satelliteAutoSync',
    cookies: { __client_uat: '0' },
    headers: doc,
    url: 'https://satellite.example/p',
    options: { ...satellite, satelliteAutoSync: true },
  },
  {
    name: 'satellite already synced',
    cookies: { __client_uat: '0' },
    headers: doc,
    url: 'https://satellite.example/p?__clerk_synced=true',
    options: { ...satellite, satelliteAutoSync: true },
  },
  {
    name: 'satellite with a valid session of its own Frontend API (clerk.<domain>)',
    cookies: { __session: validToken({ iss: 'https://clerk.satellite.example' }), __client_uat: String(NOW_S - 10) },
    headers: doc,
    url: 'https://satellite.example/p',
    options: satellite,
  },
  {
    name: 'satellite with an un-suffixed session of the primary',
    cookies: signedIn,
    headers: doc,
    url: 'https://satellite.example/p',
    options: satellite,
  },
  { name: 'development: page load without dev browser', cookies: { __session: validToken() }, headers: doc, dev: true },
  { name: 'development: first page load', headers: doc, dev: true },
  {
    name: 'development: session without __client_uat',
    cookies: { __clerk_db_jwt: 'dvb_1', __session: validToken() },
    headers: doc,
    dev: true,
  },
  { name: 'development: dev browser in the URL', headers: doc, url: 'https://app.example.com/p?__clerk_db_jwt=dvb_q&x=1', dev: true },
  { name: 'development: valid session with dev browser', cookies: { ...signedIn, __clerk_db_jwt: 'dvb_1' }, headers: doc, dev: true },
  {
    name: 'development satellite sync to the primary sign-in',
    cookies: { __client_uat: '0', __clerk_db_jwt: 'dvb_1' },
    headers: doc,
    url: 'https://satellite.example/p',
    dev: true,
    options: { ...satellite, satelliteAutoSync: true },
  },
  {
    name: 'organization sync: URL names another organization',
    cookies: signedIn,
    headers: doc,
    url: 'https://app.example.com/orgs/acme',
    options: { organizationSyncOptions: { organizationPatterns: ['/orgs/:slug'] } },
  },
];

function request(scenario: Scenario): Request {
  const headers: Record<string, string> = { ...(scenario.headers ?? {}) };
  if (scenario.cookies) headers['cookie'] = cookieHeader(scenario.cookies);
  return new Request(scenario.url ?? 'https://app.example.com/path', { method: scenario.method ?? 'GET', headers });
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_MS);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('differential: cookie-session decisions against @clerk/backend', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const publishableKey = scenario.dev ? PK_TEST : PK_LIVE;
    const secretKey = scenario.dev ? 'sk_test_differential' : 'sk_live_differential';
    const options = { ...(scenario.options ?? {}) };
    const ours = await authenticateRequest(request(scenario), {
      jwtKey: key.pem,
      publishableKey,
      now: () => NOW_MS,
      ...options,
    } as AuthenticateRequestOptions);
    const clerk = createClerkClient({ secretKey, publishableKey, jwtKey: key.pem });
    const theirs = await clerk.authenticateRequest(request(scenario), { jwtKey: key.pem, ...options } as never);
    expect(ours.status).toBe(theirs.status);
    // Every reason is Clerk's exact string: no mapping between the two (#24 item 4).
    if (ours.status !== 'signed-in') expect(ours.reason).toBe(theirs.reason);
    const ourLocation = ours.headers.get('location');
    const theirLocation = theirs.headers.get('location');
    expect(ourLocation === null).toBe(theirLocation === null);
    if (ourLocation !== null && theirLocation !== null) {
      const a = new URL(ourLocation);
      const b = new URL(theirLocation);
      expect(`${a.origin}${a.pathname}`).toBe(`${b.origin}${b.pathname}`);
      expect([...a.searchParams].sort()).toEqual([...b.searchParams].sort());
      expect(ours.headers.get('cache-control')).toBe(theirs.headers.get('cache-control'));
      expect(ours.headers.getSetCookie()).toEqual(theirs.headers.getSetCookie());
    }
  });
});

describe('differential: where we decide differently on purpose', () => {
  const clerkFor = (publishableKey: string, secretKey: string) => createClerkClient({ secretKey, publishableKey, jwtKey: key.pem });

  it('an expired Bearer token on a page load: Clerk redirects to a handshake, we answer signed out', async () => {
    const make = () => new Request('https://app.example.com/', { headers: { ...doc, authorization: `Bearer ${expired}` } });
    const theirs = await clerkFor(PK_LIVE, 'sk_live_differential').authenticateRequest(make(), { jwtKey: key.pem });
    const ours = await authenticateRequest(make(), { jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS });
    expect(theirs.status).toBe('handshake');
    expect(ours.status).toBe('signed-out');
    expect(ours.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
  });

  it('a development fetch() without the dev browser: Clerk signs out, we judge its cookies', async () => {
    const make = () => new Request('https://app.example.com/api', { headers: { ...fetchCall, cookie: cookieHeader(signedIn) } });
    const theirs = await clerkFor(PK_TEST, 'sk_test_differential').authenticateRequest(make(), { jwtKey: key.pem });
    const ours = await authenticateRequest(make(), { jwtKey: key.pem, publishableKey: PK_TEST, now: () => NOW_MS });
    expect(theirs.reason).toBe('dev-browser-missing');
    expect(ours.status).toBe('signed-in');
  });

  it('a development primary asked to send the browser to a foreign __clerk_redirect_url: Clerk does, we do not', async () => {
    const url = `https://app.example.com/sign-in?__clerk_redirect_url=${encodeURIComponent('https://evil.example/steal')}`;
    const make = () => new Request(url, { headers: { ...doc, cookie: cookieHeader({ ...signedIn, __clerk_db_jwt: 'dvb_secret' }) } });
    const theirs = await clerkFor(PK_TEST, 'sk_test_differential').authenticateRequest(make(), { jwtKey: key.pem });
    const ours = await authenticateRequest(make(), { jwtKey: key.pem, publishableKey: PK_TEST, now: () => NOW_MS });
    expect(theirs.headers.get('location')).toContain('evil.example');
    expect(theirs.headers.get('location')).toContain('dvb_secret');
    expect(ours.headers.get('location')).toBeNull();
  });
});
