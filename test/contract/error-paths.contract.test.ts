// Error paths: Prism answers a documented 4xx (`Prefer: code=N`) for one operation per namespace;
// the client's `errors` must carry Clerk's error objects (`code`, `message`) and the status.
import { methodNameOf } from '../../src/client/operation.js';
import { describe, expect, it } from 'vitest';
import type { OperationDef } from '../../src/client/operation.js';
import { operations } from '../../src/generated/operations.js';
import { buildArguments, documentedErrorStatuses } from './build-arguments.js';
import { callOperation, contractClient, describeResult, loadSpec, violationsOf } from './harness.js';

const doc = loadSpec();
const client = contractClient();
const PREFERRED = [404, 422, 400, 403, 409, 402];

/** One operation per namespace (the first documenting a JSON 4xx), with the status to ask for. */
function sample(): Array<{ def: OperationDef; status: number }> {
  const picked = new Map<string, { def: OperationDef; status: number }>();
  for (const def of operations) {
    if (picked.has(def.namespace)) continue;
    const statuses = documentedErrorStatuses(doc, def);
    const status = PREFERRED.find((s) => statuses.includes(s)) ?? statuses[0];
    if (status !== undefined) picked.set(def.namespace, { def, status });
  }
  return [...picked.values()];
}

const cases = sample();

describe('error-path sample', () => {
  it('covers most namespaces', () => {
    const namespaces = new Set(operations.map((op) => op.namespace));
    expect(cases.length).toBeGreaterThanOrEqual(Math.floor(namespaces.size * 0.8));
  });
});

describe.concurrent('documented 4xx → errors (Prefer: code=…)', () => {
  for (const { def, status } of cases) {
    it(`${def.namespace}.${methodNameOf(def)} (${def.operationId}) → ${status}`, async () => {
      const args = buildArguments(doc, def);
      const result = await callOperation(client, def, args, { headers: { Prefer: `code=${status}` } });
      const context = describeResult(def, args, result);
      expect(violationsOf(result.response), context).toEqual([]);
      expect(result.data, context).toBeUndefined();
      expect(result.status, context).toBe(status);
      expect(result.errors, context).toBeDefined();
      for (const error of result.errors!) {
        expect(typeof error.code, context).toBe('string');
        // Clerk's own error objects, not the client's fallback for bodies without `errors[]`.
        expect(error.code, context).not.toBe('http_error');
        expect(typeof error.message, context).toBe('string');
        expect(error.status, context).toBe(status);
      }
    });
  }
});
