import { describe, expect, it, vi } from 'vitest';
import { signedInAuthObject, signedOutAuthObject, toSerializableAuth, type SessionClaims } from '../../../src/auth/index.js';

const claims = {
  sub: 'user_1',
  sid: 'sess_1',
  exp: 2_000_000_000,
  sts: 'active',
  act: { sub: 'user_admin' },
  fva: [3, -1],
  org_id: 'org_1',
  org_role: 'org:admin',
  org_slug: 'acme',
  org_permissions: ['org:reports:read'],
} as SessionClaims;

describe('signedInAuthObject', () => {
  it('exposes the identity fields of v1 claims', () => {
    const auth = signedInAuthObject(claims, { token: 'raw' });
    expect(toSerializableAuth(auth)).toEqual({
      tokenType: 'session_token',
      isAuthenticated: true,
      userId: 'user_1',
      sessionId: 'sess_1',
      sessionClaims: claims,
      sessionStatus: 'active',
      actor: { sub: 'user_admin' },
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgSlug: 'acme',
      orgPermissions: ['org:reports:read'],
      factorVerificationAge: [3, -1],
    });
  });

  it('getToken() returns the verified token, and a template token through the client', async () => {
    const createSessionTokenFromTemplate = vi.fn(async () => ({ data: { object: 'token' as const, jwt: 'template.jwt.value' } }));
    const auth = signedInAuthObject(claims, { token: 'raw', client: { sessions: { createSessionTokenFromTemplate } } });
    expect(await auth.getToken()).toBe('raw');
    expect(await auth.getToken({ template: 'supabase', expiresInSeconds: 60 })).toBe('template.jwt.value');
    expect(createSessionTokenFromTemplate).toHaveBeenCalledWith('sess_1', 'supabase', { expires_in_seconds: 60 });
  });

  it('getToken({ template }) gives undefined without a client, on an API error, or when the client throws', async () => {
    expect(await signedInAuthObject(claims, { token: 'raw' }).getToken({ template: 'x' })).toBeUndefined();
    const failing = { sessions: { createSessionTokenFromTemplate: async () => ({ errors: [{ code: 'not_found' }] }) } };
    expect(await signedInAuthObject(claims, { token: 'raw', client: failing }).getToken({ template: 'x' })).toBeUndefined();
    const throwing = {
      sessions: {
        createSessionTokenFromTemplate: async () => {
          throw new Error('boom');
        },
      },
    };
    expect(await signedInAuthObject(claims, { token: 'raw', client: throwing }).getToken({ template: 'x' })).toBeUndefined();
  });

  it('serialises as data only: no functions, no token', () => {
    const auth = signedInAuthObject(claims, { token: 'secret.raw.token' });
    const json = JSON.stringify(auth);
    expect(json).not.toContain('secret.raw.token');
    expect(Object.keys(auth)).not.toContain('has');
    expect(Object.keys(auth)).not.toContain('getToken');
    expect({ ...auth }).toStrictEqual(toSerializableAuth(auth));
    expect(JSON.parse(json)).toMatchObject({ userId: 'user_1', orgRole: 'org:admin' });
  });
});

describe('getToken()', () => {
  function recordingClient(jwt: unknown = 'template.jwt.value') {
    const createSessionTokenFromTemplate = vi.fn(async () => ({ data: { jwt } as { jwt?: string } }));
    return { client: { sessions: { createSessionTokenFromTemplate } }, createSessionTokenFromTemplate };
  }

  it('is undefined without a session id, even with a verified token', async () => {
    const { sid: _sid, ...withoutSession } = claims;
    const { client, createSessionTokenFromTemplate } = recordingClient();
    const auth = signedInAuthObject(withoutSession as SessionClaims, { token: 'raw', client });
    expect(await auth.getToken()).toBeUndefined();
    expect(await auth.getToken({ template: 'supabase' })).toBeUndefined();
    expect(createSessionTokenFromTemplate).not.toHaveBeenCalled();
  });

  it('asks for a template without a lifetime when none is given', async () => {
    const { client, createSessionTokenFromTemplate } = recordingClient();
    expect(await signedInAuthObject(claims, { token: 'raw', client }).getToken({ template: 'supabase' })).toBe('template.jwt.value');
    expect(createSessionTokenFromTemplate.mock.calls).toStrictEqual([['sess_1', 'supabase', undefined]]);
  });

  it.each([
    ['a lifetime without a template', { expiresInSeconds: 60 }],
    ['an empty template name', { template: '' }],
    ['a template name that is not a string', { template: 42 }],
  ])('is undefined for %s, without calling the API', async (_name, request) => {
    const { client, createSessionTokenFromTemplate } = recordingClient();
    expect(await signedInAuthObject(claims, { token: 'raw', client }).getToken(request as never)).toBeUndefined();
    expect(createSessionTokenFromTemplate).not.toHaveBeenCalled();
  });

  it('is undefined when the API answers a jwt that is not a string', async () => {
    const { client } = recordingClient(42);
    expect(await signedInAuthObject(claims, { token: 'raw', client }).getToken({ template: 'supabase' })).toBeUndefined();
  });
});

describe('signedInAuthObject: claims of the wrong type are left out', () => {
  const fieldsOf = (extra: Record<string, unknown>) =>
    toSerializableAuth(signedInAuthObject({ sub: 'user_1', exp: 2_000_000_000, ...extra } as never));

  it('leaves out a session id, status or v1 organization field that is not a string', () => {
    expect(fieldsOf({ sid: 42, sts: true, org_id: 1, org_role: ['org:admin'], org_slug: null })).toMatchObject({
      sessionId: undefined,
      sessionStatus: undefined,
      orgId: undefined,
      orgRole: undefined,
      orgSlug: undefined,
    });
  });

  it('leaves out v1 org_permissions unless every entry is a string', () => {
    expect(fieldsOf({ org_id: 'org_1', org_permissions: ['org:reports:read'] }).orgPermissions).toEqual(['org:reports:read']);
    expect(fieldsOf({ org_id: 'org_1', org_permissions: ['org:reports:read', 42] }).orgPermissions).toBeUndefined();
    const auth = signedInAuthObject({
      sub: 'user_1',
      exp: 2_000_000_000,
      org_id: 'org_1',
      org_permissions: ['org:reports:read', 42],
    } as never);
    expect(auth.has({ permission: 'org:reports:read' })).toBe(false);
  });

  it.each([null, 'user_admin', {}, { sub: 42 }])('leaves out an actor %j without a string sub', (act) => {
    expect(fieldsOf({ act }).actor).toBeUndefined();
  });

  it.each([
    ['a string', 'x'],
    ['one age', [0]],
    ['three ages', [0, 0, 0]],
    ['a string age', ['0', 0]],
    ['an infinite age', [Infinity, 0]],
    ['a NaN age', [0, Number.NaN]],
  ])('leaves out an fva claim of %s', (_name, fva) => {
    expect(fieldsOf({ fva: [0, -1] }).factorVerificationAge).toEqual([0, -1]);
    expect(fieldsOf({ fva }).factorVerificationAge).toBeUndefined();
  });

  it('keeps every organization field, as undefined, for a v2 claim without an o object', () => {
    for (const o of [undefined, null, 'org_1']) {
      const fields = fieldsOf({ v: 2, o });
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['orgId', 'orgRole', 'orgSlug', 'orgPermissions']));
      expect(fields).toMatchObject({ orgId: undefined, orgRole: undefined, orgSlug: undefined, orgPermissions: undefined });
    }
  });
});

describe('signedOutAuthObject', () => {
  it('has no identity, a getToken() of undefined and a has() of false', async () => {
    const auth = signedOutAuthObject();
    expect(auth).toMatchObject({ isAuthenticated: false, userId: undefined, orgId: undefined, sessionStatus: undefined });
    expect(await auth.getToken()).toBeUndefined();
    expect(auth.has({ permission: 'org:reports:read' })).toBe(false);
  });

  it('is a session-token object whose getToken() returns a promise and whose functions are not data', async () => {
    const auth = signedOutAuthObject('pending');
    expect(auth.tokenType).toBe('session_token');
    expect(auth.sessionStatus).toBe('pending');
    const token = auth.getToken();
    expect(token).toBeInstanceOf(Promise);
    await expect(token).resolves.toBeUndefined();
    expect(Object.keys(auth)).not.toContain('getToken');
    expect(Object.keys(auth)).not.toContain('has');
    expect({ ...auth }).toStrictEqual(toSerializableAuth(auth));
  });
});
