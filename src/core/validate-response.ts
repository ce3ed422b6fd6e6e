import type { ZodType } from 'zod';
import type { OperationDef } from './operation.js';

/**
 * Looks up (and memoises) the validator documented for a status: the exact code, then `2XX`,
 * then `default`. The generator's thunks are lazy so that unused schemas are never built.
 *
 * @example
 * const schema = createValidatorLookup(operation)(200);
 */
export function createValidatorLookup(operation: OperationDef): (status: number) => ZodType | undefined {
  const cache = new Map<number, ZodType | undefined>();
  return (status) => {
    if (cache.has(status)) return cache.get(status);
    const responses = operation.responses;
    const thunk = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses['default'];
    const schema = thunk?.();
    cache.set(status, schema);
    return schema;
  };
}
