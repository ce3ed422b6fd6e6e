import { describe, expect, it } from 'vitest';
import { copyJson } from '../../src/kernel/json-copy.js';

describe('copyJson', () => {
  it('keeps a __proto__ key as a plain own property and changes no prototype', () => {
    const copy = copyJson(JSON.parse('{"__proto__":{"admin":true},"a":[{"__proto__":1}]}'))?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(copy)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    expect((copy as { admin?: unknown }).admin).toBeUndefined();
  });

  it('lets an error of mapString through: only running past maxDepth is a refusal', () => {
    const failure = new Error('mapString failed');
    const throwing = () => {
      throw failure;
    };
    expect(() => copyJson({ a: 'x' }, { mapString: throwing })).toThrow(failure);
    expect(copyJson([[1]], { maxDepth: 1 })).toBeUndefined();
  });

  it('copies rather than shares, and freezes only when asked', () => {
    const source = { a: { b: [1, 2] } };
    const plain = copyJson(source)?.value as typeof source;
    expect(plain).toEqual(source);
    expect(plain.a).not.toBe(source.a);
    expect(Object.isFrozen(plain)).toBe(false);
    const frozen = copyJson(source, { freeze: true })?.value as typeof source;
    expect(Object.isFrozen(frozen) && Object.isFrozen(frozen.a) && Object.isFrozen(frozen.a.b)).toBe(true);
  });

  it('fails on nesting past maxDepth, or puts the tooDeep stand-in there', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown;
    expect(copyJson(deep)).toBeUndefined();
    expect(copyJson(deep, { maxDepth: 50 })).toBeDefined();
    const marked = JSON.stringify(copyJson(deep, { tooDeep: { value: '[too deep]' } })?.value);
    expect(marked).toContain('"[too deep]"');
  });

  it('maps every string, keys included', () => {
    const copy = copyJson({ sk_x: ['sk_x y'] }, { mapString: (text) => text.replaceAll('sk_x', '[r]') })?.value;
    expect(copy).toEqual({ '[r]': ['[r] y'] });
  });

  it('leaves own __proto__ keys out at every depth when dropProtoKeys is set', () => {
    const copy = copyJson(JSON.parse('{"__proto__":{"admin":true},"a":[{"__proto__":1,"b":2}]}'), { dropProtoKeys: true })?.value as Record<
      string,
      unknown
    >;
    expect(Object.getOwnPropertyNames(copy)).toEqual(['a']);
    expect(copy['a']).toEqual([{ b: 2 }]);
    expect((Object.assign({}, copy) as { admin?: unknown }).admin).toBeUndefined();
  });

  it('writes a __proto__ key as an ordinary enumerable, writable and configurable property', () => {
    const copy = copyJson(JSON.parse('{"__proto__":{"admin":true}}'))?.value as object;
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({
      value: { admin: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.keys(copy)).toEqual(['__proto__']);
  });

  it('leaves copied arrays unfrozen unless asked', () => {
    const copy = copyJson({ list: [1, [2]] })?.value as { list: [number, number[]] };
    expect(Object.isFrozen(copy.list) || Object.isFrozen(copy.list[1])).toBe(false);
  });
});
