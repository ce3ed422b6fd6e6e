/**
 * A longer `Cookie` header is not parsed at all (request authentication refuses it as `request_invalid`): a cap on
 * bytes, not on the number of cookies, so that a `__session` cookie placed after many small ones is never skipped
 * while a smaller header is read in full. Servers cap headers lower anyway (Node: 16 KiB for all of them).
 */
export const MAX_COOKIE_HEADER_LENGTH = 65_536;

/**
 * Parses a raw `Cookie` header into name → value, decoding each value on its own after the split, so
 * that an encoded `%3B` inside one value can never start a new cookie (SECURITY C.21). The first
 * occurrence of a name wins, as browsers send the most specific path first (RFC 6265 §5.4).
 *
 * @example
 * parseCookies('__session=abc; theme=dark').get('__session'); // 'abc'
 */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (typeof header !== 'string' || header === '' || header.length > MAX_COOKIE_HEADER_LENGTH) return cookies;
  const pairs = header.split(';');
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index] as string;
    const equals = pair.indexOf('=');
    if (equals === -1) continue;
    const name = pair.slice(0, equals).trim();
    if (name === '' || cookies.has(name)) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    cookies.set(name, decodeValue(value));
  }
  return cookies;
}

function decodeValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is kept as sent; the token checks will refuse it.
    return value;
  }
}
