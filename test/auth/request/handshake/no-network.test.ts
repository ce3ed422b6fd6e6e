// The handshake decision itself never calls the network: only the return trip of a nonce does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestAuthenticator } from '../../../../src/auth/index.js';
import { createClerkClient } from '../../../../src/index.js';
import { freshCookies, handshakeToken } from './fake-frontend-api.js';
import { apiCall, dev, live, NOW_S, page, SUFFIX_LIVE, validToken } from './helpers.js';

describe('handshake: no network call where none is needed', () => {
  const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
  const authenticator = createRequestAuthenticator(
    live({ secretKey: 'sk_live_no_network', fetch: fetch as unknown as typeof globalThis.fetch }),
  );

  it.each([
    ['a valid cookie page load', page({ __session: validToken(), __client_uat: String(NOW_S - 10) })],
    ['a page load that needs a handshake', page({ __client_uat: String(NOW_S - 100) })],
    [
      'an expired cookie page load',
      page({ __session: validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 }), __client_uat: String(NOW_S - 200) }),
    ],
    [
      'a cross-origin page load',
      page({ __session: validToken(), __client_uat: String(NOW_S - 10) }, { referer: 'https://satellite.example/' }),
    ],
    ['a fetch() without cookies', apiCall()],
    ['a Bearer request', new Request('https://app.example.com/api', { headers: { authorization: `Bearer ${validToken()}` } })],
  ])('decides %s without fetch', async (_name, request) => {
    const state = await authenticator.authenticateRequest(request);
    expect(['signed-in', 'signed-out', 'handshake']).toContain(state.status);
    expect(fetch).not.toHaveBeenCalled();
  });
});

// #24 "Done when": the handshake decision adds no network call to a request that does not need one. Here the
// authenticator has everything that could reach the network (a Backend API client from the secret key, as the
// adapters create, and the global fetch), all counted; only a nonce return trip and a __refresh cookie may call.
describe('handshake: zero fetches with a Backend API client at hand', () => {
  const calls: string[] = [];
  const counting = async (input: RequestInfo | URL): Promise<Response> => {
    calls.push(input instanceof Request ? input.url : String(input));
    return Response.json({ errors: [{ code: 'resource_not_found', message: 'none' }] }, { status: 404 });
  };
  const client = createClerkClient({ secretKey: 'sk_live_zero_fetch', fetch: counting });
  const uat = String(NOW_S - 10);
  const valid = { __session: validToken(), __client_uat: uat };
  const expired = validToken({ iat: NOW_S - 120, nbf: NOW_S - 120, exp: NOW_S - 60 });
  const options = {
    secretKey: 'sk_live_zero_fetch',
    client,
    organizationSyncOptions: { organizationPatterns: ['/orgs/:slug'] },
  };
  const primary = createRequestAuthenticator(live(options));
  const satellite = createRequestAuthenticator(live({ ...options, isSatellite: true, domain: 'satellite.example' }));
  const proxied = createRequestAuthenticator(live({ ...options, proxyUrl: '/__clerk' }));
  const development = createRequestAuthenticator(dev(options));

  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('fetch', counting);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['a valid cookie page load', primary, page(valid)],
    ['a valid cookie fetch()', primary, apiCall(valid)],
    [
      'a valid Bearer request',
      primary,
      new Request('https://app.example.com/api', { headers: { authorization: `Bearer ${validToken()}` } }),
    ],
    ['an expired Bearer request', primary, new Request('https://app.example.com/api', { headers: { authorization: `Bearer ${expired}` } })],
    ['a page load with __client_uat and no session', primary, page({ __client_uat: uat })],
    ['a session older than __client_uat', primary, page({ __session: validToken(), __client_uat: String(NOW_S) })],
    ['an expired cookie without __refresh (page load)', primary, page({ __session: expired, __client_uat: String(NOW_S - 200) })],
    ['an expired cookie without __refresh (fetch)', primary, apiCall({ __session: expired, __client_uat: String(NOW_S - 200) })],
    ['a cross-origin page load on the primary', primary, page(valid, { referer: 'https://satellite.example/' })],
    ['an organization page of another organization', primary, page(valid, {}, 'https://app.example.com/orgs/acme')],
    [
      'a __clerk_handshake token return trip',
      primary,
      page({}, {}, `https://app.example.com/p?__clerk_handshake=${handshakeToken(freshCookies())}`),
    ],
    ['a satellite first visit', satellite, page({}, {}, 'https://satellite.example/p')],
    ['a satellite sync (__clerk_synced=false)', satellite, page({}, {}, 'https://satellite.example/p?__clerk_synced=false')],
    ['a proxied page load that needs a handshake', proxied, page({ __client_uat: uat })],
    ['a development page load without the dev browser', development, page(valid)],
    ['no token at all', primary, apiCall()],
  ])('decides %s without any fetch', async (_name, authenticator, request) => {
    const state = await authenticator.authenticateRequest(request);
    expect(['signed-in', 'signed-out', 'handshake']).toContain(state.status);
    expect(calls).toEqual([]);
  });

  it('counts the calls that are needed: a nonce return trip and a __refresh cookie each call the Backend API once', async () => {
    await primary.authenticateRequest(page({}, {}, 'https://app.example.com/p?__clerk_handshake_nonce=n_1'));
    expect(calls.map((url) => new URL(url).pathname)).toEqual(['/v1/clients/handshake_payload']);
    calls.length = 0;
    await primary.authenticateRequest(page({ __session: expired, __client_uat: String(NOW_S - 200), [`__refresh_${SUFFIX_LIVE}`]: 'r' }));
    expect(calls.map((url) => new URL(url).pathname)).toEqual(['/v1/sessions/sess_2abc/refresh']);
  });
});
