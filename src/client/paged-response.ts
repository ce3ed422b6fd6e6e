import type { OperationDef } from './operation.js';
import type { ResponseRule } from './validate-response.js';

/**
 * Whether a call asked a list for its `{ data, total_count }` shape (`paginated: true`), so that its response
 * is validated with that shape.
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
 * The rule of a paged request's documented status, or `undefined` for any other status (an error status is
 * validated as usual).
 *
 * @example
 * const rule = createPagedRule(listInvitationsDef)?.(200);
 */
export function createPagedRule(def: OperationDef): ((status: number) => ResponseRule | undefined) | undefined {
  const paged = def.paged;
  if (paged === undefined) return undefined;
  const rule: ResponseRule = { shape: paged.shape };
  return (status) => (String(status) === paged.status ? rule : undefined);
}
