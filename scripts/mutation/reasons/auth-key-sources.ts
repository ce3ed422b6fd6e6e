// Why the surviving mutants of the `auth-key-sources` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const KEY_SOURCE = 'src/auth/key-source.ts';
const PUBLISHABLE_KEY = 'src/auth/publishable-key.ts';

export const reasons: SurvivorReason[] = [
  {
    file: KEY_SOURCE,
    mutant: 'ConditionalExpression: !result.errors -> true',
    kind: 'equivalent',
    why: 'A fixed key is imported once (`imported ??=`), and a failed import has no `data`: `current` is set to the undefined it already holds.',
  },
  {
    file: KEY_SOURCE,
    mutant: 'StringLiteral: \',\' -> ""',
    kind: 'equivalent',
    why: 'The shared-source id joins algorithm names without a separator: every name is one of RS256/RS384/RS512 (five characters), so distinct lists still give distinct ids.',
  },
  {
    file: KEY_SOURCE,
    mutant: 'BlockStatement: { return undefined; } -> {}',
    kind: 'equivalent',
    why: 'The emptied `catch` of parseKeyInput falls through to the end of the async function, which resolves to undefined all the same.',
  },
  {
    file: PUBLISHABLE_KEY,
    mutant: /ConditionalExpression: (match === null|!match) -> false/,
    kind: 'equivalent',
    why: '`match[1]` of a null match throws a TypeError inside the following `try`, whose `catch` returns undefined as the null check does.',
  },
  {
    file: PUBLISHABLE_KEY,
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'equivalent',
    why: "The key pattern's group is not optional, so `match[1]` is always a string and the `?? ''` fallback is never used.",
  },
];
