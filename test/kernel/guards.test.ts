import { describe, expect, it } from 'vitest';
import { isObject, isRecord, isString, isStringArray } from '../../src/kernel/guards.js';

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
