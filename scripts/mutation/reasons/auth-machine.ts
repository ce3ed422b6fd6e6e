// Why the surviving mutants of the `auth-machine` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/auth/request/machine-tokens.ts',
    mutant: 'oldest.done !== true -> true',
    kind: 'equivalent',
    why: 'Eviction runs only when the cache holds more than maxEntries (at least one) entries, so its first key always exists and done is always false.',
  },
  {
    file: 'src/auth/request/machine-tokens.ts',
    mutant: /options\.(clockSkewInMs|algorithms) === undefined -> false/,
    kind: 'equivalent',
    why: 'An explicit undefined clockSkewInMs or algorithms reads as the default in resolveClaimOptions (numberInRange and ??), the same as leaving the option out.',
  },
  {
    file: 'src/auth/request/machine-jwt-keys.ts',
    mutant:
      /OptionalChaining: options\.client\.jwks\?\.getJWKS|OptionalChaining: \(result\?\.data|ConditionalExpression: Array\.isArray\(list\) -> true/,
    kind: 'equivalent',
    why: 'Inside the try: a missing jwks or data, or a non-array keys value (JSON has no value with a filter method), throws a TypeError that the catch turns into the same outcome, keys kept.',
  },
  {
    file: 'src/auth/request/security-events.ts',
    mutant: 'hook === undefined -> false',
    kind: 'equivalent',
    why: 'Calling an undefined hook throws a TypeError that the catch swallows; the only side effect, freezing the event, is on an object the caller builds inline for this call.',
  },
  {
    file: 'src/auth/request/security-events.ts',
    mutant: /pending !== undefined|\(pending as Promise<void>\)\.then === 'function' -> true/,
    kind: 'equivalent',
    why: 'When the hook returns no thenable, calling .then on it throws a TypeError inside the try, which swallows it: the same as not calling it.',
  },
];
