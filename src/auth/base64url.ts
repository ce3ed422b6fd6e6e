import { isRecord } from '../kernel/guards.js';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/**
 * After 2 (3) characters of a final group, the last character's low 4 (2) bits fall outside the bytes, and
 * the canonical encoding leaves them zero: its 6-bit value is a multiple of 16 (4). These are those characters.
 */
const LAST_OF_TWO = /[AQgw]$/;
const LAST_OF_THREE = /[AEIMQUYcgkosw048]$/;

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
export function decodeBase64Url(input: string): Uint8Array<ArrayBuffer> | undefined {
  return isCanonicalBase64Url(input) ? binaryToBytes(decodeToBinary(input)) : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
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
    const binary = decodeToBinary(input);
    // One char per byte is the text itself when every byte is ASCII (the usual case).
    const text = NON_ASCII.test(binary) ? utf8.decode(binaryToBytes(binary)) : binary;
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of a binary string (one char per byte, as `atob` gives).
 *
 * @example
 * binaryToBytes(atob('aGk=')); // Uint8Array [104, 105]
 */
export function binaryToBytes(binary: string): Uint8Array<ArrayBuffer> {
  // A plain loop: `Uint8Array.from(binary, mapFn)` is about ten times slower on a 256-byte signature.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Native `atob` is several times faster than a JS decoder, but lenient: it drops the unused bits of the last
 * character. So it only ever sees input that passed {@link isCanonicalBase64Url} (which it never rejects).
 */
function decodeToBinary(canonical: string): string {
  return atob(canonical.replace(/-/g, '+').replace(/_/g, '/'));
}

/** The alphabet, a possible length, and zero padding bits in the last character. */
function isCanonicalBase64Url(input: string): boolean {
  const remainder = input.length % 4;
  if (remainder === 1 || !BASE64URL.test(input)) return false;
  if (remainder === 2) return LAST_OF_TWO.test(input);
  return remainder === 0 || LAST_OF_THREE.test(input);
}
