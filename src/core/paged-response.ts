import type { ZodMiniType as ZodType } from 'zod/mini';
import type { OperationDef } from './operation.js';

/**
 * The validators of one response shape: the allocation-free check, and the zod validator it falls back to.
 *
 * @example
 * const shape: ResponseShape = { check: (v) => Array.isArray(v), validator: async () => z.array(z.unknown()) };
 */
export interface ResponseShape {
  readonly check: ((value: unknown) => boolean) | undefined;
  readonly validator: () => Promise<ZodType | undefined>;
}

/**
 * Whether a call asked a list for its `{ data, total_count }` shape (`paginated: true`, or the string `'true'`
 * that a query string would carry), so that its response is validated with that shape.
 *
 * @example
 * isPagedRequest(listInvitationsDef, { paginated: true }); // true
 */
export function isPagedRequest(def: OperationDef, params: unknown): boolean {
  if (def.paged === undefined || typeof params !== 'object' || params === null) return false;
  const value = (params as Record<string, unknown>)[def.paged.parameter];
  return value === true || value === 'true';
}

/**
 * The response shape of a paged request's documented status, or `undefined` for any other status (an error
 * status is validated as usual). The zod validator is loaded once, on first need.
 *
 * @example
 * const shape = createPagedShape(listInvitationsDef)?.(200);
 */
export function createPagedShape(def: OperationDef): ((status: number) => ResponseShape | undefined) | undefined {
  const paged = def.paged;
  if (paged === undefined) return undefined;
  let validator: Promise<ZodType | undefined> | undefined;
  const shape: ResponseShape = { check: paged.check, validator: () => (validator ??= Promise.resolve(paged.response())) };
  return (status) => (String(status) === paged.status ? shape : undefined);
}
