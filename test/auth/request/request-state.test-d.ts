import { expectTypeOf, test } from 'vitest';
import {
  authenticateRequest,
  type AuthenticateRequestOptions,
  type AuthObject,
  type RequestAuthReason,
  type SessionAuthObject,
} from '../../../src/auth/index.js';
import type { ClerkClient } from '../../../src/index.js';
import { getAuth } from '../../../src/express/index.js';

test('a request state narrows on status', async () => {
  const state = await authenticateRequest(new Request('https://x/'), { jwtKey: 'pem' });
  if (state.status === 'signed-in') {
    expectTypeOf(state.token).toEqualTypeOf<string>();
    expectTypeOf(state.reason).toEqualTypeOf<undefined>();
    expectTypeOf(state.toAuth()).toEqualTypeOf<AuthObject>();
  } else {
    expectTypeOf(state.reason).toEqualTypeOf<RequestAuthReason>();
    expectTypeOf(state.token).toEqualTypeOf<undefined>();
    expectTypeOf(state.toAuth()).toEqualTypeOf<SessionAuthObject>();
  }
});

test('auth objects narrow on tokenType', () => {
  const auth = {} as AuthObject;
  if (auth.tokenType === 'm2m_token') expectTypeOf(auth.machineId).toEqualTypeOf<string>();
  if (auth.tokenType === 'oauth_token') expectTypeOf(auth.clientId).toEqualTypeOf<string | undefined>();
  if (auth.tokenType === 'session_token') expectTypeOf(auth.orgPermissions).toEqualTypeOf<readonly string[] | undefined>();
});

test('options accept undefined values, as process.env gives them', () => {
  const env: Record<string, string | undefined> = {};
  const options: AuthenticateRequestOptions = {
    jwtKey: env['CLERK_JWT_KEY'],
    secretKey: env['CLERK_SECRET_KEY'],
    publishableKey: env['X'],
  };
  expectTypeOf(options).toMatchTypeOf<AuthenticateRequestOptions>();
});

test('the generated client can be passed as the machine token client', () => {
  const clerk = {} as ClerkClient;
  expectTypeOf(clerk).toMatchTypeOf<NonNullable<AuthenticateRequestOptions['client']>>();
  expectTypeOf(clerk.authenticateRequest).returns.resolves.toHaveProperty('status');
});

test('getAuth gives a session auth object unless other kinds are asked for', () => {
  const req = { headers: {} };
  expectTypeOf(getAuth(req)).toEqualTypeOf<SessionAuthObject>();
  expectTypeOf(getAuth(req, { acceptsToken: 'any' })).toEqualTypeOf<AuthObject>();
  // @ts-expect-error a has() condition must be a known key with a string value
  getAuth(req).has({ role: 1 });
});
