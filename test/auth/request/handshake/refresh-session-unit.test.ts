import { describe, expect, it, vi } from 'vitest';
import type { VerifiedSession } from '../../../../src/auth/claims.js';
import type { TokenError } from '../../../../src/auth/errors.js';
import { canRefresh, refreshSession, type SessionRefreshClient } from '../../../../src/auth/request/handshake/refresh-session.js';
import type { RequestView } from '../../../../src/auth/request/handshake/request-view.js';
import type { Result } from '../../../../src/kernel/result.js';
import { validToken } from './helpers.js';

// refreshSession on its own, with a recorded client and verifier: the exact Backend API call (session id, body,
// forwarded headers, suffixed_cookies), each RefreshFailure reason (@clerk/backend's RefreshTokenErrorReason)
// and which cookies of the answer reach the response. Ported from the refresh cases of Clerk's request.test.ts;
// refresh-session.test.ts covers the same flow end to end.

const expired = validToken({ sid: 'sess_refresh_1' });
const REFRESH = 'refresh_token_secret_value';
const NEW_TOKEN = 'new.session.token';
const SESSION = { sub: 'user_2abc', sid: 'sess_refresh_1' } as unknown as VerifiedSession;

function view(headers: Record<string, string> = {}, url: string | null = 'https://app.example.com/dashboard?tab=1'): RequestView {
  return { method: 'GET', header: (name) => headers[name], url: () => (url === null ? undefined : new URL(url)) };
}

type Answer = { data?: unknown; errors?: readonly unknown[] | undefined };

function clientAnswering(answer: () => Answer | Promise<Answer>) {
  const refresh = vi.fn((..._args: Parameters<SessionRefreshClient['sessions']['refreshSession']>) => Promise.resolve(answer()));
  return { client: { sessions: { refreshSession: refresh } } satisfies SessionRefreshClient, refresh };
}

const verifyOk = vi.fn((_token: string): Promise<Result<VerifiedSession, TokenError>> => Promise.resolve({ data: SESSION }));

const cookiesAnswer = (cookies: unknown): Answer => ({ data: { cookies } });
const sessionLine = `__session=${NEW_TOKEN}; Path=/; Secure; HttpOnly; SameSite=Lax`;

describe('refreshSession: the call', () => {
  it('POSTs the session id, both tokens, the request origin, the forwarded headers and format cookie', async () => {
    const { client, refresh } = clientAnswering(() => cookiesAnswer([sessionLine]));
    const headers = {
      'user-agent': 'Mozilla/5.0',
      origin: 'https://app.example.com',
      referer: 'https://app.example.com/',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-host': 'app.example.com',
      'x-forwarded-proto': 'https',
      'sec-fetch-dest': 'document',
      accept: 'text/html',
      cookie: `__session=${expired}; __refresh_x=${REFRESH}`,
      authorization: 'Bearer secret',
      'x-other': 'not forwarded',
    };
    await refreshSession(client, expired, REFRESH, view(headers), verifyOk);
    expect(refresh).toHaveBeenCalledTimes(1);
    const [sid, body, options] = refresh.mock.calls[0] ?? [];
    expect(sid).toBe('sess_refresh_1');
    expect(body).toEqual({
      expired_token: expired,
      refresh_token: REFRESH,
      request_origin: 'https://app.example.com',
      request_headers: {
        'user-agent': ['Mozilla/5.0'],
        origin: ['https://app.example.com'],
        referer: ['https://app.example.com/'],
        'x-forwarded-for': ['203.0.113.7'],
        'x-forwarded-host': ['app.example.com'],
        'x-forwarded-proto': ['https'],
        'sec-fetch-dest': ['document'],
        accept: ['text/html'],
      },
      format: 'cookie',
    });
    expect(options).toEqual({ extraQuery: { suffixed_cookies: false } });
  });

  it('forwards only the headers the request has, and says suffixed_cookies: true for suffixed requests', async () => {
    const { client, refresh } = clientAnswering(() => cookiesAnswer([sessionLine]));
    await refreshSession(client, expired, REFRESH, view({ accept: 'text/html' }), verifyOk, true);
    const [, body, options] = refresh.mock.calls[0] ?? [];
    expect(body?.request_headers).toEqual({ accept: ['text/html'] });
    expect(options).toEqual({ extraQuery: { suffixed_cookies: true } });
  });

  it('does not call the Backend API for an undecodable token, a token without sid or a request without URL', async () => {
    const { client, refresh } = clientAnswering(() => cookiesAnswer([sessionLine]));
    expect(await refreshSession(client, 'not-a-jwt', REFRESH, view(), verifyOk)).toEqual({
      failure: 'expired-session-token-decode-failed',
    });
    for (const sid of [undefined, '', 42, null]) {
      const token = validToken({ sid });
      expect(await refreshSession(client, token, REFRESH, view(), verifyOk), String(sid)).toEqual({
        failure: 'expired-session-token-missing-sid-claim',
      });
    }
    expect(await refreshSession(client, expired, REFRESH, view({}, null), verifyOk)).toEqual({ failure: 'unexpected-sdk-error' });
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('refreshSession: the answer', () => {
  it('gives the new token, the verified session and the Clerk cookies of the answer, in order', async () => {
    const lines = [
      sessionLine,
      '__client_uat=1704067200; Path=/',
      'tracking=1; Path=/',
      '__client_uat_abc=1704067200; Path=/',
      '__client_uat_Dvw4Jd-k=1704067200; Path=/',
      '__clerk_handshake=forged; Path=/',
    ];
    const { client } = clientAnswering(() => cookiesAnswer(lines));
    const verify = vi.fn(verifyOk);
    const result = await refreshSession(client, expired, REFRESH, view(), verify);
    expect(verify).toHaveBeenCalledWith(NEW_TOKEN);
    if (!('token' in result)) throw new Error(`refused: ${result.failure}`);
    expect(result.token).toBe(NEW_TOKEN);
    expect(result.session).toBe(SESSION);
    expect(result.headers.getSetCookie()).toEqual([lines[0], lines[1], lines[4]]);
  });

  it('takes the suffixed session cookie when the answer has no plain one', async () => {
    const { client } = clientAnswering(() => cookiesAnswer(['__session_Dvw4Jd-k=suffixed.session.token; Path=/']));
    const result = await refreshSession(client, expired, REFRESH, view(), verifyOk);
    expect('token' in result && result.token).toBe('suffixed.session.token');
  });

  it('drops lines that are not strings, longer than 4096 characters or that could split the header', async () => {
    const long = `__client_uat=${'1'.repeat(4096 - '__client_uat='.length)}`;
    const tooLong = `${long}1`;
    const lines = [sessionLine, 7, null, long, tooLong, '__client_uat=1\r\nSet-Cookie: evil=1'];
    const { client } = clientAnswering(() => cookiesAnswer(lines));
    const result = await refreshSession(client, expired, REFRESH, view(), verifyOk);
    if (!('token' in result)) throw new Error(`refused: ${result.failure}`);
    expect(result.headers.getSetCookie()).toEqual([sessionLine, long]);
  });

  it('reports a network failure, timeout or unexpected error of the client as fetch-error', async () => {
    for (const code of ['network_error', 'timeout', 'unexpected_error']) {
      const { client } = clientAnswering(() => ({ errors: [{ code }] }));
      expect(await refreshSession(client, expired, REFRESH, view(), verifyOk), code).toEqual({ failure: 'fetch-error' });
    }
  });

  it('reports any other Backend API refusal, a throwing client or an answer of another shape as unexpected-bapi-error', async () => {
    const answers: (() => Answer | Promise<Answer>)[] = [
      () => ({ errors: [{ code: 'session_not_found', status: 404 }] }),
      () => ({ errors: [null] }),
      () => ({ data: {} }),
      () => ({ data: { cookies: 'a=b' } }),
      () => ({ data: undefined }),
      () => cookiesAnswer([]),
      () => cookiesAnswer(['__client_uat=0; Path=/']),
      () => cookiesAnswer(['__session=; Path=/']),
      () => cookiesAnswer(['other=1; Path=/', '__sessionx=forged.session.token; Path=/']),
      () => Promise.reject(new Error('client crashed')),
      () => {
        throw new Error('client threw');
      },
    ];
    for (const [index, answer] of answers.entries()) {
      const { client } = clientAnswering(answer);
      expect(await refreshSession(client, expired, REFRESH, view(), verifyOk), String(index)).toEqual({ failure: 'unexpected-bapi-error' });
    }
  });

  it('accepts an answer with an empty errors list', async () => {
    const { client } = clientAnswering(() => ({ data: { cookies: [sessionLine] }, errors: [] }));
    expect('token' in (await refreshSession(client, expired, REFRESH, view(), verifyOk))).toBe(true);
  });

  it('reports a new token that does not verify as invalid-session-token and sets no cookie', async () => {
    const { client } = clientAnswering(() => cookiesAnswer([sessionLine]));
    const refuse = (): Promise<Result<VerifiedSession, TokenError>> =>
      Promise.resolve({ errors: [{ code: 'token_expired', message: 'expired' } as TokenError] });
    expect(await refreshSession(client, expired, REFRESH, view(), refuse)).toEqual({ failure: 'invalid-session-token' });
  });

  it('never puts the tokens into a failure', async () => {
    const { client } = clientAnswering(() => ({ errors: [{ code: 'x', message: REFRESH }] }));
    const result = await refreshSession(client, expired, REFRESH, view(), verifyOk);
    expect(JSON.stringify(result)).not.toContain(REFRESH);
    expect(JSON.stringify(result)).not.toContain(expired);
  });
});

describe('canRefresh', () => {
  it('is true only for a client with a sessions.refreshSession function', () => {
    expect(canRefresh({ sessions: { refreshSession: () => undefined } })).toBe(true);
    for (const client of [undefined, null, {}, { sessions: undefined }, { sessions: {} }, { sessions: { refreshSession: 'x' } }]) {
      expect(canRefresh(client), JSON.stringify(client)).toBe(false);
    }
  });
});
