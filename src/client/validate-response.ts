import type { OperationDef } from './operation.js';
import type { Shape } from '../kernel/shape.js';

/**
 * How one response body is validated: the allocation-free check, which settles it when it says yes, and the
 * shape it accepts, walked when the check says no to find where the body departs from the schema.
 *
 * @example
 * const rule: ResponseRule = { check: (v) => typeof v === 'string', shape: 'string' };
 */
export interface ResponseRule {
  readonly check: ((value: unknown) => boolean) | undefined;
  readonly shape: Shape | undefined;
}

const NO_RULE: ResponseRule = { check: undefined, shape: undefined };

/**
 * Looks up the rule documented for a 2xx status: the exact code, then `2XX`. `default` is skipped on purpose:
 * in Clerk's spec it describes error bodies. A status without one is not validated.
 *
 * @example
 * const rule = createResponseLookup(operation)(200);
 * const valid = rule.check?.(body) ?? true;
 */
export function createResponseLookup(operation: OperationDef): (status: number) => ResponseRule {
  const checks = operation.checks ?? {};
  const shapes = operation.shapes ?? {};
  const rules = new Map<string, ResponseRule>();
  for (const status of new Set([...Object.keys(checks), ...Object.keys(shapes)])) {
    rules.set(status, { check: checks[status], shape: shapes[status] });
  }
  return (status) => rules.get(String(status)) ?? rules.get(`${String(status).charAt(0)}XX`) ?? NO_RULE;
}
