import { describe, expect, it } from 'vitest';
import { decodeOrgPermissions, frozenOrgPermissions, orgFeatures } from '../../src/auth/org-permissions.js';
import { toVerifiedSession, toVerifiedTemplate } from '../../src/auth/session-checks.js';

// The session and template rules on verified claims, on their own: categories, subjects, the type of every
// optional claim, and the organization read from version 1 and version 2 claims.

const base = { sub: 'user_1', sid: 'sess_1' };

function invalid(claim: string) {
  return { errors: [{ code: 'token_invalid', message: `The ${claim} claim is missing or has the wrong type.`, meta: { claim } }] };
}

describe('toVerifiedSession', () => {
  it('accepts the session categories only', () => {
    for (const cat of [undefined, 'cl_B7d4PD111AAA', 'cl_I7d4PD111III'])
      expect(toVerifiedSession({ cat }, base).errors, String(cat)).toBeUndefined();
    for (const cat of ['cl_B7d4PD222AAA', 'other', 1]) {
      expect(toVerifiedSession({ cat }, base).errors).toEqual([
        { code: 'token_type_mismatch', message: 'The token category (cat) is not a session token.' },
      ]);
    }
  });

  it('requires a user subject and a session id', () => {
    for (const sub of [undefined, '', 5]) expect(toVerifiedSession({}, { ...base, sub })).toEqual(invalid('sub'));
    expect(toVerifiedSession({}, { ...base, sub: 'mch_1' }).errors).toEqual([
      { code: 'token_type_mismatch', message: 'The token subject is a machine, not a session.' },
    ]);
    for (const sid of [undefined, '', 5]) expect(toVerifiedSession({}, { ...base, sid })).toEqual(invalid('sid'));
  });

  it('refuses an optional claim of the wrong type, naming it', () => {
    for (const name of ['jti', 'sts', 'fea', 'pla', 'org_id', 'org_role', 'org_slug']) {
      expect(toVerifiedSession({}, { ...base, [name]: 1 }), name).toEqual(invalid(name));
      expect(toVerifiedSession({}, { ...base, [name]: 'ok' }).errors, name).toBeUndefined();
    }
    const cases: [string, unknown[], unknown[]][] = [
      ['v', [0, 3, '1'], [1, 2]],
      ['act', ['user', {}, { sub: 1 }, null], [{ sub: 'user_2' }]],
      ['fva', ['1,2', [1], [1, 2, 3], [1, 'a'], [1, Number.POSITIVE_INFINITY]], [[1, -1]]],
      ['org_permissions', ['org:a', ['org:a', 1]], [['org:a'], []]],
    ];
    for (const [name, bad, good] of cases) {
      for (const value of bad)
        expect(toVerifiedSession({}, { ...base, [name]: value }), `${name} ${JSON.stringify(value)}`).toEqual(invalid(name));
      for (const value of good)
        expect(toVerifiedSession({}, { ...base, [name]: value }).errors, `${name} ${JSON.stringify(value)}`).toBeUndefined();
    }
  });

  it('refuses an o claim without a string id or with a non-string field', () => {
    for (const o of [
      'org_1',
      null,
      [],
      {},
      { id: 1 },
      { id: 'org_1', slg: 1 },
      { id: 'org_1', rol: 1 },
      { id: 'org_1', per: 1 },
      { id: 'org_1', fpm: 1 },
    ]) {
      expect(toVerifiedSession({}, { ...base, v: 2, o }), JSON.stringify(o)).toEqual(invalid('o'));
    }
  });

  it('gives ids and a frozen result, with no organization when there is none', () => {
    const { data } = toVerifiedSession({}, base);
    expect(data).toEqual({ claims: base, userId: 'user_1', sessionId: 'sess_1', org: undefined });
    expect(Object.isFrozen(data)).toBe(true);
    expect(toVerifiedSession({}, { ...base, v: 2 }).data?.org).toBeUndefined();
  });

  it('reads a version 1 organization from the org_ claims', () => {
    const { data } = toVerifiedSession(
      {},
      { ...base, org_id: 'org_1', org_slug: 'acme', org_role: 'org:admin', org_permissions: ['org:a:b'] },
    );
    expect(data?.org).toEqual({ id: 'org_1', slug: 'acme', role: 'org:admin', permissions: ['org:a:b'] });
    expect(Object.isFrozen(data?.org)).toBe(true);
    const bare = toVerifiedSession({}, { ...base, org_id: 'org_1' }).data?.org;
    expect(bare).toEqual({ id: 'org_1', slug: undefined, role: undefined, permissions: [] });
  });

  it('reads a version 2 organization from o, adding the org: prefix back to the role', () => {
    const claims = { ...base, v: 2, fea: 'o:reports', o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,write', fpm: '2' } };
    const org = toVerifiedSession({}, claims).data?.org;
    expect(org).toEqual({ id: 'org_1', slug: 'acme', role: 'org:admin', permissions: ['org:reports:write'] });
    expect(Object.isFrozen(org)).toBe(true);
    expect(Object.isFrozen(org?.permissions)).toBe(true);
    expect(toVerifiedSession({}, { ...base, v: 2, o: { id: 'org_1' } }).data?.org).toEqual({
      id: 'org_1',
      slug: undefined,
      role: undefined,
      permissions: [],
    });
  });
});

describe('toVerifiedTemplate', () => {
  it('accepts the template category or none, and refuses the others', () => {
    for (const cat of [undefined, 'cl_B7d4PD222AAA']) expect(toVerifiedTemplate({ cat }, base).errors).toBeUndefined();
    expect(toVerifiedTemplate({ cat: 'cl_B7d4PD111AAA' }, base).errors).toEqual([
      { code: 'token_type_mismatch', message: 'The token category (cat) is not a JWT-template token.' },
    ]);
  });

  it('takes an optional user subject and refuses a machine one', () => {
    const { data } = toVerifiedTemplate({}, { role: 'x' });
    expect(data).toEqual({ tokenType: 'jwt_template', claims: { role: 'x' }, userId: undefined });
    expect(Object.isFrozen(data)).toBe(true);
    expect(toVerifiedTemplate({}, base).data?.userId).toBe('user_1');
    for (const sub of ['', 5]) expect(toVerifiedTemplate({}, { sub })).toEqual(invalid('sub'));
    expect(toVerifiedTemplate({}, { sub: 'mch_1' }).errors).toEqual([
      { code: 'token_type_mismatch', message: 'The token subject is a machine, not a user.' },
    ]);
  });
});

describe('org permissions', () => {
  it('reads the organization features of fea, and refuses a part without a scope', () => {
    expect(orgFeatures(undefined)).toEqual([]);
    expect(orgFeatures('')).toEqual([]);
    expect(orgFeatures('o:a, u:b,ou:c , uo:d,x:e')).toEqual(['a', 'c', 'd']);
    expect(orgFeatures('o:a,plain')).toBeUndefined();
  });

  it('grants per feature the permissions whose bits are set in its mask', () => {
    const per = 'read, manage ,delete';
    expect(decodeOrgPermissions({ fea: 'o:f1,o:f2', per, fpm: '5, 2' })).toEqual(['org:f1:read', 'org:f1:delete', 'org:f2:manage']);
    // Masks beyond the features, bits beyond the permissions and non-decimal masks grant nothing.
    expect(decodeOrgPermissions({ fea: 'o:f1', per, fpm: '1,7' })).toEqual(['org:f1:read']);
    expect(decodeOrgPermissions({ fea: 'o:f1,o:f2', per: 'read', fpm: '3,x' })).toEqual(['org:f1:read']);
    expect(decodeOrgPermissions({ fea: 'o:f1,o:f2', per, fpm: '0x1,4' })).toEqual(['org:f2:delete']);
    expect(decodeOrgPermissions({ fea: 'o:f1', per: 'a,b,c', fpm: String(2n ** 60n + 4n) })).toEqual(['org:f1:c']);
  });

  it('hands out the last decoding again only for exactly the same fea, per and fpm', () => {
    const inputs: Array<[string | undefined, string | undefined, string | undefined]> = [
      ['o:f1', 'read,manage', '3'],
      ['o:f1', 'read,manage', '1'],
      ['o:f1', 'read,manage', '1'],
      ['o:f2', 'read,manage', '1'],
      ['o:f2', 'read,delete', '1'],
      ['o:f2', 'read,delete', '2'],
      [undefined, 'read', '1'],
      ['o:f1', 'read,manage', '3'],
    ];
    for (const [fea, per, fpm] of inputs) {
      const permissions = frozenOrgPermissions(fea, per, fpm);
      expect(permissions, `${fea} ${per} ${fpm}`).toEqual(decodeOrgPermissions({ fea, per, fpm }));
      expect(Object.isFrozen(permissions)).toBe(true);
    }
    expect(frozenOrgPermissions('o:f1', 'read', '1')).toBe(frozenOrgPermissions('o:f1', 'read', '1'));
  });

  it('grants nothing without per, fpm or readable features', () => {
    expect(decodeOrgPermissions({ fea: 'o:f1', fpm: '1' })).toEqual([]);
    expect(decodeOrgPermissions({ fea: 'o:f1', per: 'read' })).toEqual([]);
    expect(decodeOrgPermissions({ fea: 'f1', per: 'read', fpm: '1' })).toEqual([]);
  });
});
