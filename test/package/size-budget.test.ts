// Size budgets of issue 14, enforced: our bundles against @clerk/backend's, built the same way in this run
// (bench/size/bundle-sizes.ts). Prints the table, so a failure shows every number.
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/size/budgets.js';
import { measureBudgets, type SizeComparison } from '../../bench/size/bundle-sizes.js';

let rows: SizeComparison[] = [];

describe('bundle size budgets against @clerk/backend', () => {
  it('measures the client and the auth entry (and each newer API once it exists)', async () => {
    rows = await measureBudgets();
    console.table(
      rows.map((row) => ({
        bundle: row.name,
        metric: row.metric,
        ours: row.ours[row.metric],
        theirs: row.theirs[row.metric],
        ratio: Number(row.ratio.toFixed(3)),
        limit: BUDGETS[row.name]?.limit,
        target: BUDGETS[row.name]?.target,
      })),
    );
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['whole client (createClerkClient + users.getUser)', 'verifyToken from the auth entry']),
    );
  }, 120_000);

  it('keeps every bundle within its limit', () => {
    for (const row of rows) {
      const budget = BUDGETS[row.name];
      expect(budget, `a budget for ${row.name}`).toBeDefined();
      expect(row.ratio, `${row.name}: ${row.ours[row.metric]} B vs ${row.theirs[row.metric]} B (${row.metric})`).toBeLessThanOrEqual(
        budget!.limit,
      );
      expect(budget!.limit, `${row.name}: the limit never exceeds the issue's budget by more than a regression margin`).toBeLessThanOrEqual(
        budget!.target * 1.5,
      );
    }
  });
});
