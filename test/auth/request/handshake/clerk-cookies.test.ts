// Ported from Clerk's authenticateContext suffixed-cookie cases: which of the suffixed and un-suffixed cookies a
// request is judged by.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCookies } from '../../../../src/auth/index.js';
import { readClerkCookies } from '../../../../src/auth/request/handshake/clerk-cookies.js';
import { cookieHeader, NOW_MS, NOW_S, SUFFIX_LIVE, SUFFIX_TEST, validToken } from './helpers.js';

const live = { instanceType: 'production' as const, issuerHost: 'clerk.example.com' };
const dev = { instanceType: 'development' as const, issuerHost: 'clerk.example.com' };
const session = validToken({ sub: 'user_plain' });
const suffixedSession = validToken({ sub: 'user_suffixed' });
const newerSession = validToken({ sub: 'user_newer', iat: NOW_S + 60 });
const clientUat = '1717490192';
const suffixedClientUat = '1717490193';
const read = (cookies: Record<string, string>, suffix: string, instance: typeof live | typeof dev) =>
  readClerkCookies(parseCookies(cookieHeader(cookies)), suffix, instance, NOW_MS);

describe('cookie precedence: the un-suffixed cookies', () => {
  it('are read when they are the only ones', () => {
    const jar = read({ __client_uat: clientUat, __session: session }, SUFFIX_LIVE, live);
    expect(jar).toMatchObject({ suffixed: false, sessionToken: session, clientUat: Number(clientUat) });
  });

  it('win when both say signed in and the un-suffixed session is newer (clerk.js downgrade)', () => {
    const cookies = {
      __client_uat: clientUat,
      [`__client_uat_${SUFFIX_LIVE}`]: suffixedClientUat,
      __session: newerSession,
      [`__session_${SUFFIX_LIVE}`]: suffixedSession,
      __clerk_db_jwt: 'db',
      [`__clerk_db_jwt_${SUFFIX_LIVE}`]: 'db-suffixed',
    };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({
      suffixed: false,
      sessionToken: newerSession,
      clientUat: Number(clientUat),
      devBrowser: 'db',
    });
  });

  it('win when the suffixed __client_uat says signed out and the un-suffixed one signed in (clerk.js downgrade)', () => {
    const cookies = { __client_uat: clientUat, [`__client_uat_${SUFFIX_TEST}`]: '0', __session: session, __clerk_db_jwt: 'db' };
    expect(read(cookies, SUFFIX_TEST, dev)).toMatchObject({ suffixed: false, sessionToken: session, clientUat: Number(clientUat) });
  });

  it('win when a suffixed session has no suffixed __client_uat (the feature off on the Frontend API)', () => {
    const cookies = { __client_uat: clientUat, __session: session, [`__session_${SUFFIX_LIVE}`]: suffixedSession };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({ suffixed: false, sessionToken: session });
  });

  it('are read without a suffix (no publishable key)', () => {
    expect(
      read(
        { __client_uat: clientUat, __session: session, [`__session_${SUFFIX_LIVE}`]: suffixedSession },
        undefined as unknown as string,
        live,
      ).suffixed,
    ).toBe(false);
  });
});

describe('cookie precedence: the suffixed cookies', () => {
  it('win when both are valid (production)', () => {
    const cookies = {
      __client_uat: clientUat,
      [`__client_uat_${SUFFIX_LIVE}`]: suffixedClientUat,
      __session: session,
      [`__session_${SUFFIX_LIVE}`]: suffixedSession,
    };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({
      suffixed: true,
      sessionToken: suffixedSession,
      clientUat: Number(suffixedClientUat),
    });
  });

  it('win when both __client_uat say signed out: a stale un-suffixed session never signs in', () => {
    const cookies = {
      __client_uat: '0',
      [`__client_uat_${SUFFIX_LIVE}`]: '0',
      __session: session,
      [`__session_${SUFFIX_LIVE}`]: suffixedSession,
    };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({ suffixed: true, sessionToken: suffixedSession, clientUat: 0 });
  });

  it('win when the un-suffixed session is of another app on the same site (another issuer)', () => {
    const cookies = {
      __client_uat: clientUat,
      [`__client_uat_${SUFFIX_LIVE}`]: suffixedClientUat,
      __session: validToken({ iss: 'http:whatever' }),
      [`__session_${SUFFIX_LIVE}`]: suffixedSession,
    };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({ suffixed: true, sessionToken: suffixedSession });
  });

  it('win among several apps on localhost (development)', () => {
    const cookies = {
      __client_uat: '0',
      [`__client_uat_${SUFFIX_TEST}`]: '0',
      __client_uat_8HKF1r6W: '1717490193',
      __session: session,
      [`__session_${SUFFIX_TEST}`]: suffixedSession,
      __session_8HKF1r6W: validToken({ iss: 'http://blah' }),
      __clerk_db_jwt: 'db',
      [`__clerk_db_jwt_${SUFFIX_TEST}`]: 'db-suffixed',
    };
    expect(read(cookies, SUFFIX_TEST, dev)).toMatchObject({
      suffixed: true,
      sessionToken: suffixedSession,
      clientUat: 0,
      devBrowser: 'db-suffixed',
    });
  });

  it('win without a suffixed session when the suffixed __client_uat says signed out (production)', () => {
    const jar = read({ __client_uat: '0', [`__client_uat_${SUFFIX_LIVE}`]: '0', __session: session }, SUFFIX_LIVE, live);
    expect(jar).toMatchObject({ suffixed: true, sessionToken: undefined, clientUat: 0 });
  });

  it('win when the un-suffixed session has a non-string issuer', () => {
    const cookies = {
      __session: validToken({ iss: 123 }),
      [`__client_uat_${SUFFIX_LIVE}`]: suffixedClientUat,
      [`__session_${SUFFIX_LIVE}`]: suffixedSession,
    };
    expect(read(cookies, SUFFIX_LIVE, live)).toMatchObject({ suffixed: true, sessionToken: suffixedSession });
  });

  it('lose to the un-suffixed ones when the un-suffixed session has no issuer at all (a plain signed-out answer)', () => {
    const cookies = {
      __session: validToken({ iss: undefined }),
      __client_uat: clientUat,
      [`__client_uat_${SUFFIX_LIVE}`]: suffixedClientUat,
    };
    expect(read(cookies, SUFFIX_LIVE, live).suffixed).toBe(false);
  });
});

describe('cookie suffix', () => {
  it.each([
    ['pk_live_Y2xlcmsuY2xlcmsuZGV2JA', '1Z8AzTQD'],
    ['pk_test_Y2xlcmsuY2xlcmsuZGV2JA', 'QvfNY2dr'],
    ['pk_test_ZW5vdWdoLWFscGFjYS04Mi5jbGVyay5hY2NvdW50cy5sY2xjbGVyay5jb20k', 'jtYvyt_H'],
    ['pk_test_eHh4eHh4LXhhYWFhYS1hYS5jbGVyay5hY2NvdW50cy5sY2xjbGVyay5jb20k', 'tZJdb-5s'],
  ])('of %s is %s (Clerk getCookieSuffix vectors)', async (pk, suffix) => {
    const { cookieSuffix } = await import('../../../../src/auth/request/cookie-suffix.js');
    expect(await cookieSuffix(pk)).toBe(suffix);
    expect(createHash('sha1').update(pk).digest('base64url').slice(0, 8)).toBe(suffix);
  });
});
