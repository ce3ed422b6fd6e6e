import { describe, expect, it } from 'vitest';
import { createHas, signedInAuthObject, type AuthorizationFacts, type HasParams, type SessionClaims } from '../../../src/auth/index.js';

// createHas() is public and promises to fail closed and never throw, also for values its types rule out (plain
// JavaScript callers, claims forwarded without checks). Each case pairs an ill-typed input with its well-typed twin,
// which must pass, so a `false` proves the check rejected the input rather than something else failing.

/** Facts under which every well-typed condition below is granted. */
function facts(overrides: Partial<Record<keyof AuthorizationFacts, unknown>> = {}): AuthorizationFacts {
  return {
    userId: 'user_1',
    orgId: 'org_1',
    orgRole: 'org:admin',
    orgPermissions: ['org:reports:read'],
    factorVerificationAge: [0, 0],
    features: 'o:reports',
    plans: 'u:pro',
    ...overrides,
  } as AuthorizationFacts;
}

function has(params: unknown, overrides: Partial<Record<keyof AuthorizationFacts, unknown>> = {}): boolean {
  return createHas(facts(overrides))(params as HasParams);
}

const base = { sub: 'user_1', sid: 'sess_1', exp: 2_000_000_000 };

describe('createHas(): identity and the condition object', () => {
  it('is false without a user id, even for conditions the claims grant', () => {
    expect(has({ role: 'org:admin' })).toBe(true);
    expect(has({ role: 'org:admin' }, { userId: undefined })).toBe(false);
    expect(has({ feature: 'reports' }, { userId: '' })).toBe(false);
    expect(
      signedInAuthObject({ ...base, sub: undefined, org_id: 'org_1', org_role: 'org:admin' } as never).has({ role: 'org:admin' }),
    ).toBe(false);
  });

  it('is false for a condition that is a function carrying condition properties', () => {
    expect(has(Object.assign(() => undefined, { role: 'org:admin' }))).toBe(false);
  });

  it('returns false instead of throwing when reading a condition throws', () => {
    const throwing = {
      get role(): string {
        throw new Error('boom');
      },
    };
    expect(has(throwing)).toBe(false);
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(has(proxy)).toBe(false);
  });
});

describe('createHas(): ill-typed conditions fail their check', () => {
  it.each([
    ['role', 'org:admin'],
    ['permission', 'org:reports:read'],
    ['feature', 'reports'],
    ['plan', 'pro'],
  ])('rejects a boxed String %s', (name, value) => {
    expect(has({ [name]: value })).toBe(true);
    expect(has({ [name]: new String(value) })).toBe(false);
  });

  it('fails the whole check when one condition is ill-typed and another passes', () => {
    expect(has({ role: new String('org:admin'), reverification: 'strict' })).toBe(false);
    expect(has({ permission: 42, feature: 'reports' })).toBe(false);
    expect(has({ feature: 'reports', reverification: { level: 'third_factor', afterMinutes: 10 } })).toBe(false);
  });

  it('rejects a reverification config that is not a plain object, even one with valid fields', () => {
    const config = { level: 'first_factor', afterMinutes: 20 };
    expect(has({ reverification: config })).toBe(true);
    expect(has({ reverification: Object.assign(() => undefined, config) })).toBe(false);
    expect(has({ reverification: null })).toBe(false);
  });

  it('rejects an unknown level or a non-number or non-positive afterMinutes', () => {
    expect(has({ reverification: { level: 'multi_factor', afterMinutes: 20 } })).toBe(true);
    expect(has({ reverification: { level: 'third_factor', afterMinutes: 20 } })).toBe(false);
    expect(has({ reverification: { level: 'first_factor', afterMinutes: '20' } })).toBe(false);
    expect(has({ reverification: { level: 'first_factor', afterMinutes: 0 } })).toBe(false);
    expect(has({ reverification: { level: 'first_factor', afterMinutes: -5 } })).toBe(false);
  });
});

describe('createHas(): malformed facts grant nothing', () => {
  it.each([
    ['a negative age other than -1', [-5, 0]],
    ['an infinite age', [0, Infinity]],
    ['a NaN age', [0, Number.NaN]],
    ['a null age', [null, 0]],
    ['a string age', ['0', 0]],
    ['three ages', [0, 0, 0]],
    ['one age', [0]],
  ])('fails a reverification check on %s', (_name, age) => {
    const firstFactor = { reverification: { level: 'first_factor', afterMinutes: 10 } };
    expect(has(firstFactor, { factorVerificationAge: [0, 0] })).toBe(true);
    expect(has(firstFactor, { factorVerificationAge: age })).toBe(false);
  });

  it('fails a reverification check on a negative fva claim', () => {
    const auth = signedInAuthObject({ ...base, fva: [-5, 0] } as SessionClaims);
    expect(auth.factorVerificationAge).toEqual([-5, 0]);
    expect(auth.has({ reverification: { level: 'first_factor', afterMinutes: 10 } })).toBe(false);
    expect(auth.has({ reverification: 'strict' })).toBe(false);
  });

  it('grants no feature from a claim that is not a primitive string', () => {
    expect(has({ feature: 'reports' }, { features: new String('o:reports') })).toBe(false);
    expect(has({ plan: 'pro' }, { plans: 42 })).toBe(false);
  });

  it('grants nothing from a fea or pla claim with one entry lacking a scope', () => {
    expect(has({ feature: 'reports' }, { features: 'o:reports,u:billing' })).toBe(true);
    expect(has({ feature: 'reports' }, { features: 'o:reports,billing' })).toBe(false);
    expect(has({ plan: 'pro' }, { plans: 'pro,u:pro' })).toBe(false);
  });

  it('ignores whitespace around fea entries', () => {
    expect(has({ feature: 'u:billing' }, { features: 'o:reports, u:billing' })).toBe(true);
    expect(has({ feature: 'o:reports' }, { features: ' o:reports ,u:billing' })).toBe(true);
  });
});
