import type { ZodMiniType as ZodType } from 'zod/mini';
import type { OperationDef } from './operation.js';

/**
 * Looks up (and memoises) the success validator documented for a 2xx status: the exact code,
 * then `2XX`. `default` is skipped on purpose: in Clerk's spec it describes error bodies.
 * The generator's thunks are lazy so that unused schemas are never built.
 *
 * @example
 * const schema = createValidatorLookup(operation)(200);
 */
export function createValidatorLookup(operation: OperationDef): (status: number) => Promise<ZodType | undefined> {
  const cache = new Map<number, Promise<ZodType | undefined>>();
  return (status) => {
    let schema = cache.get(status);
    if (schema === undefined) {
      const responses = operation.responses;
      const thunk = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`];
      schema = Promise.resolve(thunk?.());
      cache.set(status, schema);
    }
    return schema;
  };
}

/**
 * Looks up the generator's allocation-free check for a 2xx status (same fallback as the validators).
 * A check that says yes settles validation; when it says no, or there is none, the zod validator decides.
 *
 * @example
 * const check = createCheckLookup(operation)(200);
 * const valid = check?.(body) ?? false;
 */
export function createCheckLookup(operation: OperationDef): (status: number) => ((value: unknown) => boolean) | undefined {
  const checks = operation.checks ?? {};
  return (status) => checks[String(status)] ?? checks[`${String(status).charAt(0)}XX`];
}
