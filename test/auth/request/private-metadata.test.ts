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

describe('prunePrivateMetadata on odd values', () => {
  /** `depth` objects nested under `a`, the innermost holding `leaf`. */
  const nest = (depth: number): Record<string, unknown> => {
    let value: Record<string, unknown> = { leaf: true };
    for (let i = 1; i < depth; i++) value = { a: value };
    return value;
  };
  /** How many objects deep the copy goes under `a`. */
  const depthOf = (value: unknown): number => {
    let depth = 0;
    for (let at = value as Record<string, unknown> | undefined; typeof at === 'object' && at !== null; at = at['a'] as never) depth++;
    return depth;
  };

  it('keeps null and primitives, and drops functions wherever they are', () => {
    const fn = () => 1;
    expect(prunePrivateMetadata({ a: null, b: 0, c: '', d: false })).toStrictEqual({ a: null, b: 0, c: '', d: false });
    expect(prunePrivateMetadata(null)).toBeNull();
    expect(prunePrivateMetadata(fn)).toBeUndefined();
    expect(prunePrivateMetadata([fn, null, 1])).toStrictEqual([undefined, null, 1]);
    expect(Object.keys(prunePrivateMetadata({ a: 1, run: fn }))).toEqual(['a']);
  });

  it('cuts objects and arrays nested deeper than 32 levels', () => {
    expect(depthOf(prunePrivateMetadata(nest(33)))).toBe(33);
    expect(depthOf(prunePrivateMetadata(nest(40)))).toBe(33);
    let list: unknown = ['leaf'];
    for (let i = 0; i < 40; i++) list = [list];
    let levels = 0;
    for (let at = prunePrivateMetadata(list); Array.isArray(at); at = at[0] as unknown) levels++;
    expect(levels).toBe(33);
  });

  it('gives a copy the caller can change', () => {
    const copy = prunePrivateMetadata({ a: 1, b: 2 });
    copy.a = 3;
    delete (copy as Partial<typeof copy>).b;
    expect(copy).toStrictEqual({ a: 3 });
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
