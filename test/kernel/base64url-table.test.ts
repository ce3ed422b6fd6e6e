import { describe, expect, it } from 'vitest';
import { decodeBase64Url, decodeBase64UrlJson } from '../../src/kernel/base64url.js';

// The table decoder against Node's Buffer, which re-encodes canonically: a string is accepted exactly when it is the
// canonical base64url encoding of its bytes. Every character position of every final-group length is exercised.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('decodeBase64Url: one pass over a lookup table', () => {
  it('accepts exactly the canonical encodings, whatever the last character', () => {
    for (const prefix of ['', 'eyJh', 'eyJhbGci']) {
      for (const tail of ['', 'x', 'xy', 'xyz']) {
        for (const last of ALPHABET) {
          const input = `${prefix}${tail.slice(0, -1)}${tail === '' ? '' : last}`;
          const canonical = input.length % 4 !== 1 && Buffer.from(input, 'base64url').toString('base64url') === input;
          const decoded = decodeBase64Url(input);
          expect(decoded !== undefined, input).toBe(canonical);
          if (decoded) expect(Buffer.from(decoded).equals(Buffer.from(input, 'base64url')), input).toBe(true);
        }
      }
    }
  });

  it('refuses any character outside the alphabet, at any position of a group, ASCII or not', () => {
    for (const bad of ['+', '/', '=', ' ', '.', '\u0000', '\u007f', '\u00e9', '\u0100', '\ud83d']) {
      for (let position = 0; position < 8; position++) {
        const input = `eyJhbGci`.slice(0, position) + bad + `eyJhbGci`.slice(position + 1);
        expect(decodeBase64Url(input), JSON.stringify(input)).toBeUndefined();
      }
    }
  });

  it('decodes random bytes of every length like Buffer', () => {
    let seed = 7;
    for (let length = 0; length < 300; length++) {
      const bytes = new Uint8Array(length).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      expect(decodeBase64Url(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    }
  });

  it('decodes UTF-8 JSON, with or without a byte order mark, and refuses invalid UTF-8', () => {
    const encode = (bytes: number[] | string): string => Buffer.from(bytes as never).toString('base64url');
    expect(decodeBase64UrlJson(encode('{"name":"Zoë"}'))).toEqual({ name: 'Zoë' });
    expect(decodeBase64UrlJson(encode([0xef, 0xbb, 0xbf, ...Buffer.from('{"a":1}')]))).toEqual({ a: 1 });
    expect(decodeBase64UrlJson(encode([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toBeUndefined();
    expect(decodeBase64UrlJson(encode('[1,2]'))).toBeUndefined();
    expect(decodeBase64UrlJson(encode('{"a":'))).toBeUndefined();
  });
});
