// Why the surviving mutants of the `auth-verifiers` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/auth/options.ts',
    mutant: 'ObjectLiteral: { allowQuery: false } -> {}',
    kind: 'equivalent',
    why: 'checkServiceUrl tests !options.allowQuery, and a missing allowQuery is falsy like false.',
  },
  {
    file: 'src/auth/options.ts',
    mutant: "typeof time !== 'number' -> false",
    kind: 'equivalent',
    why: 'Number.isFinite is false for every non-number (it does not coerce), so the same values throw.',
  },
  {
    file: 'src/auth/create-token-verifier.ts',
    mutant:
      /(typeof token === 'string'|isString\(token\)) && token\.length <= MAX_TOKEN_LENGTH -> true|ConditionalExpression: token\.length <= MAX_TOKEN_LENGTH -> true/,
    kind: 'equivalent',
    why: 'The cache only ever holds tokens that verified, and verification refuses non-strings and tokens over the cap, so looking them up misses anyway; the guard only spares the lookup.',
  },
  {
    file: 'src/auth/options.ts',
    mutant: '!now && !injected && !logger -> false',
    kind: 'equivalent',
    why: 'With no callback given, the general path builds { now: checkedClock(undefined) = Date.now, fetch: () => globalThis.fetch, logger: undefined }: DEFAULT_CALL in a new object.',
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'equivalent',
    why: 'The same prefix on every registry id keeps two ids equal exactly when they were equal before.',
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: /options === null -> false|'options must be an object' -> ""/,
    kind: 'equivalent',
    why: "For null, reading null[name] throws a TypeError as well, and verifyToken's catch turns any throw into the same 'options could not be read' result without the message.",
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: 'value === undefined -> false',
    kind: 'equivalent',
    why: 'The snapshot would hold every known name, undefined for the missing ones, in every call: ids still match exactly when the defined options do, and an explicit undefined reads as absent.',
  },
  {
    file: 'src/auth/options.ts',
    mutant: 'ConditionalExpression: cache === true -> false',
    kind: 'equivalent',
    why: 'tokenCache: true then falls through to (true).maxEntries ?? 1024, which is 1024 as well.',
  },
  {
    file: 'src/auth/option-rules.ts',
    mutant: /StringLiteral: 'milliseconds' -> ""|StringLiteral: `a number of \$\{unit\} from/,
    kind: 'static',
    why: "The range rules' messages are built once, when option-rules.ts loads; test/auth/options.test.ts ('refuses %s out of range, naming it and its range') fails with either mutation applied by hand.",
  },
];
