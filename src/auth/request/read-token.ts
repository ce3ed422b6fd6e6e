import type { AuthFailure } from './reasons.js';

/**
 * The parts of an HTTP request that authentication reads; adapters fill it without building a `Request`.
 *
 * @example
 * const parts: RequestParts = { authorization: 'Bearer eyJ…', cookie: undefined, sessionIdParam: undefined };
 */
export interface RequestParts {
  /** The `Authorization` header; several values (an array, or a comma-joined list) are refused. */
  authorization: string | readonly string[] | null | undefined;
  /** The raw `Cookie` header. */
  cookie: string | readonly string[] | null | undefined;
  /** The `_clerk_session_id` query parameter, when present; a list when it is repeated (refused). */
  sessionIdParam: string | readonly string[] | null | undefined;
  /** Cookie sessions: the HTTP method (a handshake only answers GET page loads). */
  method?: string | undefined;
  /** Cookie sessions: the request URL, absolute or a path with its query (rebuilt with `Host` / `X-Forwarded-*`). */
  url?: string | undefined;
  /** Cookie sessions: the scheme the server received a path-only `url` on. Default `http`. */
  protocol?: 'http' | 'https' | undefined;
  /** Cookie sessions: reads another header by lower-case name (`host`, `sec-fetch-dest`, `accept`, `referer`, …). */
  header?: ((name: string) => string | null | undefined) | undefined;
}

/**
 * Where the token came from: machine tokens are only ever taken from the header (SECURITY C.22).
 *
 * @example
 * const found: FoundToken = { token: 'eyJ…', source: 'header' };
 */
export interface FoundToken {
  token: string;
  source: 'header' | 'cookie';
}

const BEARER = /^bearer[ \t]+/i;

/**
 * Picks the one token to verify: the `Authorization: Bearer` token when the header is present (the
 * cookie is then not consulted at all, so a forged cookie can never stand in for a header token,
 * CVE-2024-22206), else the `__session` cookie, suffixed form first.
 *
 * @example
 * readToken(parts, cookies); // { token: 'eyJ…', source: 'header' }
 */
export function readToken(
  parts: RequestParts,
  cookies: ReadonlyMap<string, string>,
  cookieNames: readonly string[],
): FoundToken | AuthFailure {
  const header = parts.authorization;
  if (header !== undefined && header !== null) {
    if (typeof header !== 'string') {
      return header.length === 1 && typeof header[0] === 'string'
        ? readBearer(header[0])
        : invalidHeader('Send exactly one Authorization header.');
    }
    return readBearer(header);
  }
  for (const name of cookieNames) {
    const token = cookies.get(name);
    if (token !== undefined && token !== '') return { token, source: 'cookie' };
  }
  return { reason: 'session-token-and-uat-missing', message: 'The request has no Authorization: Bearer token and no __session cookie.' };
}

function readBearer(value: string): FoundToken | AuthFailure {
  // Scheme names are case-insensitive (RFC 9110 §11.1); the credentials are one token68, so a comma
  // (a joined list of headers) or inner whitespace is refused rather than guessed at.
  const match = BEARER.exec(value);
  if (match === null) return invalidHeader('The Authorization header must use the Bearer scheme.');
  const token = value.slice(match[0].length).trim();
  if (token === '') return invalidHeader('The Authorization header has an empty Bearer token.');
  if (/[\s,]/.test(token)) return invalidHeader('Send exactly one Bearer token in one Authorization header.');
  return { token, source: 'header' };
}

function invalidHeader(message: string): AuthFailure {
  return { reason: 'authorization_header_invalid', message };
}

/**
 * Joins a cookie header given as a list (some servers keep duplicates apart) into one string.
 *
 * @example
 * cookieHeaderText(['a=1', 'b=2']); // 'a=1; b=2'
 */
export function cookieHeaderText(cookie: RequestParts['cookie']): string | undefined {
  if (cookie === null || cookie === undefined) return undefined;
  return typeof cookie === 'string' ? cookie : cookie.join('; ');
}
