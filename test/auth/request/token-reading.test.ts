import { describe, expect, it } from 'vitest';
import { parseCookies } from '../../../src/auth/request/parse-cookies.js';
import { cookieHeaderText, readToken } from '../../../src/auth/request/read-token.js';
import { classifyToken, isAccepted, normalizeAcceptsToken } from '../../../src/auth/request/token-types.js';
import { b64url } from '../helpers/keys.js';

// Finding and classifying the token of a request, on its own: the Authorization header forms, the cookies,
// and the token types.

const none = new Map<string, string>();
const read = (authorization: unknown, cookies = none, names = ['__session']) =>
  readToken({ authorization: authorization as string, cookie: undefined, sessionIdParam: undefined }, cookies, names);
const invalid = (message: string) => ({ reason: 'authorization_header_invalid', message });

describe('readToken', () => {
  it('reads a Bearer token, the scheme in any case, spaces or tabs after it', () => {
    for (const header of ['Bearer abc', 'bearer abc', 'BEARER\tabc', 'Bearer   abc  ', ['Bearer abc']]) {
      expect(read(header), JSON.stringify(header)).toEqual({ token: 'abc', source: 'header' });
    }
  });

  it('refuses every other Authorization header, saying why', () => {
    expect(read('Basic abc')).toEqual(invalid('The Authorization header must use the Bearer scheme.'));
    expect(read('Bearerabc')).toEqual(invalid('The Authorization header must use the Bearer scheme.'));
    expect(read(' Bearer abc')).toEqual(invalid('The Authorization header must use the Bearer scheme.'));
    expect(read('Bearer')).toEqual(invalid('The Authorization header must use the Bearer scheme.'));
    expect(read('Bearer ')).toEqual(invalid('The Authorization header has an empty Bearer token.'));
    expect(read('Bearer  \t ')).toEqual(invalid('The Authorization header has an empty Bearer token.'));
    for (const header of ['Bearer a b', 'Bearer a,b', 'Bearer a\nb']) {
      expect(read(header), header).toEqual(invalid('Send exactly one Bearer token in one Authorization header.'));
    }
    for (const header of [['Bearer a', 'Bearer b'], [], [1]]) {
      expect(read(header), JSON.stringify(header)).toEqual(invalid('Send exactly one Authorization header.'));
    }
  });

  it('falls back to the first non-empty cookie of the given names when there is no header', () => {
    const cookies = new Map([
      ['__session', ''],
      ['__session_x', 'cookie-token'],
    ]);
    expect(read(undefined, cookies, ['__session', '__session_x'])).toEqual({ token: 'cookie-token', source: 'cookie' });
    expect(read(null, cookies, ['__session_x'])).toEqual({ token: 'cookie-token', source: 'cookie' });
    expect(read('Bearer h', cookies, ['__session_x'])).toEqual({ token: 'h', source: 'header' });
    expect(read(undefined, cookies, ['__session'])).toEqual({
      reason: 'session-token-and-uat-missing',
      message: 'The request has no Authorization: Bearer token and no __session cookie.',
    });
  });

  it('joins cookie header lists as one header', () => {
    expect(cookieHeaderText(['a=1', 'b=2'])).toBe('a=1; b=2');
    expect(cookieHeaderText('a=1')).toBe('a=1');
    expect(cookieHeaderText(null)).toBeUndefined();
    expect(cookieHeaderText(undefined)).toBeUndefined();
  });
});

describe('parseCookies', () => {
  it('reads name=value pairs, trimmed, first one of a name winning, quotes and escapes removed', () => {
    const cookies = parseCookies(' a = 1 ;b="q v";a=2; c=%41%20b ;d="";e="x; noequals ; =v; f=a=b; g=%E0%A4%A');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['b', 'q v'],
      ['c', 'A b'],
      ['d', ''],
      ['e', '"x'],
      ['f', 'a=b'],
      ['g', '%E0%A4%A'],
    ]);
  });

  it('reads nothing from an empty, missing or over-long header, and every pair of one up to 64 KiB', () => {
    expect(parseCookies('').size).toBe(0);
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies(null).size).toBe(0);
    const many = Array.from({ length: 1000 }, (_, i) => `c${i}=${i}`).join('; ');
    const cookies = parseCookies(many);
    expect(cookies.size).toBe(1000);
    expect(cookies.has('c999')).toBe(true);
    expect(parseCookies(`a=${'x'.repeat(65_536)}`).size).toBe(0);
    expect(parseCookies(`a=${'x'.repeat(65_534)}`).size).toBe(1);
    expect(parseCookies('q="'.concat('"')).get('q')).toBe('');
    expect(parseCookies('q="').get('q')).toBe('"');
  });

  it('strips quotes only when they open and close the value', () => {
    expect([...parseCookies('a=ab"; b="ab; c="ab"')]).toEqual([
      ['a', 'ab"'],
      ['b', '"ab'],
      ['c', 'ab'],
    ]);
  });
});

describe('token types', () => {
  const jwt = (header: object, payload: object) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2ln`;

  it('classifies opaque machine tokens by prefix and JWTs by typ and sub', () => {
    expect(classifyToken('ak_123')).toEqual({ type: 'api_key', form: 'opaque' });
    expect(classifyToken('mt_123')).toEqual({ type: 'm2m_token', form: 'opaque' });
    expect(classifyToken('oat_123')).toEqual({ type: 'oauth_token', form: 'opaque' });
    expect(classifyToken(jwt({ alg: 'RS256', typ: 'at+jwt' }, { sub: 'user_1' }))).toEqual({ type: 'oauth_token', form: 'jwt' });
    expect(classifyToken(jwt({ alg: 'RS256', typ: 'application/at+jwt' }, {}))).toEqual({ type: 'oauth_token', form: 'jwt' });
    expect(classifyToken(jwt({ alg: 'RS256' }, { sub: 'mch_1' }))).toEqual({ type: 'm2m_token', form: 'jwt' });
    expect(classifyToken(jwt({ alg: 'RS256' }, { sub: 'user_1' }))).toEqual({ type: 'session_token', form: 'jwt' });
    expect(classifyToken(jwt({ alg: 'RS256' }, { sub: 7 }))).toEqual({ type: 'session_token', form: 'jwt' });
    expect(classifyToken('not a jwt')).toEqual({ type: 'session_token', form: 'jwt' });
  });

  it('normalises acceptsToken: session tokens by default, any, one type or a non-empty list of known types', () => {
    expect(normalizeAcceptsToken(undefined)).toEqual(['session_token']);
    expect(normalizeAcceptsToken('any')).toBe('any');
    expect(normalizeAcceptsToken('api_key')).toEqual(['api_key']);
    expect(normalizeAcceptsToken(['m2m_token', 'oauth_token'])).toEqual(['m2m_token', 'oauth_token']);
    for (const bad of [[], ['api_key', 'password'], 'jwt', null, 3])
      expect(normalizeAcceptsToken(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('accepts a type when listed or when any is accepted', () => {
    expect(isAccepted('api_key', 'any')).toBe(true);
    expect(isAccepted('api_key', ['api_key'])).toBe(true);
    expect(isAccepted('api_key', ['session_token'])).toBe(false);
  });
});
