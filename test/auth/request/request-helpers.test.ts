import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { cookieSuffix } from '../../../src/auth/request/cookie-suffix.js';
import { debugRequestState } from '../../../src/auth/request/debug-request-state.js';
import { decideAccess } from '../../../src/auth/request/decide-access.js';
import type { AuthObject, RequestState } from '../../../src/auth/request/request-state.js';
import { emitAuthEvent, type AuthEvent } from '../../../src/auth/request/security-events.js';

// The small helpers around request authentication, on their own: the suffixed cookie name, the access decision
// of the adapters, security events and the debug view of a request state.

describe('cookieSuffix', () => {
  it("is the first 8 characters of the base64url SHA-1 of the publishable key, as in Clerk's SDKs", async () => {
    // Keys whose digest spells '+' or '/' in base64 check the URL-safe replacement too.
    const keys = ['pk_test_Y2xlcmsuZXhhbXBsZS5jb20k'];
    for (let i = 0; keys.length < 3 && i < 10_000; i++) {
      const key = `pk_test_${i}`;
      const standard = createHash('sha1').update(key).digest('base64').slice(0, 8);
      if (/[+/]/.test(standard)) keys.push(key);
    }
    expect(keys.length).toBe(3);
    for (const key of keys) expect(await cookieSuffix(key), key).toBe(createHash('sha1').update(key).digest('base64url').slice(0, 8));
  });

  it('computes the suffix of a key once', () => {
    expect(cookieSuffix('pk_test_once')).toBe(cookieSuffix('pk_test_once'));
  });

  it('remembers the suffixes of at most 64 keys', async () => {
    // A fresh module, so that the keys of other tests do not count.
    vi.resetModules();
    const fresh = (await import('../../../src/auth/request/cookie-suffix.js')).cookieSuffix;
    for (let i = 0; i < 64; i++) expect(fresh(`pk_test_bound_${i}`), String(i)).toBe(fresh(`pk_test_bound_${i}`));
    const past = fresh('pk_test_bound_64');
    expect(fresh('pk_test_bound_64')).not.toBe(past);
    expect(await fresh('pk_test_bound_64')).toBe(await past);
  });
});

describe('decideAccess', () => {
  const headers = new Headers({ 'x-clerk-auth-status': 'signed-out' });
  const state = (fields: Partial<RequestState>) => ({ isAuthenticated: true, headers, ...fields }) as RequestState;
  const auth = (isAuthenticated: boolean, has = true) => ({ isAuthenticated, has: () => has }) as unknown as AuthObject;

  it('denies an unauthenticated request with 401 and its reason', () => {
    expect(
      decideAccess(
        state({
          isAuthenticated: false,
          reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
          message: 'The token has expired.',
        }),
        auth(false),
      ),
    ).toEqual({
      status: 401,
      body: { errors: [{ code: 'session-token-expired-refresh-non-eligible-no-refresh-cookie', message: 'The token has expired.' }] },
      headers,
    });
  });

  it('denies a pending session with 401 session_pending', () => {
    expect(decideAccess(state({}), auth(false))).toEqual({
      status: 401,
      body: { errors: [{ code: 'session_pending', message: 'The session is pending: it has tasks to complete before it can be used.' }] },
      headers,
    });
  });

  it('denies with 403 what has() refuses, and allows the rest', () => {
    expect(decideAccess(state({}), auth(true, false), { role: 'org:admin' })).toEqual({
      status: 403,
      body: { errors: [{ code: 'forbidden', message: 'The session lacks a required role, permission, feature, plan or reverification.' }] },
      headers,
    });
    expect(decideAccess(state({}), auth(true, true), { role: 'org:admin' })).toBeUndefined();
    expect(decideAccess(state({}), auth(true, false))).toBeUndefined();
  });
});

describe('emitAuthEvent', () => {
  const event: AuthEvent = {
    type: 'request_verified',
    reason: undefined,
    tokenType: 'session_token',
    tokenSource: 'header',
    subject: 'user_1',
  };

  it('hands the hook a frozen event', () => {
    const hook = vi.fn();
    emitAuthEvent(hook, { ...event });
    expect(hook).toHaveBeenCalledWith(event);
    expect(Object.isFrozen(hook.mock.calls[0]?.[0])).toBe(true);
    expect(() => emitAuthEvent(undefined, event)).not.toThrow();
  });

  it('never lets a hook that throws or rejects reach the request', async () => {
    expect(() =>
      emitAuthEvent(() => {
        throw new Error('hook');
      }, event),
    ).not.toThrow();
    emitAuthEvent(() => Promise.reject(new Error('async hook')), event);
    // An unhandled rejection would fail this test file.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});

describe('debugRequestState', () => {
  const base = { reason: undefined, message: undefined, isAuthenticated: true };

  it('names the user of a session, or the subject of a machine token, reading pending sessions as they are', () => {
    const toAuth = vi.fn(() => ({ tokenType: 'session_token', userId: 'user_1', subject: 'ignored' }));
    const session = { ...base, status: 'signed-in', tokenType: 'session_token', toAuth } as unknown as RequestState;
    expect(debugRequestState(session)).toEqual({ ...base, status: 'signed-in', tokenType: 'session_token', subject: 'user_1' });
    expect(toAuth).toHaveBeenCalledWith({ treatPendingAsSignedOut: false });
    const machine = { ...base, status: 'signed-in', tokenType: 'api_key', toAuth: () => ({ tokenType: 'api_key', subject: 'user_2' }) };
    expect(debugRequestState(machine as unknown as RequestState).subject).toBe('user_2');
  });

  it('names no subject for a signed-out state', () => {
    const toAuth = vi.fn();
    const out = {
      status: 'signed-out',
      reason: 'session-token-and-uat-missing',
      message: 'm',
      tokenType: undefined,
      isAuthenticated: false,
      toAuth,
    };
    expect(debugRequestState(out as unknown as RequestState)).toEqual({
      status: 'signed-out',
      reason: 'session-token-and-uat-missing',
      message: 'm',
      tokenType: undefined,
      isAuthenticated: false,
      subject: undefined,
    });
    expect(toAuth).not.toHaveBeenCalled();
  });
});
