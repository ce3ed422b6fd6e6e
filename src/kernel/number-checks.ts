/**
 * Checks a numeric option without throwing: `fallback` when absent, the value when it is a finite
 * number within `[min, max]` (and an integer when `integer`), else `undefined`. Callers decide whether
 * that is a `TypeError` (client construction) or an `options_invalid` result (convenience functions).
 *
 * @example
 * numberInRange(undefined, 5000, 0, 300_000); // 5000
 * numberInRange(-1, 5000, 0, 300_000); // undefined
 */
export function numberInRange(value: unknown, fallback: number, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return undefined;
  return integer && !Number.isInteger(value) ? undefined : value;
}
