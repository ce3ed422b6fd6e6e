import type { OperationDef } from './operation.js';
import type { Shape } from '../kernel/shape.js';

/**
 * How one response body is validated: the shape it should have (walked to decide and to explain), or
 * `undefined` when the status is not validated.
 *
 * @example
 * const rule: ResponseRule = { shape: 'string' };
 */
export interface ResponseRule {
  readonly shape: Shape | undefined;
}

const NO_RULE: ResponseRule = { shape: undefined };

/**
 * Looks up the rule documented for a 2xx status: the exact code, then `2XX`. `default` is skipped on purpose:
 * in Clerk's spec it describes error bodies. A status without one is not validated.
 *
 * @example
 * const rule = createResponseLookup(operation)(200);
 */
export function createResponseLookup(operation: OperationDef): (status: number) => ResponseRule {
  const rules = new Map<string, ResponseRule>();
  for (const [status, shape] of Object.entries(operation.shapes ?? {})) rules.set(status, { shape });
  return (status) => rules.get(String(status)) ?? rules.get(`${String(status).charAt(0)}XX`) ?? NO_RULE;
}
