// Redirect targets taken from the request (SECURITY C.24), duplicate parameters and other hostile input.
import { describe, expect, it } from 'vitest';
import { authenticateRequest } from '../../../../src/auth/index.js';
import { dev, live, location, NOW_S, page, validToken } from './helpers.js';

const signedIn = { __session: validToken(), __client_uat: String(NOW_S - 10), __clerk_db_jwt: 'dvb_secret' };
const allowed = dev({ allowedRedirectOrigins: ['http://localhost:3001'] });

describe('hostile __clerk_redirect_url on a development primary', () => {
  it.each([
    'javascript:alert(1)',
    '//evil.example/x',
    '/\\evil.example',
    'http://localhost:3001@evil.example/',
    'http://evil.example/?http://localhost:3001',
    'data:text/html,<script>alert(1)</script>',
    'http://localhost:3001.evil.example/',
    'HTTP://LOCALHOST:3002/',
  ])('never redirects to %s nor hands it the dev browser', async (target) => {
    const state = await authenticateRequest(
      page(signedIn, {}, `https://app.example.com/sign-in?__clerk_redirect_url=${encodeURIComponent(target)}`),
      allowed,
    );
    expect(state.headers.get('location') ?? '').not.toContain('dvb_secret');
    expect(state.status).toBe('signed-in');
  });

  it('redirects to an allowed origin written in another case', async () => {
    const state = await authenticateRequest(
      page(signedIn, {}, `https://app.example.com/sign-in?__clerk_redirect_url=${encodeURIComponent('HTTP://LOCALHOST:3001/x')}`),
      allowed,
    );
    expect(location(state).origin).toBe('http://localhost:3001');
  });

  it('redirects back to its own origin without any allowed origin', async () => {
    const state = await authenticateRequest(
      page(signedIn, {}, `https://app.example.com/sign-in?__clerk_redirect_url=${encodeURIComponent('https://app.example.com/after')}`),
      dev(),
    );
    expect(location(state).href.startsWith('https://app.example.com/after?')).toBe(true);
  });
});

describe('duplicate and malformed parameters', () => {
  const satellite = { isSatellite: true, domain: 'satellite.example', signInUrl: 'https://app.example.com/sign-in' };

  it('reads the first of duplicate __clerk_synced parameters', async () => {
    const first = await authenticateRequest(
      page({ __client_uat: '0' }, {}, 'https://satellite.example/p?__clerk_synced=true&__clerk_synced=false'),
      live(satellite),
    );
    expect(first.status).toBe('signed-out');
    const second = await authenticateRequest(
      page({ __client_uat: '0' }, {}, 'https://satellite.example/p?__clerk_synced=false&__clerk_synced=true'),
      live(satellite),
    );
    expect(second.status).toBe('handshake');
  });

  it('answers duplicate cookies by their first occurrence', async () => {
    const request = new Request('https://app.example.com/', {
      headers: { 'sec-fetch-dest': 'document', cookie: `__client_uat=0; __client_uat=${NOW_S}; __session=${validToken()}` },
    });
    const state = await authenticateRequest(request, live());
    expect(state.reason).toBe('session-token-but-no-client-uat');
  });

  it.each([
    ['a huge query', `https://app.example.com/p?${'a=1&'.repeat(5000)}__clerk_handshake=x`],
    ['a percent-broken query', 'https://app.example.com/p?__clerk_handshake=%E0%A4%A&__clerk_synced=%'],
    ['a handshake parameter without value', 'https://app.example.com/p?__clerk_handshake=&__clerk_handshake_nonce='],
  ])('answers %s with a result', async (_name, url) => {
    const state = await authenticateRequest(page({ __client_uat: String(NOW_S - 100) }, {}, url), live());
    expect(['signed-out', 'handshake']).toContain(state.status);
  });

  it('keeps a Host header with a path or credentials out of the return URL', async () => {
    const state = await authenticateRequest(
      page({ __client_uat: String(NOW_S - 100) }, { 'x-forwarded-host': 'user:pass@evil.example', 'x-forwarded-proto': 'javascript' }),
      live(),
    );
    expect(location(state).searchParams.get('redirect_url')).toBe('https://app.example.com/path');
  });
});
