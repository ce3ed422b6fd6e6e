// Ported from Clerk's refreshToken cases: an expired session cookie with a __refresh cookie is refreshed through
// the Backend API on a GET; every failure falls back to the handshake with the refresh reason in it.
import { createClerkClient as createBackendClient } from '@clerk/backend';
import { describe, expect, it, vi } from 'vitest';
import { authenticateRequest, type AuthClient } from '../../../../src/auth/index.js';
import { createClerkClient } from '../../../../src/index.js';
import { freshCookies } from './fake-frontend-api.js';
import { apiCall, key, live, NOW_MS, NOW_S, page, PK_LIVE, SUFFIX_LIVE, validToken } from './helpers.js';

const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
const cookies = { __session: expired, __client_uat: String(NOW_S - 200), [`__refresh_${SUFFIX_LIVE}`]: 'refresh_1' };

function client(answer: () => Promise<{ data?: unknown; errors?: unknown[] }>) {
  const refreshSession = vi.fn(answer);
  return { refreshSession, client: { sessions: { refreshSession } } as unknown as AuthClient };
}

describe('handshake: refresh from the __refresh cookie', () => {
  it('signs in with the refreshed session and hands its cookies to the response', async () => {
    const { refreshSession, client: c } = client(async () => ({ data: { object: 'cookies', cookies: freshCookies() } }));
    const state = await authenticateRequest(page(cookies, { 'user-agent': 'UA' }), live({ client: c }));
    expect(state.status).toBe('signed-in');
    expect(state.headers.getSetCookie()).toEqual(freshCookies());
    const [sid, params] = refreshSession.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(sid).toBe('sess_2abc');
    expect(params).toMatchObject({
      expired_token: expired,
      refresh_token: 'refresh_1',
      request_origin: 'https://app.example.com',
      format: 'cookie',
    });
    expect(JSON.stringify(params['request_headers'])).not.toContain('cookie');
  });

  it('refreshes a fetch() too, since it is a GET', async () => {
    const { client: c } = client(async () => ({ data: { cookies: freshCookies() } }));
    expect((await authenticateRequest(apiCall(cookies), live({ client: c }))).status).toBe('signed-in');
  });

  it('reads only the suffixed __refresh cookie', async () => {
    const { refreshSession, client: c } = client(async () => ({ data: { cookies: freshCookies() } }));
    const plainOnly = { __session: expired, __client_uat: String(NOW_S - 200), __refresh: 'plain' };
    const state = await authenticateRequest(page(plainOnly), live({ client: c }));
    expect(state.reason).toBe('session-token-expired-refresh-non-eligible-no-refresh-cookie');
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it.each([
    ['no client', undefined, 'missing-api-client'],
    ['a Backend API error', async () => ({ errors: [{ code: 'session_not_found', status: 404 }] }), 'unexpected-bapi-error'],
    ['a network error', async () => ({ errors: [{ code: 'network_error' }] }), 'fetch-error'],
    ['a client that throws', () => Promise.reject(new Error('boom')), 'unexpected-bapi-error'],
    ['an answer without cookies', async () => ({ data: { cookies: [] } }), 'unexpected-bapi-error'],
    ['a refreshed token that does not verify', async () => ({ data: { cookies: [`__session=${expired}`] } }), 'invalid-session-token'],
    ['only foreign cookies in the answer', async () => ({ data: { cookies: ['sid=evil', 'theme=dark'] } }), 'unexpected-bapi-error'],
  ])('falls back to the handshake after %s', async (_name, answer, why) => {
    const options = answer === undefined ? live() : live({ client: client(answer as () => Promise<{ data?: unknown }>).client });
    const state = await authenticateRequest(page(cookies), options);
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe(`session-token-expired-refresh-${why}`);
  });

  it('does not refresh a POST', async () => {
    const { refreshSession, client: c } = client(async () => ({ data: { cookies: freshCookies() } }));
    const request = new Request('https://app.example.com/form', {
      method: 'POST',
      headers: { 'sec-fetch-dest': 'document', cookie: `__session=${expired}; __client_uat=${NOW_S - 200}; __refresh_${SUFFIX_LIVE}=r` },
    });
    const state = await authenticateRequest(request, live({ client: c }));
    expect(state.status).toBe('signed-out');
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it('does not refresh a token without sid', async () => {
    const { refreshSession, client: c } = client(async () => ({ data: { cookies: freshCookies() } }));
    const noSid = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60, sid: undefined });
    const state = await authenticateRequest(page({ ...cookies, __session: noSid }), live({ client: c }));
    expect(refreshSession).not.toHaveBeenCalled();
    expect(state.status).not.toBe('signed-in');
  });

  it('sets only Clerk cookies of the answer', async () => {
    const { client: c } = client(async () => ({ data: { cookies: [...freshCookies(), 'theme=evil', '__client_uat=1\r\nX: y'] } }));
    const state = await authenticateRequest(page(cookies), live({ client: c }));
    expect(state.headers.getSetCookie()).toEqual(freshCookies());
  });
});

describe('handshake: the refresh call sends what @clerk/backend sends', () => {
  const suffixedJar = {
    [`__session_${SUFFIX_LIVE}`]: expired,
    [`__client_uat_${SUFFIX_LIVE}`]: String(NOW_S - 200),
    [`__refresh_${SUFFIX_LIVE}`]: 'refresh_1',
  };
  const answer = () => Response.json({ object: 'cookies', cookies: freshCookies() });

  /** Runs one page load through createClerkClient with a recording fetch; gives the refresh request it sent. */
  async function ourRefreshRequest(jar: Record<string, string>): Promise<Request> {
    const sent: Request[] = [];
    const api = createClerkClient({
      secretKey: 'sk_live_refresh',
      fetch: async (request: Request) => (sent.push(request.clone()), answer()),
    });
    await authenticateRequest(page(jar), live({ client: api }));
    expect(sent).toHaveLength(1);
    return sent[0] as Request;
  }

  it.each([
    ['suffixed', suffixedJar, 'true'],
    ['un-suffixed', cookies, 'false'],
  ])('sends suffixed_cookies in the query for %s cookies', async (_name, jar, expected) => {
    const request = await ourRefreshRequest(jar);
    const url = new URL(request.url);
    expect(url.pathname).toBe('/v1/sessions/sess_2abc/refresh');
    expect(url.searchParams.get('suffixed_cookies')).toBe(expected);
    const body = (await request.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('suffixed_cookies');
    expect(body).toMatchObject({ format: 'cookie', refresh_token: 'refresh_1', request_origin: 'https://app.example.com' });
  });

  it('matches @clerk/backend: same path, same query, same body fields', async () => {
    const theirs: Request[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      theirs.push(new Request(input, init));
      return answer();
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
    try {
      const clerk = createBackendClient({ secretKey: 'sk_live_refresh', publishableKey: PK_LIVE, jwtKey: key.pem });
      await clerk.authenticateRequest(page(suffixedJar), { jwtKey: key.pem });
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
    const refresh = theirs.find((request) => request.url.includes('/refresh'));
    expect(refresh).toBeDefined();
    const ours = await ourRefreshRequest(suffixedJar);
    const a = new URL(ours.url);
    const b = new URL((refresh as Request).url);
    expect(a.pathname).toBe(b.pathname);
    expect([...a.searchParams].sort()).toEqual([...b.searchParams].sort());
    const ourBody = (await ours.json()) as Record<string, unknown>;
    const theirBody = (await (refresh as Request).json()) as Record<string, unknown>;
    expect(Object.keys(ourBody).sort()).toEqual(Object.keys(theirBody).sort());
    for (const name of ['expired_token', 'refresh_token', 'request_origin', 'format']) expect(ourBody[name]).toEqual(theirBody[name]);
  });
});
