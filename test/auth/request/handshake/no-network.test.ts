// The handshake decision itself never calls the network: only the return trip of a nonce does.
import { describe, expect, it, vi } from 'vitest';
import { createRequestAuthenticator } from '../../../../src/auth/index.js';
import { apiCall, live, NOW_S, page, validToken } from './helpers.js';

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
