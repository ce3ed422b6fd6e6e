import { describe, expect, it } from 'vitest';
import { prunePrivateMetadata, sanitizeAuthObject, signedInAuthObject, type SessionClaims } from '../../../src/auth/index.js';

describe('prunePrivateMetadata', () => {
  it('removes private_metadata and privateMetadata at any depth and keeps everything else', () => {
    const user = {
      id: 'user_1',
      public_metadata: { plan: 'pro' },
      private_metadata: { stripe: 'cus_1' },
      organization_memberships: [{ organization: { id: 'org_1', privateMetadata: { x: 1 }, public_metadata: {} } }],
    };
    expect(prunePrivateMetadata(user)).toEqual({
      id: 'user_1',
      public_metadata: { plan: 'pro' },
      organization_memberships: [{ organization: { id: 'org_1', public_metadata: {} } }],
    });
    expect(user.private_metadata).toEqual({ stripe: 'cus_1' });
  });

  it('never lets a __proto__ key change a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const pruned = prunePrivateMetadata(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(pruned)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(pruned['a']).toBe(1);
  });
});

describe('sanitizeAuthObject', () => {
  it('gives the auth object as data without functions or private metadata in custom claims', () => {
    const claims = { sub: 'user_1', sid: 'sess_1', exp: 1, metadata: { private_metadata: { ssn: 'x' }, role: 'a' } } as SessionClaims;
    const safe = sanitizeAuthObject(signedInAuthObject(claims));
    expect(safe).not.toHaveProperty('has');
    expect(safe).not.toHaveProperty('getToken');
    expect(JSON.stringify(safe)).not.toContain('ssn');
    expect(safe.sessionClaims?.['metadata']).toEqual({ role: 'a' });
  });
});
