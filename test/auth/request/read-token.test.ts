import { describe, expect, it } from 'vitest';
import { parseCookies } from '../../../src/auth/index.js';
import { readToken } from '../../../src/auth/request/read-token.js';

const none = { authorization: undefined, cookie: undefined, sessionIdParam: undefined };

describe('readToken', () => {
  it('takes the header token and ignores cookies when an Authorization header is present', () => {
    const cookies = parseCookies('__session=cookie-token');
    expect(readToken({ ...none, authorization: 'Bearer header-token' }, cookies, ['__session'])).toEqual({
      token: 'header-token',
      source: 'header',
    });
    expect(readToken({ ...none, authorization: 'Basic abc' }, cookies, ['__session'])).toMatchObject({
      reason: 'authorization_header_invalid',
    });
  });

  it('reads the first configured cookie name that is present and not empty', () => {
    const cookies = parseCookies('__session_abc=; __session=plain');
    expect(readToken(none, cookies, ['__session_abc', '__session'])).toEqual({ token: 'plain', source: 'cookie' });
  });

  it('accepts a tab after the scheme and trims surrounding spaces', () => {
    expect(readToken({ ...none, authorization: 'bearer\tabc  ' }, new Map(), [])).toEqual({ token: 'abc', source: 'header' });
  });
});

describe('parseCookies', () => {
  it('splits before decoding, strips quotes, and keeps the first of duplicate names', () => {
    const cookies = parseCookies('a=x%3B%20__session%3Devil; b="quoted"; a=second');
    expect(cookies.get('a')).toBe('x; __session=evil');
    expect(cookies.get('b')).toBe('quoted');
    expect(cookies.has('__session')).toBe(false);
  });
});
