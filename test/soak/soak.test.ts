// The short soak (about 10 s): see harness.ts. It asserts decisions and bounds, never speed, so that it holds on a
// loaded machine; the long variant (60 s, 1M distinct tokens) is `npm run bench -- soak`.
import { expect, it } from 'vitest';
import { mb, runSoak } from './harness.js';

it('soaks mixed traffic through JWKS flaps, two key rotations and a rate-limited machine-token endpoint without a wrong decision', {
  timeout: 60_000,
}, async () => {
  const report = await runSoak({
    durationMs: 9000,
    minDistinctTokens: 0,
    maxDurationMs: 9000,
    maxRequests: 400_000,
    concurrency: 16,
    validPerKey: 100,
  });
  const summary = JSON.stringify({ ...report, heap: { ...report.heap, growth: mb(report.heap.growth) } }, null, 1);
  // Enough traffic of every kind that the assertions below mean something, even on a loaded machine.
  expect(report.requests, summary).toBeGreaterThan(2000);
  for (const category of ['valid', 'forged_payload', 'unknown_kid', 'machine_valid', 'machine_unknown', 'webhook_valid']) {
    expect(report.byCategory[category]?.sent ?? 0, category).toBeGreaterThan(10);
  }
  // Both rotations took effect: the second and third keys each verified tokens.
  expect(Object.keys(report.keysVerified).sort(), summary).toEqual(['soak_k0', 'soak_k1', 'soak_k2']);
  expect(report.wrong, summary).toEqual([]);
  expect(report.wrongReasons, summary).toEqual([]);
  // The fault schedule really ran: the JWKS endpoint failed and the machine-token endpoint answered 429.
  expect(report.jwks.modes['error'] ?? 0, summary).toBeGreaterThan(0);
  expect(report.jwks.modes['hang'] ?? 0, summary).toBeGreaterThan(0);
  expect(report.machine.limited, summary).toBeGreaterThan(0);
  // Single-flight, and after the first success no two fetches closer than the cooldown. The engine stamps a fetch
  // with the newest clock reading it has seen, taken a moment before the fetch call the soak records: 50 ms of slack.
  // (Before the elapsed-clock fix, fetches came 330 ms inside the cooldown.)
  expect(report.jwks.maxConcurrent).toBe(1);
  expect(report.jwks.minGapAfterSuccessMs ?? Infinity, summary).toBeGreaterThanOrEqual(report.rules.cooldownMs - 50);
  // Fetches are bounded by the schedule: one per cooldown at most, plus the backed-off ones before the first success.
  expect(report.jwks.fetches).toBeLessThanOrEqual(Math.ceil(report.elapsedMs / report.rules.cooldownMs) + 4);
  // Memory flat after warm-up (the caches are full by then): the stated bound is 8 MB of heap.
  expect(report.heap.growth, summary).toBeLessThan(8 * 1024 * 1024);
  expect(report.unhandledRejections).toBe(0);
  expect(report.timersAfter, summary).toBeLessThanOrEqual(report.timersBefore);
});
