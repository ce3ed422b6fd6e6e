import { describe, expect, it } from 'vitest';
import { numberInRange } from '../../src/kernel/number-checks.js';

describe('numberInRange', () => {
  it('gives the fallback when absent and the value when in range, bounds included', () => {
    expect(numberInRange(undefined, 7, 0, 10)).toBe(7);
    expect(numberInRange(0, 7, 0, 10)).toBe(0);
    expect(numberInRange(10, 7, 0, 10)).toBe(10);
  });

  it('refuses out-of-range, non-finite and non-numeric values, and fractions when an integer is required', () => {
    for (const value of [-1, 11, Number.NaN, Number.POSITIVE_INFINITY, '5', null])
      expect(numberInRange(value, 7, 0, 10), String(value)).toBeUndefined();
    expect(numberInRange(1.5, 7, 0, 10, true)).toBeUndefined();
    expect(numberInRange(1.5, 7, 0, 10)).toBe(1.5);
  });
});
