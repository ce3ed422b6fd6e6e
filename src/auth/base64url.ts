const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Maps a char code to its 6-bit value, or -1 for characters outside the base64url alphabet. */
const LOOKUP: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/**
 * Decodes unpadded base64url strictly: any foreign character, an impossible length, or non-zero
 * trailing bits gives `undefined`.
 *
 * Canonical decoding matters: a lenient decoder maps several spellings of the last character to the
 * same bytes, so a mutated token would verify (RFC 4648 §3.5).
 *
 * @example
 * decodeBase64Url('aGk'); // Uint8Array [104, 105]
 */
export function decodeBase64Url(input: string): Uint8Array | undefined {
  const length = input.length;
  const remainder = length % 4;
  if (remainder === 1) return undefined;
  const out = new Uint8Array((length * 3) >> 2);
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (let i = 0; i < length; i++) {
    const code = input.charCodeAt(i);
    const value = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[offset++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise the encoding is not the canonical one.
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return offset === out.length ? out : out.subarray(0, offset);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Decodes a base64url segment into a JSON object; `undefined` when it is not canonical base64url,
 * not UTF-8, not JSON, or not a plain object.
 *
 * @example
 * decodeBase64UrlJson('eyJhIjoxfQ'); // { a: 1 }
 */
export function decodeBase64UrlJson(input: string): Record<string, unknown> | undefined {
  if (!isCanonicalBase64Url(input)) return undefined;
  try {
    // Native `atob` is several times faster than a JS decoder plus a fatal TextDecoder; it yields
    // one char per byte, which is the text itself when every byte is ASCII (the usual case).
    const binary = atob(input.replace(/-/g, '+').replace(/_/g, '/'));
    const text = NON_ASCII.test(binary) ? utf8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))) : binary;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The alphabet, a possible length, and zero padding bits in the last character. */
function isCanonicalBase64Url(input: string): boolean {
  const remainder = input.length % 4;
  if (remainder === 1 || !BASE64URL.test(input)) return false;
  if (remainder === 0) return true;
  const last = LOOKUP[input.charCodeAt(input.length - 1)] ?? -1;
  return (last & (remainder === 2 ? 0x0f : 0x03)) === 0;
}
