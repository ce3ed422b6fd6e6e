import { describe, expect, it } from 'vitest';
import { copyClaims, freezeClaims } from '../../src/auth/copy-claims.js';

// The verifier freezes parsed claims where JSON.parse built them; the result must be what a copy gives.
describe('freezeClaims', () => {
  const text = '{"sub":"user_1","o":{"id":"org_1","per":"read"},"fva":[1,-1],"__proto__":{"admin":true},"act":{"sub":"user_2"}}';

  it('gives the same claims as a copy, frozen all the way down', () => {
    const frozen = freezeClaims(JSON.parse(text))!;
    expect(frozen).toEqual(copyClaims(JSON.parse(text)));
    for (const value of [frozen, frozen['o'], frozen['fva'], frozen['act'], frozen['__proto__']]) expect(Object.isFrozen(value)).toBe(true);
    expect(() => {
      (frozen['o'] as Record<string, unknown>)['rol'] = 'admin';
    }).toThrow(TypeError);
  });

  it('keeps a __proto__ key as plain data: no prototype changes', () => {
    const frozen = freezeClaims(JSON.parse(text))!;
    expect(Object.getPrototypeOf(frozen)).toBe(Object.prototype);
    expect((frozen as { admin?: unknown }).admin).toBeUndefined();
    expect(Object.keys(frozen)).toContain('__proto__');
    expect(({} as { admin?: unknown }).admin).toBeUndefined();
  });

  it('refuses claims nested more than 32 levels deep, as the copy does', () => {
    const deep = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    expect(freezeClaims(JSON.parse(deep(31)))).toBeDefined();
    expect(freezeClaims(JSON.parse(deep(40)))).toBeUndefined();
    expect(copyClaims(JSON.parse(deep(40)))).toBeUndefined();
    const deepArray = '{"a":' + '['.repeat(40) + ']'.repeat(40) + '}';
    expect(freezeClaims(JSON.parse(deepArray))).toBeUndefined();
  });

  it('walks own keys only', () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: { deep: true }, enumerable: true, configurable: true, writable: true });
    try {
      const frozen = freezeClaims(JSON.parse('{"sub":"user_1"}'))!;
      expect(Object.keys(frozen)).toEqual(['sub']);
      expect(Object.isFrozen((Object.prototype as { polluted: object }).polluted)).toBe(false);
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
  });
});
