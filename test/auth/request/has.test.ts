import { createCheckAuthorization } from '@clerk/shared/authorization';
import { __experimental_JWTPayloadToAuthObjectProperties as clerkParse } from '@clerk/shared/jwtPayloadParser';
import { describe, expect, it } from 'vitest';
import { signedInAuthObject, signedOutAuthObject, type HasParams, type SessionClaims } from '../../../src/auth/index.js';

/** Clerk's own has(), built exactly as @clerk/backend's signedInAuthObject builds it. */
function clerkHas(claims: SessionClaims): (params: HasParams) => boolean {
  const parsed = clerkParse(claims as never);
  return createCheckAuthorization({
    userId: parsed.userId,
    orgId: parsed.orgId,
    orgRole: parsed.orgRole,
    orgPermissions: parsed.orgPermissions,
    factorVerificationAge: parsed.factorVerificationAge,
    features: (claims.fea as string | undefined) || '',
    plans: (claims.pla as string | undefined) || '',
  }) as (params: HasParams) => boolean;
}

/** A small deterministic PRNG so the differential run is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const base = { sub: 'user_1', sid: 'sess_1', exp: 2_000_000_000 };
const ROLES = ['admin', 'member', 'org:admin', 'org:member', 'billing'];
const PERMISSIONS = ['read', 'manage', 'delete'];
const FEATURES = ['reports', 'billing', 'sso', 'dashboard'];
// Minutes since a factor was verified; 1 sits beside the -1 of "never", so a sign slip shows.
const AGES = [-1, 0, 1, 5, 30, 100, 2000];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function v1Claims(next: () => number): SessionClaims {
  const perms = FEATURES.flatMap((f) => PERMISSIONS.map((p) => `org:${f}:${p}`)).filter(() => next() < 0.3);
  const withOrg = next() < 0.8;
  return {
    ...base,
    ...(withOrg ? { org_id: 'org_1', org_role: `org:${pick(next, ['admin', 'member'])}`, org_slug: 'acme', org_permissions: perms } : {}),
    ...(next() < 0.5
      ? {
          fea: FEATURES.filter(() => next() < 0.5)
            .map((f) => `${pick(next, ['o', 'u', 'ou', 'uo'])}:${f}`)
            // Clerk trims entries; an entry without a scope makes the whole claim malformed.
            .concat(next() < 0.1 ? ['billing'] : [])
            .join(pick(next, [',', ', '])),
        }
      : {}),
    ...(next() < 0.5 ? { pla: `${pick(next, ['o', 'u'])}:${pick(next, ['free', 'pro'])}` } : {}),
    ...(next() < 0.7 ? { fva: [pick(next, AGES), pick(next, AGES)] } : {}),
  } as SessionClaims;
}

function v2Claims(next: () => number): SessionClaims {
  const features = FEATURES.filter(() => next() < 0.6);
  const scoped = features.map((f) => `${pick(next, ['o', 'u', 'ou', 'uo'])}:${f}`);
  // One decimal bitmask per organization feature, over the `per` list (bit i = i-th permission).
  const fpm = scoped
    .filter((s) => !s.startsWith('u:'))
    .map(() => String(Math.floor(next() * 8)))
    .join(',');
  const withOrg = next() < 0.8;
  return {
    ...base,
    v: 2,
    ...(scoped.length > 0 ? { fea: scoped.join(',') } : {}),
    ...(withOrg ? { o: { id: 'org_1', rol: pick(next, ['admin', 'member']), slg: 'acme', per: PERMISSIONS.join(','), fpm } } : {}),
    ...(next() < 0.5 ? { pla: `${pick(next, ['o', 'u'])}:${pick(next, ['free', 'pro'])}` } : {}),
    ...(next() < 0.7 ? { fva: [pick(next, AGES), pick(next, AGES)] } : {}),
  } as SessionClaims;
}

function params(next: () => number): HasParams {
  const out: HasParams = {};
  if (next() < 0.4) out.role = pick(next, ROLES);
  if (next() < 0.4) out.permission = `${pick(next, ['org:', ''])}${pick(next, FEATURES)}:${pick(next, PERMISSIONS)}`;
  if (next() < 0.3) out.feature = `${pick(next, ['', 'o:', 'org:', 'u:', 'user:', 'x:'])}${pick(next, FEATURES)}`;
  if (next() < 0.3) out.plan = `${pick(next, ['', 'o:', 'u:'])}${pick(next, ['free', 'pro'])}`;
  if (next() < 0.3) {
    out.reverification = pick(next, [
      'strict_mfa',
      'strict',
      'moderate',
      'lax',
      { level: 'first_factor', afterMinutes: 20 },
      { level: 'multi_factor', afterMinutes: 200 },
    ] as const);
  }
  return out;
}

describe('has(): differential against @clerk/shared createCheckAuthorization', () => {
  it.each([
    ['v1', v1Claims],
    ['v2 (fpm bitmask)', v2Claims],
  ])('agrees with Clerk on 3000 random %s claims and conditions', (_name, make) => {
    const next = random(_name.length * 7919);
    let granted = 0;
    for (let i = 0; i < 3000; i++) {
      const claims = make(next);
      const condition = params(next);
      const ours = signedInAuthObject(claims).has(condition);
      const theirs = clerkHas(claims)(condition);
      if (ours !== theirs) throw new Error(`disagree on ${JSON.stringify({ claims, condition, ours, theirs })}`);
      if (ours) granted++;
    }
    // The run must exercise both outcomes, or it proves nothing.
    expect(granted).toBeGreaterThan(200);
    expect(granted).toBeLessThan(2800);
  });

  it('decodes v2 fpm permissions as Clerk does', () => {
    const claims = {
      ...base,
      v: 2,
      fea: 'o:reports,u:billing,ou:sso',
      o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3,2' },
    } as SessionClaims;
    const auth = signedInAuthObject(claims);
    expect(auth.orgPermissions).toEqual(clerkParse(claims as never).orgPermissions);
    expect(auth.orgPermissions).toEqual(['org:reports:read', 'org:reports:manage', 'org:sso:manage']);
    expect(auth.orgRole).toBe('org:admin');
    expect(auth.has({ permission: 'org:sso:manage' })).toBe(true);
    expect(auth.has({ permission: 'org:sso:read' })).toBe(false);
  });
});

describe('has(): fails closed (C.23)', () => {
  const admin = {
    ...base,
    org_id: 'org_1',
    org_role: 'org:admin',
    org_permissions: ['org:reports:read'],
    fva: [0, 0],
    fea: 'o:reports',
    pla: 'u:pro',
  } as SessionClaims;

  it('requires every condition of a combined check', () => {
    const auth = signedInAuthObject(admin);
    expect(auth.has({ role: 'org:admin', permission: 'org:reports:read' })).toBe(true);
    expect(auth.has({ role: 'org:admin', permission: 'org:reports:delete' })).toBe(false);
    expect(auth.has({ role: 'org:member', permission: 'org:reports:read' })).toBe(false);
    expect(auth.has({ role: 'org:admin', feature: 'o:billing' })).toBe(false);
    expect(auth.has({ role: 'org:admin', plan: 'u:pro', reverification: 'strict' })).toBe(true);
  });

  it('is false for an empty condition, a signed-out object, and ill-typed conditions', () => {
    const auth = signedInAuthObject(admin);
    expect(auth.has({})).toBe(false);
    expect(auth.has(null as never)).toBe(false);
    expect(auth.has({ role: 42 as never })).toBe(false);
    expect(auth.has({ reverification: 'weird' as never })).toBe(false);
    expect(auth.has({ reverification: { level: 'first_factor', afterMinutes: NaN } })).toBe(false);
    expect(signedOutAuthObject().has({ role: 'org:admin' })).toBe(false);
  });

  it('is false on missing or malformed claims', () => {
    const cases: [Record<string, unknown>, HasParams][] = [
      [{ ...base, org_id: 'org_1', org_role: 'org:admin', org_permissions: 'org:reports:read' }, { permission: 'org:reports:read' }],
      [{ ...base, org_role: 'org:admin', org_permissions: ['org:reports:read'] }, { role: 'org:admin' }],
      [{ ...base, org_role: 'org:admin', org_permissions: ['org:reports:read'] }, { permission: 'org:reports:read' }],
      [{ ...base, org_id: 'org_1', org_role: 42 }, { role: 'org:admin' }],
      [{ ...base, v: 2, fea: 'reports', o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '1' } }, { permission: 'org:reports:read' }],
      [{ ...base, v: 2, fea: 'reports', o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '1' } }, { feature: 'reports' }],
      [{ ...base, v: 2, fea: 'o:reports', o: { id: 'org_1', rol: 'admin', per: 'read', fpm: 'x' } }, { permission: 'org:reports:read' }],
      [{ ...base, v: 2, fea: 'o:reports', o: 'org_1' }, { role: 'org:admin' }],
      [{ ...base, fva: ['0', 0] }, { reverification: 'lax' }],
      [{ ...base, fva: [Infinity, 0] }, { reverification: 'lax' }],
      [{ ...base, fva: [0] }, { reverification: 'lax' }],
      [{ ...base, fea: 'billing' }, { feature: 'billing' }],
      [{ ...base, pla: 42 }, { plan: 'pro' }],
    ];
    for (const [claims, condition] of cases) {
      expect(signedInAuthObject(claims as SessionClaims).has(condition), JSON.stringify({ claims, condition })).toBe(false);
    }
    expect(signedInAuthObject({ ...base, sub: '' } as SessionClaims).has({ reverification: 'lax' })).toBe(false);
  });

  it.each([
    ['strict_mfa', [5, 5], true],
    ['strict_mfa', [5, 11], false],
    ['strict', [100, 9], true],
    ['strict', [100, 10], false],
    ['moderate', [59, -1], true],
    ['moderate', [60, -1], false],
    ['lax', [1439, -1], true],
    ['lax', [-1, -1], false],
    // An age of 1 beside "never" (-1) on either side.
    ['strict', [1, -1], true],
    ['strict', [-1, 1], true],
    ['strict', [0, 1], true],
    ['strict_mfa', [1, 1], true],
    ['strict_mfa', [-1, 1], false],
  ] as const)('applies the %s preset to fva %j', (preset, fva, expected) => {
    const claims = { ...base, fva } as SessionClaims;
    expect(signedInAuthObject(claims).has({ reverification: preset })).toBe(expected);
    expect(clerkHas(claims)({ reverification: preset })).toBe(expected);
  });

  it('applies a custom { level, afterMinutes }', () => {
    const auth = signedInAuthObject({ ...base, fva: [15, 3] } as SessionClaims);
    expect(auth.has({ reverification: { level: 'first_factor', afterMinutes: 20 } })).toBe(true);
    expect(auth.has({ reverification: { level: 'first_factor', afterMinutes: 15 } })).toBe(false);
    expect(auth.has({ reverification: { level: 'multi_factor', afterMinutes: 16 } })).toBe(true);
  });
});
