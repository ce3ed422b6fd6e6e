// Why the surviving mutants of the `auth-claims` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const CLAIM_CHECKS = 'src/auth/claim-checks.ts';
const ORG_PERMISSIONS = 'src/auth/org-permissions.ts';

export const reasons: SurvivorReason[] = [
  {
    file: CLAIM_CHECKS,
    mutant: /typeof (exp|value) !== 'number' -> false/,
    kind: 'equivalent',
    why: 'Number.isFinite does not coerce: it is false for every non-number, so the time claim is refused all the same.',
  },
  {
    file: CLAIM_CHECKS,
    mutant: /(azp|iss) === undefined -> false/,
    kind: 'equivalent',
    why: 'The allow-lists (authorizedParties, issuer) hold strings only, so `includes(undefined)` is false and a missing claim is refused all the same.',
  },
  {
    file: CLAIM_CHECKS,
    mutant: 'ArrayDeclaration: [] -> ["Stryker was here"]',
    kind: 'equivalent',
    why: "A token without aud gets no audience either way unless the configured audience list contains Stryker's placeholder text itself.",
  },
  {
    file: CLAIM_CHECKS,
    mutant: 'OptionalChaining: rules.audience?.includes -> rules.audience.includes',
    kind: 'equivalent',
    why: 'The callback runs inside `if (rules.audience !== undefined)`, so the `?.` never short-circuits.',
  },
  {
    file: ORG_PERMISSIONS,
    mutant: /index < masks\.length -> (true|index <= masks\.length)/,
    kind: 'equivalent',
    why: "A feature past the last mask reads `masks[index] ?? ''`, which fails the decimal test and grants nothing, as stopping the loop does.",
  },
  {
    file: ORG_PERMISSIONS,
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'unreachable',
    why: "The loop bound `index < masks.length` keeps `masks[index]` defined, so the `?? ''` fallback is never used.",
  },
  {
    file: ORG_PERMISSIONS,
    mutant: /bits > 0n -> (true|bits >= 0n)/,
    kind: 'equivalent',
    why: 'Once the mask is 0 every further bit is 0 and grants nothing; the loop still ends at `permissions.length`.',
  },
];
