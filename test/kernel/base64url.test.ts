import { describe, expect, it } from 'vitest';
import {
  decodeBase64Url,
  decodeBase64UrlAlphabetJson,
  decodeBase64UrlAlphabetText,
  decodeBase64UrlJson,
  decodeBase64UrlText,
  hasCanonicalEnd,
  isCanonicalBase64Url,
} from '../../src/kernel/base64url.js';

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

describe('decodeBase64UrlText', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  /** The reference: the strict byte decoder, then the strict UTF-8 decoder. */
  const reference = (input: string): string | undefined => {
    const bytes = decodeBase64Url(input);
    if (bytes === undefined) return undefined;
    try {
      return strict.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it('agrees with the byte decoder and a strict UTF-8 decoder on canonical, mutated and random input', () => {
    const texts = ['', 'a', '{"a":1}', '{"name":"Zoë","city":"Kraków"}', '\u{1F600}', '\uFEFF{"bom":true}', 'x'.repeat(301)];
    const inputs = texts.map((text) => Buffer.from(text).toString('base64url'));
    // Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, an overlong encoding, a surrogate.
    for (const bytes of [[0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x7b, 0xff, 0x7d]]) {
      inputs.push(Buffer.from(bytes).toString('base64url'));
    }
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 24) }, () => Math.floor(random() * 256)));
      inputs.push(bytes.toString('base64url'));
    }
    for (const input of [...inputs]) {
      inputs.push(`${input}=`, `${input} `, ` ${input}`, input.replaceAll('-', '+').replaceAll('_', '/'), `${input}A`, `${input}\u00e9`);
    }
    for (const input of inputs) {
      expect(decodeBase64UrlText(input), JSON.stringify(input)).toBe(reference(input));
      expect(isCanonicalBase64Url(input), JSON.stringify(input)).toBe(decodeBase64Url(input) !== undefined);
    }
  });

  it('drops a leading byte-order mark as TextDecoder does, and refuses what atob alone would accept', () => {
    expect(decodeBase64UrlText(Buffer.from('\uFEFF{}').toString('base64url'))).toBe('{}');
    expect(decodeBase64UrlText(Buffer.from('{"é":1}').toString('base64url'))).toBe('{"é":1}');
    expect(decodeBase64UrlText('e30=')).toBeUndefined();
    expect(decodeBase64UrlText('e3 0')).toBeUndefined();
    expect(decodeBase64UrlText('e31')).toBeUndefined();
    expect(decodeBase64UrlText('e')).toBeUndefined();
    expect(decodeBase64UrlText('P+8')).toBeUndefined();
  });
});

describe('hasCanonicalEnd', () => {
  it('is true exactly when the strict decoder accepts a string of the alphabet', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const prefix of ['', 'e', 'e3', 'e30', 'eyJh']) {
      for (const last of alphabet) {
        const input = `${prefix}${last}`;
        expect(hasCanonicalEnd(input), input).toBe(decodeBase64Url(input) !== undefined);
      }
    }
    expect(hasCanonicalEnd('')).toBe(true);
  });
});

describe('decodeBase64UrlAlphabetText (input already limited to the base64url alphabet)', () => {
  it('agrees with decodeBase64UrlText on every base64url-only input, non-canonical endings and non-UTF-8 included', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const inputs = ['', 'e', 'e30', 'e31', 'eyJhIjoxfQ', 'eyJhIjoxfU', Buffer.from('{"é":1}').toString('base64url')];
    for (let i = 0; i < 500; i++) {
      inputs.push(Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * 64)]).join(''));
    }
    for (const input of inputs) {
      expect(decodeBase64UrlAlphabetText(input), input).toBe(decodeBase64UrlText(input));
      expect(decodeBase64UrlAlphabetJson(input), input).toEqual(decodeBase64UrlJson(input));
    }
  });

  it('still refuses an impossible length and non-zero trailing bits', () => {
    expect(decodeBase64UrlAlphabetText('e')).toBeUndefined();
    expect(decodeBase64UrlAlphabetText('e31')).toBeUndefined();
    expect(decodeBase64UrlAlphabetText('aGl')).toBeUndefined();
    expect(decodeBase64UrlAlphabetJson('e30')).toEqual({});
  });
});
