// The seven lists with a `paginated` switch against Prism serving the repaired spec, where their 200 response is
// `bare array | { data, total_count }` (bapi-reality.overlay.yaml). Prism cannot tie the shape to the query
// parameter, so dynamic mode (fixed seeds) picks either; the client must accept the shape its request asked for
// and reject the other, and across the seeds both shapes must be seen for every list.
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/generated/operations.js';
import { buildArguments } from './build-arguments.js';
import { callOperation, contractClient, describeResult, loadSpec, violationsOf } from './harness.js';

const SEEDS = Array.from({ length: 12 }, (_, index) => String(index + 1));
const doc = loadSpec();
const client = contractClient();
const paged = operations.filter((def) => def.paged);

describe.concurrent('lists with a paginated switch against Prism (dynamic, fixed seeds)', () => {
  it('are the seven lists of issue 16', () => {
    expect(paged).toHaveLength(7);
  });

  for (const def of paged) {
    it(`${def.operationId}: each shape is data for the request that asks for it, and an error for the other`, async () => {
      const args = buildArguments(doc, def);
      const seen = { array: 0, envelope: 0 };
      for (const seed of SEEDS) {
        for (const paginated of [true, false]) {
          const params = { ...(args.params as Record<string, unknown> | undefined), paginated };
          const result = await callOperation(client, def, { ...args, params }, { headers: { Prefer: `dynamic=true, seed=${seed}` } });
          const context = `seed ${seed}, paginated ${paginated}: ${describeResult(def, { ...args, params }, result)}`;
          expect(violationsOf(result.response), context).toEqual([]);
          const body = result.data ?? result.errors?.[0].meta?.['body'];
          const envelope = !Array.isArray(body);
          seen[envelope ? 'envelope' : 'array']++;
          if (envelope === paginated) {
            expect(result.errors, context).toBeUndefined();
            if (paginated) expect((body as { total_count: unknown }).total_count, context).toBeTypeOf('number');
          } else {
            expect(result.errors?.[0].code, context).toBe('response_validation_failed');
          }
        }
      }
      expect(seen.array, 'Prism served the bare array at least once').toBeGreaterThan(0);
      expect(seen.envelope, 'Prism served { data, total_count } at least once').toBeGreaterThan(0);
    });
  }
});
