import { __experimental_JWTPayloadToAuthObjectProperties as clerkParse } from '@clerk/shared/jwtPayloadParser';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../src/auth/index.js';
import { decodeOrgPermissions, orgFeatures } from '../../src/auth/org-permissions.js';
import { sessionAuthObject, signedInAuthObject } from '../../src/auth/request/auth-object.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';

describe('decodeOrgPermissions', () => {
  it('maps bit i (least significant first) of each feature mask to the i-th permission', () => {
    expect(decodeOrgPermissions({ fea: 'o:reports,o:billing', per: 'read,manage,delete', fpm: '5,2' })).toEqual([
      'org:reports:read',
      'org:reports:delete',
      'org:billing:manage',
    ]);
  });

  it('skips user-scoped features and keeps ou/uo ones, in order', () => {
    expect(orgFeatures('u:a,o:b,uo:c,ou:d')).toEqual(['b', 'c', 'd']);
    expect(decodeOrgPermissions({ fea: 'u:a,o:b,uo:c', per: 'read', fpm: '1,1' })).toEqual(['org:b:read', 'org:c:read']);
  });

  it('grants nothing for a malformed fea, a non-decimal mask, or missing per/fpm', () => {
    expect(decodeOrgPermissions({ fea: 'reports', per: 'read', fpm: '1' })).toEqual([]);
    expect(decodeOrgPermissions({ fea: 'o:a,o:b', per: 'read', fpm: 'x,1' })).toEqual(['org:b:read']);
    expect(decodeOrgPermissions({ fea: 'o:a', per: '', fpm: '1' })).toEqual([]);
    expect(decodeOrgPermissions({ fea: 'o:a', per: 'read' })).toEqual([]);
  });

  it('handles masks beyond 53 bits exactly', () => {
    const per = Array.from({ length: 70 }, (_, i) => `p${i}`).join(',');
    const mask = ((1n << 69n) | 1n).toString();
    expect(decodeOrgPermissions({ fea: 'o:f', per, fpm: mask })).toEqual(['org:f:p0', 'org:f:p69']);
  });

  it('decodes the same bits either side of the 9-digit (32-bit) boundary of masks', () => {
    const per = Array.from({ length: 40 }, (_, i) => `p${i}`).join(',');
    const expected = (mask: bigint): string[] =>
      Array.from({ length: 40 }, (_, bit) => bit)
        .filter((bit) => ((mask >> BigInt(bit)) & 1n) === 1n)
        .map((bit) => `org:f:p${bit}`);
    for (const mask of [999_999_999n, 1_000_000_000n, 2_147_483_647n, 2_147_483_648n, 4_294_967_295n, 4_294_967_296n, (1n << 39n) | 5n]) {
      expect(decodeOrgPermissions({ fea: 'o:f', per, fpm: mask.toString() }), mask.toString()).toEqual(expected(mask));
    }
    expect(decodeOrgPermissions({ fea: 'o:f', per, fpm: '000000005' })).toEqual(['org:f:p0', 'org:f:p2']);
  });

  it('matches @clerk/shared on a table of cases', () => {
    const cases = [
      { fea: 'o:reports,o:billing', per: 'read,manage,delete', fpm: '5,2' },
      { fea: 'u:x,o:a,uo:b,ou:c', per: 'r,w', fpm: '3,1,2' },
      { fea: 'o:a', per: ' r , w ', fpm: ' 3 ' },
      { fea: 'o:a,o:b,o:c', per: 'r', fpm: '1' },
      { fea: 'o:a', per: 'r,w,x', fpm: '0' },
      { fea: 'o:a', per: 'r,w', fpm: '7' },
      { fea: 'o:a,o:b', per: 'r,w', fpm: '01,abc' },
    ];
    for (const { fea, per, fpm } of cases) {
      const claims = { v: 2, sub: 'u', sid: 's', fea, o: { id: 'org_1', rol: 'admin', per, fpm } } as never;
      expect(decodeOrgPermissions({ fea, per, fpm })).toEqual(clerkParse(claims).orgPermissions);
    }
  });
});

describe('the auth object of a verified session', () => {
  it('reuses the permissions the verifier decoded, and equals the auth object built from the claims alone', async () => {
    const key = testKey();
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    for (const claims of [
      { v: 2, o: { id: 'org_2', rol: 'admin', per: 'read,manage', fpm: '3' }, fea: 'o:reports' },
      { v: 2, fea: 'o:reports' },
      { org_id: 'org_1', org_role: 'org:admin', org_permissions: ['org:sys:read'] },
      {},
    ]) {
      const { data } = await verifier.verify(sessionToken(key, claims));
      const auth = sessionAuthObject(data!, { token: 't' });
      const fromClaims = signedInAuthObject(data!.claims, { token: 't' });
      expect({ ...auth }).toEqual({ ...fromClaims });
      expect(auth.has({ permission: 'org:reports:manage' })).toBe(fromClaims.has({ permission: 'org:reports:manage' }));
      if (claims.v === 2 && 'o' in claims) expect(auth.orgPermissions).toBe(data?.org?.permissions);
      if (auth.orgPermissions !== undefined) expect(Object.isFrozen(auth.orgPermissions)).toBe(true);
    }
  });
});

describe('session claims of both formats', () => {
  const key = testKey();
  const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });

  it('reads v1 organization claims', async () => {
    const token = sessionToken(key, { org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:sys:read'] });
    const { data } = await verifier.verify(token);
    expect(data?.org).toEqual({ id: 'org_1', role: 'org:admin', slug: 'acme', permissions: ['org:sys:read'] });
  });

  it('reads v2 claims and decodes permissions from fpm', async () => {
    const claims = {
      v: 2,
      o: { id: 'org_2', slg: 'acme', rol: 'admin', per: 'read,manage', fpm: '3' },
      fea: 'o:reports,u:beta',
      pla: 'u:pro',
      fva: [1, -1],
      sts: 'active',
      act: { sub: 'user_admin' },
    };
    const { data, errors } = await verifier.verify(sessionToken(key, claims));
    expect(errors).toBeUndefined();
    expect(data?.org).toEqual({ id: 'org_2', slug: 'acme', role: 'org:admin', permissions: ['org:reports:read', 'org:reports:manage'] });
    expect(data?.claims.v === 2 && data.claims.pla).toBe('u:pro');
    expect(data?.claims.fva).toEqual([1, -1]);
    expect(data?.claims.act?.sub).toBe('user_admin');
  });

  it.each([
    ['o without id', { v: 2, o: { rol: 'admin' } }],
    ['org_permissions not strings', { org_permissions: [1] }],
    ['act without sub', { act: {} }],
    ['fva of wrong length', { fva: [1] }],
    ['sts not a string', { sts: 1 }],
    ['unknown version', { v: 3 }],
  ])('rejects ill-typed claims: %s', async (_name, claims) => {
    expect((await verifier.verify(sessionToken(key, claims))).errors?.[0].code).toBe('token_invalid');
  });
});
