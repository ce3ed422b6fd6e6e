// The return trip of a handshake: ported from Clerk's handshake and handshakeToken tests, plus our refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateRequest, type AuthenticateRequestOptions } from '../../../../src/auth/index.js';
import { freshCookies, handshakeToken, SECRET_KEY, startFakeFrontendApi, type FakeFrontendApi } from './fake-frontend-api.js';
import { dev, key, live, location, NOW_S, page, SUFFIX_LIVE, validToken } from './helpers.js';
import { testKey } from '../../helpers/keys.js';

const back = (params: Record<string, string>, cookies: Record<string, string> = {}) =>
  page(cookies, {}, `https://app.example.com/path?x=1&${new URLSearchParams(params).toString()}`);

describe('handshake return: a __clerk_handshake token in the URL', () => {
  it('applies the cookies of a valid token and reloads the page without the handshake parameters', async () => {
    const token = handshakeToken(freshCookies());
    const state = await authenticateRequest(back({ __clerk_handshake: token }), live());
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('handshake-applied');
    expect(location(state).href).toBe('https://app.example.com/path?x=1');
    expect(state.headers.get('cache-control')).toBe('no-store');
    expect(state.headers.getSetCookie()).toEqual(freshCookies());
  });

  it('strips __clerk_db_jwt and __clerk_help from the reloaded URL too', async () => {
    const token = handshakeToken(freshCookies());
    const state = await authenticateRequest(
      back({ __clerk_handshake: token, __clerk_db_jwt: 'dvb_1', __clerk_help: '1' }, { __clerk_db_jwt: 'dvb_1' }),
      dev(),
    );
    expect(location(state).href).toBe('https://app.example.com/path?x=1');
  });

  it.each([
    ['an expired token', () => handshakeToken(freshCookies(), { exp: NOW_S - 60 })],
    [
      'a forged token (another key, the instance kid)',
      () => handshakeToken(freshCookies(), { signer: testKey('ins_forger'), kid: key.kid }),
    ],
    ['a token of another instance', () => handshakeToken(freshCookies(), { signer: testKey('ins_other_instance') })],
    ['a JWT-template token carrying a handshake claim (AISEC-85)', () => handshakeToken(['A=pwned'], { cat: 'cl_B7d4PD222AAA' })],
    ['an M2M-category token', () => handshakeToken(freshCookies(), { cat: 'cl_B7d4PD333AAA' })],
    ['a token of an unknown category', () => handshakeToken(freshCookies(), { cat: 'cl_some_future_unknown_cat' })],
    [
      'a token whose iss is another instance',
      () =>
        key.sign(
          { alg: 'RS256', kid: key.kid, typ: 'JWT' },
          { handshake: freshCookies(), exp: NOW_S + 60, iss: 'https://clerk.other.example' },
        ),
    ],
    ['a token without exp', () => key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT' }, { handshake: freshCookies() })],
    [
      'a token whose handshake claim is not a list of strings',
      () => key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT' }, { handshake: [1, 2], exp: NOW_S + 60 }),
    ],
    ['a malformed token', () => 'not-a-jwt'],
    ['an oversized token', () => 'a'.repeat(50_000)],
  ])('refuses %s with handshake-token-invalid and sets no cookie', async (_name, make) => {
    const state = await authenticateRequest(back({ __clerk_handshake: make() }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('handshake-token-invalid');
    expect(state.headers.getSetCookie()).toEqual([]);
    expect(state.headers.get('location')).toBeNull();
  });

  it('verifies the handshake token category as Clerk does: session, ignore, or none', async () => {
    for (const cat of [undefined, 'cl_B7d4PD111AAA', 'cl_I7d4PD111III']) {
      const state = await authenticateRequest(
        back({ __clerk_handshake: handshakeToken(freshCookies(), cat === undefined ? {} : { cat }) }),
        live(),
      );
      expect(state.reason).toBe('handshake-applied');
    }
  });

  it('applies only Clerk cookies from the payload (never another cookie of the app, never a header split)', async () => {
    const hostile = [
      ...freshCookies(),
      'theme=evil; Path=/',
      'sid=attacker',
      '__clerk_handshake=set',
      '__clerk_handshake=; Max-Age=0',
      '__client_uat=1\r\nSet-Cookie: x=y',
      `__refresh_${SUFFIX_LIVE}=r; Path=/`,
    ];
    const state = await authenticateRequest(back({ __clerk_handshake: handshakeToken(hostile) }), live());
    expect(state.headers.getSetCookie()).toEqual([
      ...freshCookies(),
      '__clerk_handshake=; Max-Age=0',
      `__refresh_${SUFFIX_LIVE}=r; Path=/`,
    ]);
  });

  it('refuses a payload whose session does not verify, and sets no cookie', async () => {
    const bad = [`__session=${validToken({ exp: NOW_S - 60, iat: NOW_S - 120, nbf: NOW_S - 120 })}`, `__client_uat=${NOW_S}`];
    const state = await authenticateRequest(back({ __clerk_handshake: handshakeToken(bad) }), live());
    expect(state.status).toBe('signed-out');
    expect(state.reason).toBe('handshake-payload-invalid');
    expect(state.headers.getSetCookie()).toEqual([]);
  });

  it('applies a payload that signs the client out (cookies cleared) and reloads the page', async () => {
    const out = ['__session=; Path=/; Max-Age=0', '__client_uat=0; Path=/'];
    const state = await authenticateRequest(back({ __clerk_handshake: handshakeToken(out) }), live());
    expect(state.reason).toBe('handshake-applied');
    expect(state.headers.getSetCookie()).toEqual(out);
    expect(state.toAuth().isAuthenticated).toBe(false);
  });

  it('answers the first of duplicate __clerk_handshake parameters, without throwing', async () => {
    const good = handshakeToken(freshCookies());
    const request = page({}, {}, `https://app.example.com/p?__clerk_handshake=${good}&__clerk_handshake=junk`);
    expect((await authenticateRequest(request, live())).reason).toBe('handshake-applied');
  });
});

describe('handshake return: __clerk_handshake cookies', () => {
  it('signs in from a valid handshake cookie and hands its cookies to the response', async () => {
    const state = await authenticateRequest(page({ __clerk_handshake: handshakeToken(freshCookies()) }), live());
    expect(state.status).toBe('signed-in');
    expect(state.headers.getSetCookie()).toEqual(freshCookies());
  });

  it('goes on with the other cookies when a production handshake cookie does not verify (it may be a sibling app)', async () => {
    const foreign = handshakeToken(freshCookies(), { signer: testKey('ins_other_instance') });
    const state = await authenticateRequest(
      page({ __clerk_handshake: foreign, __session: validToken(), __client_uat: String(NOW_S - 10) }),
      live(),
    );
    expect(state.status).toBe('signed-in');
    expect(state.headers.getSetCookie()).toEqual([]);
  });

  it('refuses an invalid handshake cookie on a development instance', async () => {
    const foreign = handshakeToken(freshCookies(), { signer: testKey('ins_other_instance') });
    const state = await authenticateRequest(page({ __clerk_handshake: foreign, __clerk_db_jwt: 'dvb_1' }), dev());
    expect(state.reason).toBe('handshake-token-invalid');
  });
});

describe('handshake return: __clerk_handshake_nonce', () => {
  let fake: FakeFrontendApi;
  beforeAll(async () => {
    fake = await startFakeFrontendApi('nonce');
  });
  afterAll(() => fake.close());

  const options = (extra: AuthenticateRequestOptions = {}) => live({ secretKey: SECRET_KEY, apiUrl: fake.url, ...extra });

  async function nonceFromFake(): Promise<string> {
    const response = await fetch(`${fake.url}/v1/client/handshake?redirect_url=${encodeURIComponent('https://app.example.com/path')}`, {
      redirect: 'manual',
    });
    return new URL(response.headers.get('location') ?? '').searchParams.get('__clerk_handshake_nonce') ?? '';
  }

  it('resolves the nonce through the Backend API and applies its cookies', async () => {
    const state = await authenticateRequest(back({ __clerk_handshake_nonce: await nonceFromFake() }), options());
    expect(state.reason).toBe('handshake-applied');
    expect(state.headers.getSetCookie()).toEqual(freshCookies());
    expect(location(state).href).toBe('https://app.example.com/path?x=1');
  });

  it('refuses an unknown nonce with handshake-nonce-unresolved and sets no cookie', async () => {
    const state = await authenticateRequest(back({ __clerk_handshake_nonce: 'nonce_unknown' }), options());
    expect(state.reason).toBe('handshake-nonce-unresolved');
    expect(state.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a nonce when no secret key is configured', async () => {
    const state = await authenticateRequest(back({ __clerk_handshake_nonce: await nonceFromFake() }), live({ apiUrl: fake.url }));
    expect(state.reason).toBe('handshake-nonce-unresolved');
  });

  it('uses an injected resolveHandshakeNonce', async () => {
    const state = await authenticateRequest(
      back({ __clerk_handshake_nonce: 'n1' }),
      live({ resolveHandshakeNonce: async (nonce) => (nonce === 'n1' ? freshCookies() : undefined) }),
    );
    expect(state.reason).toBe('handshake-applied');
  });

  it('answers a resolver that throws with a result', async () => {
    const state = await authenticateRequest(
      back({ __clerk_handshake_nonce: 'n1' }),
      live({ resolveHandshakeNonce: () => Promise.reject(new Error('down')) }),
    );
    expect(state.status).toBe('signed-out');
  });
});
