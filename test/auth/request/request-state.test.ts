import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signedInAuthObject } from '../../../src/auth/request/auth-object.js';
import { signedInState, signedOutState } from '../../../src/auth/request/request-state.js';

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
