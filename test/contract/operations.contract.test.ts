// Every operation of the generated table, called through the SDK client against Prism (static
// examples, `--errors`): a 2xx, no `sl-violations` (Prism found the request and its own response
// valid), and a body that passes the generated validator. One test per operation, named after it.
import { describe, expect, it } from 'vitest';
import { operations, SPEC_VERSION } from '../../src/generated/operations.js';
import { buildArguments, specOperationIds } from './build-arguments.js';
import { callOperation, contractClient, describeResult, loadSpec, validatorFor, violationsOf } from './harness.js';

const doc = loadSpec();
const client = contractClient();

describe('operation table', () => {
  it('matches the spec Prism serves, operation for operation', () => {
    expect(doc.info?.version ?? SPEC_VERSION).toBeTruthy();
    expect(operations.map((op) => op.operationId)).toEqual(specOperationIds(doc));
    expect(operations.length).toBe(249);
  });
});

describe.concurrent(`every operation against Prism (static, --errors), BAPI ${SPEC_VERSION}`, () => {
  for (const def of operations) {
    it(def.operationId, async () => {
      const args = buildArguments(doc, def);
      const result = await callOperation(client, def, args, {});
      const context = describeResult(def, args, result);
      expect(violationsOf(result.response), context).toEqual([]);
      expect(result.errors, context).toBeUndefined();
      expect(result.status, context).toBeGreaterThanOrEqual(200);
      expect(result.status, context).toBeLessThan(300);
      // The client validated already (responseValidation 'error'); check the validator explicitly too.
      const validator = validatorFor(def, result.status!);
      expect(validator, `${def.operationId} documents no validator for ${result.status}`).toBeDefined();
      const checked = (await validator!()).safeParse(result.data);
      expect(checked.success ? [] : checked.error.issues, context).toEqual([]);
    });
  }
});
