import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../src/auth/index.js';
import { b64url, sessionToken, testKey } from './helpers/keys.js';

describe('decodeJwt', () => {
  it('returns header, payload and signature bytes without verifying', () => {
    const token = testKey('forger').sign({ alg: 'RS256', kid: 'k' }, { sub: 'user_1' });
    const { data, errors } = decodeJwt(token);
    expect(errors).toBeUndefined();
    expect(data?.header).toEqual({ alg: 'RS256', kid: 'k' });
    expect(data?.payload).toEqual({ sub: 'user_1' });
    expect(data?.signature).toBeInstanceOf(Uint8Array);
    expect(data?.signature.length).toBe(256);
  });

  it.each([
    ['a non-object header', `${b64url('"x"')}.${b64url('{}')}.AA`],
    ['an array payload', `${b64url('{"alg":"RS256"}')}.${b64url('[1]')}.AA`],
    ['non-JSON payload', `${b64url('{"alg":"RS256"}')}.${b64url('{x')}.AA`],
    ['invalid UTF-8', `${b64url('{"alg":"RS256"}')}.${b64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.AA`],
    ['non-canonical base64url', `${b64url('{"alg":"RS256"}')}.e31.AA`],
    ['deep nesting', `${b64url('{"alg":"RS256"}')}.${b64url(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`)}.AA`],
  ])('rejects %s as token_invalid', (_name, token) => {
    expect(decodeJwt(token).errors?.[0].code).toBe('token_invalid');
  });

  it('decodes non-ASCII claims as UTF-8', () => {
    const token = `${b64url('{"alg":"RS256"}')}.${b64url('{"name":"Zoë 🚀"}')}.AA`;
    expect(decodeJwt(token).data?.payload['name']).toBe('Zoë 🚀');
  });

  it('accepts 31 levels of nesting below the payload object and refuses 32', () => {
    const nested = (levels: number): string =>
      `${b64url('{"alg":"RS256"}')}.${b64url(`{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`)}.AA`;
    expect(decodeJwt(nested(31)).errors).toBeUndefined();
    expect(decodeJwt(nested(32)).errors?.[0].code).toBe('token_invalid');
  });

  it('freezes the payload at every depth and keeps __proto__ an own key', () => {
    const token = `${b64url('{"alg":"RS256"}')}.${b64url('{"__proto__":{"admin":true},"a":[{"b":1}]}')}.AA`;
    const payload = decodeJwt(token).data?.payload as { a: Array<{ b: number }> } & Record<string, unknown>;
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.hasOwn(payload, '__proto__')).toBe(true);
    expect(payload['admin']).toBeUndefined();
    expect([payload, payload.a, payload.a[0]].every((value) => Object.isFrozen(value))).toBe(true);
  });

  it('rejects an oversized token', () => {
    expect(decodeJwt(`${sessionToken(testKey())}${'A'.repeat(8192)}`).errors?.[0].code).toBe('token_too_large');
  });
});
