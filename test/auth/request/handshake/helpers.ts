import { createHash } from 'node:crypto';
import type { AuthenticateRequestOptions } from '../../../../src/auth/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from '../../helpers/keys.js';

/** The instance of the test keys: tokens are issued by https://clerk.example.com. */
export const PK_LIVE = `pk_live_${btoa('clerk.example.com$')}`;
export const PK_TEST = `pk_test_${btoa('clerk.example.com$')}`;
export const SUFFIX_LIVE = createHash('sha1').update(PK_LIVE).digest('base64url').slice(0, 8);
export const SUFFIX_TEST = createHash('sha1').update(PK_TEST).digest('base64url').slice(0, 8);
export const key = testKey();
export { NOW_MS, NOW_S, sessionToken };

/** A valid session cookie token (iat NOW_S - 10). */
export const validToken = (claims: Record<string, unknown> = {}): string => sessionToken(key, claims);

/** Options of a production instance verified with the test key. */
export function live(options: AuthenticateRequestOptions = {}): AuthenticateRequestOptions {
  return { jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS, ...options };
}

/** Options of a development instance verified with the test key. */
export function dev(options: AuthenticateRequestOptions = {}): AuthenticateRequestOptions {
  return { jwtKey: key.pem, publishableKey: PK_TEST, now: () => NOW_MS, ...options };
}

/** A `Cookie` header from name → value. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/** A browser page load (`Sec-Fetch-Dest: document`) with these cookies. */
export function page(
  cookies: Record<string, string> = {},
  headers: Record<string, string> = {},
  url = 'https://app.example.com/path',
): Request {
  return new Request(url, { headers: { 'sec-fetch-dest': 'document', cookie: cookieHeader(cookies), ...headers } });
}

/** A `fetch()` from the browser (`Sec-Fetch-Dest: empty`) with these cookies. */
export function apiCall(
  cookies: Record<string, string> = {},
  headers: Record<string, string> = {},
  url = 'https://app.example.com/api',
): Request {
  return new Request(url, { headers: { 'sec-fetch-dest': 'empty', cookie: cookieHeader(cookies), ...headers } });
}

/** The handshake `Location` of a state, parsed. */
export function location(state: { headers: Headers }): URL {
  const value = state.headers.get('location');
  if (value === null) throw new Error('no Location header');
  return new URL(value);
}
