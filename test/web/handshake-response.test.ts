import { describe, expect, it } from 'vitest';
import { createWebAuth, handshakeResponse } from '../../src/web/index.js';
import { key, NOW_MS, NOW_S, page, PK_LIVE, validToken } from '../auth/request/handshake/helpers.js';

const clerk = createWebAuth({ jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS });

describe('clerk-bapi/web: the handshake redirect', () => {
  it('protect gives the 307 redirect Response of a handshake state', async () => {
    const { response, state } = await clerk.protect(page({ __client_uat: String(NOW_S - 100) }));
    expect(state.status).toBe('handshake');
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toMatch(/^https:\/\/clerk\.example\.com\/v1\/client\/handshake\?/);
    expect(response?.headers.getSetCookie()).toHaveLength(1);
  });

  it('withAuth answers with the redirect and never runs the handler', async () => {
    let ran = false;
    const handler = clerk.withAuth(() => {
      ran = true;
      return new Response('page');
    });
    const response = await handler(page({ __client_uat: String(NOW_S - 100) }));
    expect(response.status).toBe(307);
    expect(ran).toBe(false);
  });

  it('handshakeResponse gives nothing for a signed-in state', async () => {
    const state = await clerk.authenticate(page({ __session: validToken(), __client_uat: String(NOW_S - 10) }));
    expect(state.status).toBe('signed-in');
    expect(handshakeResponse(state)).toBeUndefined();
  });
});
