import type { Result } from '../../../kernel/result.js';
import type { VerifiedSession } from '../../claims.js';
import { decodeJwt } from '../../decode-jwt.js';
import type { TokenError } from '../../errors.js';
import type { RefreshFailure } from './names.js';
import { isClerkCookie, pickSession } from './resolve-handshake.js';
import type { RequestView } from './request-view.js';

type RefreshAnswer = Promise<{ data?: unknown; errors?: readonly unknown[] | undefined }>;

/**
 * The slice of the Backend API client that refreshes a session from the `__refresh` cookie; `createClerkClient()` fits.
 *
 * @example
 * const client: SessionRefreshClient = createClerkClient({ secretKey });
 */
export interface SessionRefreshClient {
  sessions: {
    refreshSession(
      sessionId: string,
      params: {
        expired_token: string;
        refresh_token: string;
        request_origin: string;
        request_headers: Record<string, string[]>;
        format: 'cookie';
      },
      options?: { extraQuery?: Record<string, unknown> | undefined },
    ): RefreshAnswer;
  };
}

// Sent to the Backend API as the request's headers; never the cookie or the Authorization header.
const FORWARDED = [
  'user-agent',
  'origin',
  'referer',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'sec-fetch-dest',
  'accept',
];

/**
 * Refreshes an expired session cookie with the `__refresh` cookie through the Backend API (`POST
 * /sessions/{id}/refresh`, `format: 'cookie'`), as `@clerk/backend` does for a GET: the new session token is
 * verified, and only Clerk's cookies of the answer are set. `suffixed` says whether the request's cookies were
 * the suffixed ones; it goes out as the `suffixed_cookies` query parameter, as `@clerk/backend`'s
 * `SessionAPI.refreshSession` sends it, so the answer's cookies have the names the browser already uses. Gives the new token, its session and the
 * `Set-Cookie` lines, or why it could not (`@clerk/backend`'s `RefreshTokenErrorReason`).
 *
 * @example
 * const refreshed = await refreshSession(client, expired, refresh, view, verifySession, jar.suffixed);
 */
export async function refreshSession(
  client: SessionRefreshClient,
  expiredToken: string,
  refreshToken: string,
  view: RequestView,
  verifySession: (token: string) => Promise<Result<VerifiedSession, TokenError>>,
  suffixed = false,
): Promise<{ token: string; session: VerifiedSession; headers: Headers } | { failure: RefreshFailure }> {
  const decoded = decodeJwt(expiredToken);
  if (decoded.errors) return { failure: 'expired-session-token-decode-failed' };
  const sid = decoded.data.payload['sid'];
  if (typeof sid !== 'string' || sid === '') return { failure: 'expired-session-token-missing-sid-claim' };
  const here = view.url();
  if (here === undefined) return { failure: 'unexpected-sdk-error' };
  const requestHeaders: Record<string, string[]> = {};
  for (const name of FORWARDED) {
    const value = view.header(name);
    if (value !== undefined) requestHeaders[name] = [value];
  }
  let answer: Awaited<RefreshAnswer>;
  try {
    // Not in the pinned spec's RefreshSession; @clerk/backend sends it in the query, beside the JSON body.
    answer = await client.sessions.refreshSession(
      sid,
      {
        expired_token: expiredToken,
        refresh_token: refreshToken,
        request_origin: here.origin,
        request_headers: requestHeaders,
        format: 'cookie',
      },
      { extraQuery: { suffixed_cookies: suffixed } },
    );
  } catch {
    return { failure: 'unexpected-bapi-error' };
  }
  if (answer.errors !== undefined && answer.errors.length > 0) {
    const code = (answer.errors[0] as { code?: unknown } | undefined)?.code;
    return {
      failure: code === 'network_error' || code === 'timeout' || code === 'unexpected_error' ? 'fetch-error' : 'unexpected-bapi-error',
    };
  }
  const cookies = (answer.data as { cookies?: unknown } | undefined)?.cookies;
  if (!Array.isArray(cookies)) return { failure: 'unexpected-bapi-error' };
  const lines = cookies.filter((line): line is string => typeof line === 'string' && line.length <= 4096).filter(isClerkCookie);
  const token = pickSession(lines, false) ?? pickSession(lines, true);
  if (token === undefined) return { failure: 'unexpected-bapi-error' };
  const verified = await verifySession(token);
  if (verified.errors) return { failure: 'invalid-session-token' };
  const headers = new Headers();
  for (const line of lines) headers.append('set-cookie', line);
  return { token, session: verified.data, headers };
}

/**
 * Whether an injected client can refresh sessions.
 *
 * @example
 * if (canRefresh(context.client)) await refreshSession(context.client, …);
 */
export function canRefresh(client: unknown): client is SessionRefreshClient {
  const sessions = (client as { sessions?: { refreshSession?: unknown } } | undefined)?.sessions;
  return typeof sessions?.refreshSession === 'function';
}
