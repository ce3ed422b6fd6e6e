import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { isObject, isPromiseLike, isRecord, isString, isStringArray } from '../../src/kernel/guards.js';

describe('type guards', () => {
  it('tells strings from every other value', () => {
    expect([isString(''), isString('a'), isString(1), isString(null), isString(undefined), isString(['a'])]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('takes any non-null object, arrays included, as an object', () => {
    expect([isObject({}), isObject([]), isObject(null), isObject('x'), isObject(() => 1)]).toEqual([true, true, false, false, false]);
  });

  it('takes only non-array objects as records', () => {
    expect([isRecord({}), isRecord(Object.create(null)), isRecord([]), isRecord(null), isRecord('x')]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('takes arrays of strings only, empty included', () => {
    expect([isStringArray([]), isStringArray(['a', '']), isStringArray(['a', 1]), isStringArray('a'), isStringArray({ 0: 'a' })]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('isPromiseLike', () => {
  it('recognises promises of this realm and of another, and nothing else', () => {
    const foreign = runInNewContext('Promise.resolve(1)') as Promise<number>;
    expect(foreign instanceof Promise).toBe(false);
    expect(isPromiseLike(foreign)).toBe(true);
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    expect(isPromiseLike({ then: () => undefined })).toBe(true);
    for (const value of [{ data: 1 }, { errors: [] }, null, undefined, 1, 'then', { then: 1 }]) expect(isPromiseLike(value)).toBe(false);
  });
});
