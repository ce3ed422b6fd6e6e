import { describe, expect, it } from 'vitest';
import { decodeBase64Url, decodeBase64UrlJson } from '../../src/kernel/base64url.js';

describe('decodeBase64Url', () => {
  it('decodes unpadded base64url like Buffer does', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = new Uint8Array(Array.from({ length }, (_, i) => (i * 37 + length) & 0xff));
      expect(decodeBase64Url(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    }
  });

  it('rejects padding, foreign characters, impossible lengths and non-zero trailing bits', () => {
    expect(decodeBase64Url('aGk=')).toBeUndefined();
    expect(decodeBase64Url('a+k')).toBeUndefined();
    expect(decodeBase64Url('aGkhx')).toBeUndefined();
    expect(decodeBase64Url('aGl')).toBeUndefined(); // 'l' sets a padding bit; 'k' is canonical
    expect(decodeBase64UrlJson('e31')).toBeUndefined();
    expect(decodeBase64UrlJson('e30')).toEqual({});
  });
});
