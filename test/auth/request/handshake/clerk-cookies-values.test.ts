// readClerkCookies value by value and branch by branch: how each cookie value is read (empty, malformed,
// boundaries), which cookies are only ever read un-suffixed or suffixed, and each rule of Clerk's
// usesSuffixedCookies (authenticateContext.test.ts) at its boundary. clerk-cookies.test.ts has the scenarios.
import { describe, expect, it } from 'vitest';
import { parseCookies } from '../../../../src/auth/index.js';
import { readClerkCookies } from '../../../../src/auth/request/handshake/clerk-cookies.js';
import { cookieHeader, key, NOW_MS, NOW_S, SUFFIX_LIVE, validToken } from './helpers.js';

const live = { instanceType: 'production' as const, issuerHost: 'clerk.example.com' };
const dev = { instanceType: 'development' as const, issuerHost: 'clerk.example.com' };
const S = SUFFIX_LIVE;
/** `suffix: null` for a request read without a suffix (no publishable key). */
const read = (cookies: Record<string, string>, instance: typeof live | typeof dev = live, suffix: string | null = S) =>
  readClerkCookies(parseCookies(cookieHeader(cookies)), suffix ?? undefined, instance, NOW_MS);
const plain = validToken({ sub: 'user_plain' });
const suffixedToken = validToken({ sub: 'user_suffixed' });

describe('readClerkCookies: values', () => {
  it('reads every cookie of an un-suffixed request', () => {
    const jar = read({
      __session: plain,
      __client_uat: '1717490192',
      __clerk_db_jwt: 'dvb_1',
      __clerk_handshake: 'hs.token.value',
      __clerk_handshake_nonce: 'nonce_1',
      __clerk_redirect_count: '2',
    });
    expect(jar).toEqual({
      suffixed: false,
      sessionToken: plain,
      clientUat: 1717490192,
      refreshToken: undefined,
      devBrowser: 'dvb_1',
      handshakeToken: 'hs.token.value',
      handshakeNonce: 'nonce_1',
      redirectCount: 2,
    });
  });

  it('reads an empty cookie as absent', () => {
    const jar = read({ __session: '', __client_uat: '', __clerk_db_jwt: '', __clerk_handshake: '', __clerk_handshake_nonce: '' });
    expect(jar).toMatchObject({
      sessionToken: undefined,
      clientUat: 0,
      devBrowser: undefined,
      handshakeToken: undefined,
      handshakeNonce: undefined,
    });
  });

  it('reads __client_uat as a positive integer of seconds, else 0 (signed out)', () => {
    for (const [value, expected] of [
      ['1717490192', 1717490192],
      ['1', 1],
      ['0', 0],
      ['-5', 0],
      ['abc', 0],
      ['12abc', 12],
      ['Infinity', 0],
    ] as const) {
      expect(read({ __client_uat: value }).clientUat, value).toBe(expected);
    }
  });

  it('reads __clerk_redirect_count as a positive integer, else 0', () => {
    for (const [value, expected] of [
      ['1', 1],
      ['3', 3],
      ['0', 0],
      ['-1', 0],
      ['1.5', 0],
      ['x', 0],
    ] as const) {
      expect(read({ __clerk_redirect_count: value }).redirectCount, value).toBe(expected);
    }
    expect(read({}).redirectCount).toBe(0);
  });

  it('reads __refresh only suffixed, even when the un-suffixed cookies are chosen', () => {
    expect(read({ __refresh: 'plain_refresh', __client_uat: '1' }).refreshToken).toBeUndefined();
    const jar = read({ [`__refresh_${S}`]: 'suffixed_refresh', __client_uat: '1', __session: plain });
    expect(jar.suffixed).toBe(false);
    expect(jar.refreshToken).toBe('suffixed_refresh');
    expect(read({ __refresh: 'plain_refresh' }, live, null).refreshToken).toBeUndefined();
    // Without a suffix there is no suffixed name: not even a cookie literally named "__refresh_undefined".
    expect(read({ __refresh_undefined: 'r', __client_uat_undefined: '1' }, live, null)).toMatchObject({
      refreshToken: undefined,
      suffixed: false,
    });
  });

  it('reads the handshake cookies only un-suffixed, even when the suffixed cookies are chosen', () => {
    const jar = read({
      [`__client_uat_${S}`]: '1',
      [`__session_${S}`]: suffixedToken,
      [`__clerk_handshake_${S}`]: 'suffixed-hs',
      [`__clerk_handshake_nonce_${S}`]: 'suffixed-nonce',
      [`__clerk_redirect_count_${S}`]: '3',
    });
    expect(jar).toMatchObject({
      suffixed: true,
      sessionToken: suffixedToken,
      handshakeToken: undefined,
      handshakeNonce: undefined,
      redirectCount: 0,
    });
  });

  it('takes session, __client_uat and dev browser together from the chosen side', () => {
    const jar = read({
      __client_uat: '100',
      __session: validToken({ iat: NOW_S - 100 }),
      __clerk_db_jwt: 'db_plain',
      [`__client_uat_${S}`]: '200',
      [`__session_${S}`]: suffixedToken,
      [`__clerk_db_jwt_${S}`]: 'db_suffixed',
    });
    expect(jar).toMatchObject({ suffixed: true, sessionToken: suffixedToken, clientUat: 200, devBrowser: 'db_suffixed' });
  });
});

describe('readClerkCookies: usesSuffixedCookies, rule by rule', () => {
  it('without a suffix, never the suffixed cookies', () => {
    expect(read({ [`__client_uat_${S}`]: '1', [`__session_${S}`]: suffixedToken }, live, null)).toMatchObject({
      suffixed: false,
      sessionToken: undefined,
      clientUat: 0,
    });
  });

  it('an un-suffixed session that does not decode or has no issuer: the un-suffixed cookies', () => {
    for (const session of ['garbage', validToken({ iss: undefined }), validToken({ iss: '' })]) {
      const jar = read({ __session: session, [`__client_uat_${S}`]: '1', [`__session_${S}`]: suffixedToken });
      expect(jar.suffixed, session.slice(0, 12)).toBe(false);
      expect(jar.sessionToken).toBe(session);
    }
  });

  it('an un-suffixed session of another issuer: the suffixed cookies, even when there are none', () => {
    expect(read({ __session: validToken({ iss: 'https://clerk.other.example' }), __client_uat: '1' })).toMatchObject({
      suffixed: true,
      sessionToken: undefined,
      clientUat: 0,
    });
    // Without a known issuer host, no un-suffixed session belongs to the instance.
    expect(read({ __session: plain }, { instanceType: 'production', issuerHost: undefined } as unknown as typeof live).suffixed).toBe(true);
  });

  it('compares the issuer without its scheme, in any case', () => {
    for (const iss of ['https://clerk.example.com', 'http://clerk.example.com', 'HTTPS://clerk.example.com', 'clerk.example.com']) {
      const jar = read({ __session: validToken({ iss }), __client_uat: '1' });
      expect(jar.suffixed, iss).toBe(false);
    }
    expect(read({ __session: validToken({ iss: 'https://clerk.example.com/' }), __client_uat: '1' }).suffixed).toBe(true);
  });

  it('no suffixed __client_uat and no suffixed session: the un-suffixed cookies', () => {
    expect(read({ __session: plain, __client_uat: '1', [`__clerk_db_jwt_${S}`]: 'db' }).suffixed).toBe(false);
  });

  it('both signed in: the un-suffixed cookies only when their session was issued strictly later', () => {
    const both = (plainIat: unknown, suffixedIat: unknown) =>
      read({
        __client_uat: '1',
        __session: validToken({ iat: plainIat }),
        [`__client_uat_${S}`]: '1',
        [`__session_${S}`]: validToken({ iat: suffixedIat }),
      }).suffixed;
    expect(both(NOW_S - 9, NOW_S - 10)).toBe(false);
    expect(both(NOW_S - 10, NOW_S - 10)).toBe(true);
    expect(both(NOW_S - 11, NOW_S - 10)).toBe(true);
    // A missing, non-numeric or infinite iat counts as 0.
    expect(both('late', NOW_S - 10)).toBe(true);
    const infinite = key.sign(
      { alg: 'RS256', kid: key.kid, typ: 'JWT' },
      `{"sub":"user_plain","sid":"sess_1","iss":"https://clerk.example.com","iat":1e400,"exp":${NOW_S + 60}}`,
    );
    const withInfinite = { __client_uat: '1', __session: infinite, [`__client_uat_${S}`]: '1', [`__session_${S}`]: suffixedToken };
    expect(read(withInfinite).suffixed).toBe(true);
    expect(both(NOW_S - 10, 'late')).toBe(false);
  });

  it('a newer un-suffixed session does not win when either __client_uat says signed out', () => {
    const newer = validToken({ iat: NOW_S });
    const older = validToken({ iat: NOW_S - 100 });
    expect(read({ __client_uat: '0', __session: newer, [`__client_uat_${S}`]: '1', [`__session_${S}`]: older }).suffixed).toBe(true);
  });

  it('suffixed __client_uat signed out, un-suffixed not: the un-suffixed cookies (also when it is absent)', () => {
    expect(read({ __client_uat: '1', [`__client_uat_${S}`]: '0' }).suffixed).toBe(false);
    expect(read({ [`__client_uat_${S}`]: '0' }).suffixed).toBe(false);
    expect(read({ __client_uat: '0', [`__client_uat_${S}`]: '0' }).suffixed).toBe(true);
  });

  it('development: an expired suffixed session while the un-suffixed __client_uat says signed out gives the un-suffixed cookies', () => {
    const at = (exp: number, instance: typeof live | typeof dev, uat = '0') =>
      read({ __client_uat: uat, [`__client_uat_${S}`]: '1', [`__session_${S}`]: validToken({ exp }) }, instance).suffixed;
    expect(at(NOW_S, dev)).toBe(false);
    expect(at(NOW_S - 1, dev)).toBe(false);
    expect(at(NOW_S + 1, dev)).toBe(true);
    expect(at(NOW_S, live)).toBe(true);
    expect(at(NOW_S, dev, '1')).toBe(true);
    // Both __client_uat signed out: the suffixed cookies, expired or not.
    expect(
      read({ __client_uat: '0', [`__client_uat_${S}`]: '0', [`__session_${S}`]: validToken({ exp: NOW_S - 100 }) }, dev).suffixed,
    ).toBe(true);
    // An exp that is not a number (even a numeric string) is not "expired".
    expect(
      read({ __client_uat: '0', [`__client_uat_${S}`]: '1', [`__session_${S}`]: validToken({ exp: String(NOW_S - 100) }) }, dev).suffixed,
    ).toBe(true);
    // No exp, or a suffixed session that does not decode, is not "expired".
    expect(read({ __client_uat: '0', [`__client_uat_${S}`]: '1', [`__session_${S}`]: validToken({ exp: 'soon' }) }, dev).suffixed).toBe(
      true,
    );
    expect(read({ __client_uat: '0', [`__client_uat_${S}`]: '1', [`__session_${S}`]: 'garbage' }, dev).suffixed).toBe(true);
  });

  it('a suffixed session without a suffixed __client_uat: the un-suffixed cookies', () => {
    expect(read({ [`__session_${S}`]: suffixedToken }).suffixed).toBe(false);
    expect(read({ [`__session_${S}`]: suffixedToken, [`__client_uat_${S}`]: '1' }).suffixed).toBe(true);
    expect(read({ [`__client_uat_${S}`]: '1' }).suffixed).toBe(true);
  });
});
