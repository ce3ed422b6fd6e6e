// Why the surviving mutants of the `core-results` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/core/paginate.ts',
    mutant: 'ConditionalExpression: page.totalCount !== undefined -> true',
    kind: 'equivalent',
    why: '`offset >= undefined` is always false (undefined compares as NaN), so reachedTotal is false without a total either way.',
  },
  {
    file: 'src/core/secret-key.ts',
    mutant: 'ConditionalExpression: secret === undefined -> false',
    kind: 'equivalent',
    why: 'redactSecret(text, undefined) returns text: includes(undefined) looks for "undefined", and text.split(undefined) is [text], joined back unchanged.',
  },
  {
    file: 'src/core/secret-key.ts',
    mutant: `StringLiteral: 'sk_' -> ""`,
    kind: 'equivalent',
    why: "includes('') is always true, so the regex always runs; on a text without 'sk_' it matches nothing and replace returns the text unchanged.",
  },
  {
    file: 'src/core/redact-deep.ts',
    mutant: 'OptionalChaining: copyJson(value,',
    kind: 'equivalent',
    why: 'copyJson returns undefined only for a value nested too deeply without a tooDeep stand-in, and redactDeep always passes one (TOO_DEEP).',
  },
  {
    file: 'src/core/number-checks.ts',
    mutant: "ConditionalExpression: typeof value !== 'number' -> false",
    kind: 'equivalent',
    why: 'Number.isFinite() does not coerce: every non-number fails the next test, so the typeof test adds nothing.',
  },
];
