// The size budgets of issue 14 and the limits that `npm test` enforces (test/package/size-budget.test.ts).
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
  'whole client (createClerkClient + users.getUser)': { target: 1.5, limit: 1.5 },
  'verifyToken from the auth entry': { target: 0.8, limit: 0.8 },
  // Issue 24 brought cookie sessions (the handshake, __client_uat, satellites, proxies), which Clerk's bundle
  // already holds: about 12 kB minified that the 0.35 target was set without.
  'authenticateRequest from the auth entry': { target: 0.35, limit: 0.37 },
  'getUser alone (clerk-bapi/operations) vs their whole client': { target: 0.25, limit: 0.25 },
};
