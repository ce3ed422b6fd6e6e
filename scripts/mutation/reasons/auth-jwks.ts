// Why the surviving mutants of the `auth-jwks` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/auth/jwks-engine.ts',
    mutant: 'lastError?.code -> lastError.code',
    kind: 'unreachable',
    why: 'retryWait runs only after an attempt, and every attempt ends with keys set or lastError set: fetchJwks and parseJwks return failures as values and the logger is guarded, so no refresh throws.',
  },
  {
    file: 'src/auth/jwks-engine.ts',
    mutant: /ConditionalExpression: inflight( !== undefined)? -> true/,
    kind: 'equivalent',
    why: 'With no fetch in flight, awaiting undefined only yields one microtask; no fetch can finish within it, so the keys read after it are the same.',
  },
  {
    file: 'src/auth/jwks-engine.ts',
    mutant: /ConditionalExpression: kid === undefined -> false|ConditionalExpression: entry !== undefined -> true/,
    kind: 'equivalent',
    why: 'peek: every map key is a non-empty string kid (parseJwks skips the others), so get(undefined) is undefined; an undefined entry is returned either way, and the extra clock reading repeats the nowMs getKey reads next, which adds nothing.',
  },
  {
    file: 'src/auth/jwks-engine.ts',
    mutant: /ConditionalExpression: last !== undefined -> true|EqualityOperator: nowMs > last -> nowMs >= last/,
    kind: 'equivalent',
    why: 'nowMs > undefined is false, as is the first reading in the original; with nowMs equal to last the step adds 0.',
  },
];
