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
    expect(JSON.parse(json)).toMatchObject({ userId: 'user_1', orgRole: 'org:admin' });
  });
});

describe('signedOutAuthObject', () => {
  it('has no identity, a getToken() of undefined and a has() of false', async () => {
    const auth = signedOutAuthObject();
    expect(auth).toMatchObject({ isAuthenticated: false, userId: undefined, orgId: undefined, sessionStatus: undefined });
    expect(await auth.getToken()).toBeUndefined();
    expect(auth.has({ permission: 'org:reports:read' })).toBe(false);
  });
});
