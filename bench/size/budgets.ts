// The size budgets of issues 14 and 23, and the limits that `npm test` enforces (test/package/size-budget.test.ts).
// `target` is the budget; `limit` is what the test enforces: the target where we meet it, otherwise the
// measured ratio plus a small margin, so a regression still fails while the gap stays visible in the bench table.

/** One budget: ratio of our bundle to @clerk/backend's. */
export interface Budget {
  target: number;
  limit: number;
}

/**
 * Budgets by the row names of measureBudgets().
 *
 * @example
 * const { target, limit } = BUDGETS['verifyToken from the auth entry']!;
 */
export const BUDGETS: Readonly<Record<string, Budget>> = {
  // Issue 23: one runtime form (shapes, no compiled checks) brought the whole client under @clerk/backend's.
  'whole client (createClerkClient + users.getUser)': { target: 1.0, limit: 1.0 },
  'verifyToken from the auth entry': { target: 0.8, limit: 0.8 },
  'authenticateRequest from the auth entry': { target: 0.35, limit: 0.35 },
  'getUser alone (clerk-bapi/operations) vs their whole client': { target: 0.25, limit: 0.25 },
};
