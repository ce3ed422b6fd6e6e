// `req.auth` as the Node adapters build it: callable (`req.auth()`) and carrying the auth object's fields
// (`req.auth.userId`), with the same own properties as the auth object, read-only, and never the token in a view.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signedInAuthObject, signedOutAuthObject } from '../../src/auth/request/auth-object.js';
import { machineAuthObject, toMachineAuthData } from '../../src/auth/request/machine-auth-object.js';
import type { AuthObject } from '../../src/auth/index.js';
import { pickAuth } from '../../src/node/adapter-auth.js';
import { toRequestAuth, unwrapRequestAuth } from '../../src/node/request-auth.js';
import { NOW_S } from '../auth/helpers/keys.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.session-token-payload.signature';
const session = signedInAuthObject(
  {
    sub: 'user_1',
    sid: 'sess_1',
    exp: NOW_S + 60,
    iat: NOW_S,
    v: 2,
    o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '1' },
    fea: 'o:reports',
  } as never,
  { token: TOKEN },
);
const apiKey = machineAuthObject(
  toMachineAuthData('api_key', { id: 'ak_1', subject: 'user_9', scopes: ['read'], claims: undefined, name: 'ci' }),
  'ak_secret_token',
);

/** Every own property of the auth object, as `req.auth` must carry it: same value and enumerability, read-only. */
function expectSameFields(requestAuth: unknown, auth: AuthObject): void {
  for (const key of Reflect.ownKeys(auth)) {
    const expected = Reflect.getOwnPropertyDescriptor(auth, key)!;
    expect(Reflect.getOwnPropertyDescriptor(requestAuth as object, key), String(key)).toEqual({
      value: expected.value,
      enumerable: expected.enumerable,
      writable: false,
      configurable: false,
    });
  }
}

describe('toRequestAuth', () => {
  it.each([
    ['a signed-in session', session],
    ['a signed-out session', signedOutAuthObject()],
    ['an API key, whose name replaces the function name', apiKey],
  ] as const)('carries every field of %s as a read-only own property, with the same enumerable keys', (_, auth) => {
    const requestAuth = toRequestAuth(auth, pickAuth);
    expectSameFields(requestAuth, auth);
    // As sets: a function's own `name` comes before the copied fields.
    expect(Object.keys(requestAuth).sort()).toEqual(Object.keys(auth).sort());
    expect({ ...requestAuth }).toEqual({ ...auth });
    expect(JSON.parse(JSON.stringify(requestAuth))).toEqual(JSON.parse(JSON.stringify(auth)));
    expect(Object.isFrozen(requestAuth)).toBe(true);
    expect(() => {
      (requestAuth as unknown as { userId: string }).userId = 'user_evil';
    }).toThrow(TypeError);
    expect(unwrapRequestAuth(requestAuth)).toBe(auth);
  });

  it('answers a call with the auth object its acceptsToken allows', () => {
    const requestAuth = toRequestAuth(session, pickAuth);
    expect(requestAuth()).toBe(session);
    expect(requestAuth({ acceptsToken: 'any' })).toBe(session);
    expect(requestAuth({ acceptsToken: 'api_key' }).isAuthenticated).toBe(false);
    const machine = toRequestAuth(apiKey, pickAuth);
    expect(machine().tokenType).toBe('session_token');
    expect(machine().isAuthenticated).toBe(false);
    expect(machine({ acceptsToken: 'api_key' })).toBe(apiKey);
    expect(machine.name).toBe('ci');
  });

  it('keeps has() and getToken() working but out of the enumerable fields', async () => {
    const requestAuth = toRequestAuth(session, pickAuth);
    expect(requestAuth.has({ role: 'org:admin' })).toBe(true);
    expect(requestAuth.has({ role: 'org:member' })).toBe(false);
    expect(await requestAuth.getToken()).toBe(TOKEN);
    expect(Object.keys(requestAuth)).not.toContain('has');
    expect(Object.keys(requestAuth)).not.toContain('getToken');
  });

  it('never shows the token in JSON or util.inspect', () => {
    for (const [auth, token] of [
      [session, TOKEN],
      [apiKey, 'ak_secret_token'],
    ] as const) {
      const requestAuth = toRequestAuth(auth, pickAuth);
      expect(JSON.stringify(requestAuth)).not.toContain(token);
      expect(inspect(requestAuth, { depth: 5, showHidden: true })).not.toContain(token);
    }
  });
});
