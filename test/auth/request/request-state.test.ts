import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signedInAuthObject } from '../../../src/auth/request/auth-object.js';
import { handshakeState, responseCookies, signedInState, signedOutState } from '../../../src/auth/request/request-state.js';

// The request states on their own: what logging one shows, the headers, and the auth object of a signed-out state.

describe('signedInState', () => {
  it('logs and serialises as its status and token kind only', () => {
    const state = signedInState('secret.token.value', 'session_token', () => signedInAuthObject({ sub: 'user_1' } as never));
    const summary = { type: 'RequestState', status: 'signed-in', tokenType: 'session_token' };
    expect(JSON.parse(JSON.stringify(state))).toEqual(summary);
    expect(String(state)).toBe(`RequestState ${JSON.stringify(summary)}`);
    expect(inspect(state)).toBe(`RequestState ${JSON.stringify(summary)}`);
    expect(state.headers.get('x-clerk-auth-status')).toBe('signed-in');
  });

  it('reads its token, which no spread, key list or serialisation copies', () => {
    const state = signedInState('secret.token.value', 'session_token', () => signedInAuthObject({ sub: 'user_1' } as never));
    expect(state.token).toBe('secret.token.value');
    expect(Object.keys(state)).toEqual(['status', 'reason', 'message', 'tokenType', 'isAuthenticated', 'headers', 'toAuth']);
    expect(JSON.stringify({ ...state })).not.toContain('secret.token.value');
    expect(inspect(state, { showHidden: true })).not.toContain('secret.token.value');
  });

  it('carries the headers of a handshake return trip, each Set-Cookie line kept apart', () => {
    const extra = new Headers({ 'x-clerk-auth-reason': 'handshake' });
    extra.append('set-cookie', '__session=a; Path=/');
    extra.append('set-cookie', '__client_uat=1; Path=/');
    const state = signedInState('t.t.t', 'session_token', () => signedInAuthObject({ sub: 'user_1' } as never), extra);
    expect(state.headers.getSetCookie()).toEqual(['__session=a; Path=/', '__client_uat=1; Path=/']);
    expect(state.headers.get('x-clerk-auth-status')).toBe('signed-in');
    expect(state.headers.get('x-clerk-auth-reason')).toBe('handshake');
  });
});

describe('responseCookies', () => {
  it("gives the same Set-Cookie lines as the state's headers, for every kind of state", () => {
    const extra = new Headers();
    extra.append('set-cookie', '__session=a; Path=/');
    extra.append('set-cookie', '__client_uat=1; Path=/');
    const makeAuth = () => signedInAuthObject({ sub: 'user_1' } as never);
    const states = [
      signedInState('t.t.t', 'session_token', makeAuth),
      signedInState('t.t.t', 'session_token', makeAuth, extra),
      signedOutState({ reason: 'session-token-and-uat-missing', message: 'none' }, undefined),
      signedOutState({ reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie', message: 'old' }, 'session_token', extra),
      handshakeState('client-uat-but-no-session-token', '', extra),
    ];
    for (const state of states) expect(responseCookies(state)).toEqual(state.headers.getSetCookie());
    expect(responseCookies(states[1]!)).toEqual(['__session=a; Path=/', '__client_uat=1; Path=/']);
    expect(responseCookies(states[0]!)).toEqual([]);
  });
});

describe('signedOutState', () => {
  // Built in each test, not once here, so that the code runs while the test does (Stryker activates mutants per test).
  const signedOut = () => signedOutState({ reason: 'session-token-and-uat-missing', message: 'No token – at all.' }, undefined);

  it('logs and serialises as its status and reason only', () => {
    const state = signedOut();
    const summary = { type: 'RequestState', status: 'signed-out', reason: 'session-token-and-uat-missing' };
    expect(JSON.parse(JSON.stringify(state))).toEqual(summary);
    expect(String(state)).toBe(`RequestState ${JSON.stringify(summary)}`);
  });

  it('carries the reason in headers, the message made printable ASCII', () => {
    const state = signedOut();
    expect(Object.fromEntries(state.headers)).toEqual({
      'x-clerk-auth-status': 'signed-out',
      'x-clerk-auth-reason': 'session-token-and-uat-missing',
      'x-clerk-auth-message': 'No token ? at all.',
    });
    expect(state.message).toBe('No token – at all.');
  });

  it('gives a signed-out session auth object', async () => {
    const auth = signedOut().toAuth();
    expect(auth).toMatchObject({ tokenType: 'session_token', isAuthenticated: false, userId: undefined, sessionId: undefined });
    expect(auth.has({ role: 'org:admin' })).toBe(false);
    expect(await auth.getToken()).toBeUndefined();
  });
});
