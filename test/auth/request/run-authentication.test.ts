import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieSuffix } from '../../../src/auth/request/cookie-suffix.js';
import type { AuthEvent } from '../../../src/auth/request/security-events.js';
import type { RequestParts } from '../../../src/auth/request/read-token.js';
import { runAuthentication, type AuthenticationContext } from '../../../src/auth/request/run-authentication.js';
import type { TokenType } from '../../../src/auth/request/token-types.js';
import { b64url } from '../helpers/keys.js';

// runAuthentication on its own, with the session verifier and the machine verifier injected: which verifier a
// token goes to, where it may come from, and the exact state and audit event of each outcome.

const jwt = (header: object, payload: object) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2ln`;
const sessionJwt = jwt({ alg: 'RS256', typ: 'JWT' }, { sub: 'user_1', sid: 'sess_1' });
const m2mJwt = jwt({ alg: 'RS256', typ: 'JWT' }, { sub: 'mch_1' });
const oauthJwt = jwt({ alg: 'RS256', typ: 'at+jwt' }, { sub: 'user_1' });
const claims = { sub: 'user_1', sid: 'sess_1', iat: 1, exp: 2, nbf: 1, iss: 'https://clerk.example.com' };
const verifiedSession = { data: { claims, userId: 'user_1', sessionId: 'sess_1', org: undefined } };
const machineData = {
  isAuthenticated: true,
  tokenType: 'api_key',
  id: 'ak_id',
  subject: 'user_9',
  scopes: [],
  claims: undefined,
  name: 'ci',
  userId: 'user_9',
  orgId: undefined,
} as const;

function setup(overrides: Partial<AuthenticationContext> = {}) {
  const events: AuthEvent[] = [];
  const context = {
    accepts: ['session_token'] as readonly TokenType[] | 'any',
    verifySession: vi.fn(async (_token: string) => verifiedSession as never),
    machine: { verify: vi.fn(async () => ({ data: machineData }) as never) },
    client: undefined,
    publishableKey: undefined,
    onAuthEvent: (event: AuthEvent) => void events.push(event),
    ...overrides,
  } satisfies AuthenticationContext;
  return { context, events };
}

const header = (token: string): RequestParts => ({ authorization: `Bearer ${token}`, cookie: undefined, sessionIdParam: undefined });
const cookie = (text: string): RequestParts => ({ authorization: undefined, cookie: text, sessionIdParam: undefined });
const outcome = (state: { status: string; reason: unknown; message: unknown; tokenType: unknown }) => ({
  status: state.status,
  reason: state.reason,
  message: state.message,
  tokenType: state.tokenType,
});
const rejected = (reason: string, tokenType: TokenType | undefined, tokenSource: 'header' | 'cookie' | undefined): AuthEvent => ({
  type: 'request_rejected',
  reason: reason as AuthEvent['reason'],
  tokenType,
  tokenSource,
  subject: undefined,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runAuthentication: which verifier a token goes to', () => {
  it('sends every JWT of a session-only route to the session verifier undecoded, and names a refused machine JWT', async () => {
    const { context, events } = setup({
      verifySession: vi.fn(async () => ({ errors: [{ code: 'token_type_mismatch', message: 'Not a session.' }] }) as never),
    });
    const state = await runAuthentication(header(m2mJwt), context);
    expect(context.verifySession).toHaveBeenCalledWith(m2mJwt);
    expect(context.machine.verify).not.toHaveBeenCalled();
    expect(outcome(state)).toEqual({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      message: 'Not a session.',
      tokenType: 'm2m_token',
    });
    expect(events).toEqual([rejected('token-type-mismatch', 'm2m_token', 'header')]);
  });

  it('reports other session verifier refusals as session tokens, whatever the token claims to be', async () => {
    const { context, events } = setup({
      verifySession: vi.fn(async () => ({ errors: [{ code: 'token_expired', message: 'Expired.' }] }) as never),
    });
    const state = await runAuthentication(header(m2mJwt), context);
    expect(outcome(state)).toEqual({
      status: 'signed-out',
      reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
      message: 'Expired.',
      tokenType: 'session_token',
    });
    expect(events).toEqual([rejected('session-token-expired-refresh-non-eligible-no-refresh-cookie', 'session_token', 'header')]);
  });

  it('decodes JWTs when the route also accepts machine tokens, and verifies an accepted machine JWT as a machine token', async () => {
    const { context, events } = setup({ accepts: ['session_token', 'oauth_token'] });
    const state = await runAuthentication(header(oauthJwt), context);
    expect(context.verifySession).not.toHaveBeenCalled();
    expect(context.machine.verify).toHaveBeenCalledWith({ type: 'oauth_token', form: 'jwt' }, oauthJwt);
    expect(outcome(state)).toEqual({ status: 'signed-in', reason: undefined, message: undefined, tokenType: 'oauth_token' });
    expect(events).toEqual([
      { type: 'request_verified', reason: undefined, tokenType: 'oauth_token', tokenSource: 'header', subject: 'user_9' },
    ]);
  });

  it('refuses a machine JWT of a kind the route does not accept without asking either verifier', async () => {
    const { context, events } = setup({ accepts: ['session_token', 'api_key'] });
    const state = await runAuthentication(header(m2mJwt), context);
    expect(context.verifySession).not.toHaveBeenCalled();
    expect(context.machine.verify).not.toHaveBeenCalled();
    expect(outcome(state)).toEqual({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      message: 'This route does not accept a m2m_token.',
      tokenType: 'm2m_token',
    });
    expect(events).toEqual([rejected('token-type-mismatch', 'm2m_token', 'header')]);
  });

  it('signs in an accepted opaque machine token with its auth object, and reports its subject', async () => {
    const { context, events } = setup({ accepts: ['api_key'] });
    const state = await runAuthentication(header('ak_1'), context);
    expect(context.machine.verify).toHaveBeenCalledWith({ type: 'api_key', form: 'opaque' }, 'ak_1');
    expect(state.toAuth()).toMatchObject({ tokenType: 'api_key', id: 'ak_id', userId: 'user_9' });
    expect(events).toEqual([
      { type: 'request_verified', reason: undefined, tokenType: 'api_key', tokenSource: 'header', subject: 'user_9' },
    ]);
  });
});

describe('runAuthentication: token type mismatches say where the token may come from', () => {
  it('refuses a machine token in a cookie even where every kind is accepted', async () => {
    const { context, events } = setup({ accepts: 'any' });
    const state = await runAuthentication(cookie('__session=ak_1'), context);
    expect(outcome(state)).toEqual({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      message: 'Machine tokens are only accepted in the Authorization header.',
      tokenType: 'api_key',
    });
    expect(context.machine.verify).not.toHaveBeenCalled();
    expect(events).toEqual([rejected('token-type-mismatch', 'api_key', 'cookie')]);
  });

  it('names the refused kind for a machine token in the header', async () => {
    const { context } = setup();
    expect(outcome(await runAuthentication(header('ak_1'), context))).toEqual({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      message: 'This route does not accept a api_key.',
      tokenType: 'api_key',
    });
  });

  it('names the refused kind for a session token, from the header or a cookie, on a machine-only route', async () => {
    const { context, events } = setup({ accepts: ['api_key'] });
    for (const parts of [header(sessionJwt), cookie(`__session=${sessionJwt}; __client_uat=1`)]) {
      expect(outcome(await runAuthentication(parts, context))).toEqual({
        status: 'signed-out',
        reason: 'token-type-mismatch',
        message: 'This route does not accept a session_token.',
        tokenType: 'session_token',
      });
    }
    expect(context.verifySession).not.toHaveBeenCalled();
    expect(events).toEqual([
      rejected('token-type-mismatch', 'session_token', 'header'),
      rejected('token-type-mismatch', 'session_token', 'cookie'),
    ]);
  });
});

describe('runAuthentication: cookies', () => {
  it('reads the __session cookie when the Authorization header is undefined rather than null', async () => {
    const { context, events } = setup();
    const state = await runAuthentication(cookie(`theme=dark; __session=${sessionJwt}; __client_uat=1`), context);
    expect(context.verifySession).toHaveBeenCalledWith(sessionJwt);
    expect(state.status).toBe('signed-in');
    expect(events).toEqual([
      { type: 'request_verified', reason: undefined, tokenType: 'session_token', tokenSource: 'cookie', subject: 'user_1' },
    ]);
  });

  it('reads no suffixed cookie without a publishable key, not even the suffix of an empty key', async () => {
    const { context } = setup();
    const emptyKeySuffix = createHash('sha1').update('').digest('base64url').slice(0, 8);
    const state = await runAuthentication(cookie(`__session_${emptyKeySuffix}=${sessionJwt}`), context);
    expect(outcome(state)).toMatchObject({ status: 'signed-out', reason: 'session-token-and-uat-missing' });
    expect(context.verifySession).not.toHaveBeenCalled();
  });

  it('reads only the plain __session cookie when the suffix digest is unavailable', async () => {
    vi.spyOn(crypto.subtle, 'digest').mockRejectedValue(new Error('no SHA-1 here'));
    const { context } = setup({ publishableKey: 'pk_test_digest_unavailable' });
    const state = await runAuthentication(cookie(`__session_undefined=other; __session=${sessionJwt}; __client_uat=1`), context);
    expect(state.status).toBe('signed-in');
    expect(context.verifySession).toHaveBeenCalledWith(sessionJwt);
    expect(await cookieSuffix('pk_test_digest_unavailable')).toBeUndefined();
  });
});

describe('runAuthentication: sessions', () => {
  it('refuses a token of another session than _clerk_session_id names, and ignores an empty parameter', async () => {
    const { context, events } = setup();
    const other = await runAuthentication({ ...header(sessionJwt), sessionIdParam: 'sess_2' }, context);
    expect(outcome(other)).toEqual({
      status: 'signed-out',
      reason: 'session_id_mismatch',
      message: 'The _clerk_session_id parameter names another session than the token.',
      tokenType: 'session_token',
    });
    expect(events).toEqual([rejected('session_id_mismatch', 'session_token', 'header')]);
    for (const sessionIdParam of ['', 'sess_1', null]) {
      expect((await runAuthentication({ ...header(sessionJwt), sessionIdParam }, context)).status, String(sessionIdParam)).toBe(
        'signed-in',
      );
    }
  });

  it('gives the auth object the verified token and a client that can mint template tokens', async () => {
    const createSessionTokenFromTemplate = vi.fn(async () => ({ data: { jwt: 'template.jwt' } }));
    const { context } = setup({ client: { sessions: { createSessionTokenFromTemplate } } });
    const auth = (await runAuthentication(header(sessionJwt), context)).toAuth();
    expect(await auth.getToken()).toBe(sessionJwt);
    expect(await auth.getToken({ template: 'supabase' })).toBe('template.jwt');
    expect(createSessionTokenFromTemplate).toHaveBeenCalledWith('sess_1', 'supabase', undefined);
  });

  it('mints no template token through a client without sessions', async () => {
    const { context } = setup({ client: {} });
    const auth = (await runAuthentication(header(sessionJwt), context)).toAuth();
    expect(await auth.getToken()).toBe(sessionJwt);
    expect(await auth.getToken({ template: 'supabase' })).toBeUndefined();
  });
});

describe('runAuthentication: failures of injected code', () => {
  const failed = {
    status: 'signed-out',
    reason: 'options_invalid',
    message: 'Authentication could not run: an injected option failed.',
  };

  it('signs out with options_invalid when the session verifier throws, naming the token kind and source', async () => {
    const { context, events } = setup({
      verifySession: vi.fn(() => {
        throw new Error('verifier bug');
      }),
    });
    expect(outcome(await runAuthentication(cookie(`__session=${sessionJwt}; __client_uat=1`), context))).toEqual({
      ...failed,
      tokenType: 'session_token',
    });
    expect(events).toEqual([rejected('options_invalid', 'session_token', 'cookie')]);
  });

  it('signs out with options_invalid, no kind and no source, when the request parts cannot be read', async () => {
    const { context, events } = setup();
    const parts = {
      get cookie(): never {
        throw new Error('adapter bug');
      },
      authorization: undefined,
      sessionIdParam: undefined,
    };
    expect(outcome(await runAuthentication(parts, context))).toEqual({ ...failed, tokenType: undefined });
    expect(events).toEqual([rejected('options_invalid', undefined, undefined)]);
  });
});
