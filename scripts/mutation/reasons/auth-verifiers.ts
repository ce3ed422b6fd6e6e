// Why the surviving mutants of the `auth-verifiers` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/auth/options.ts',
    mutant: 'headerTypes === undefined -> false',
    kind: 'unreachable',
    why: "headerTypes is stringList(options.headerType ?? 'JWT'), which gives undefined only for an undefined input: never here.",
  },
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
      /typeof token === 'string' && token\.length <= MAX_TOKEN_LENGTH -> true|ConditionalExpression: token\.length <= MAX_TOKEN_LENGTH -> true/,
    kind: 'equivalent',
    why: 'The cache only ever holds tokens that verified, and verification refuses non-strings and tokens over the cap, so looking them up misses anyway; the guard only spares the lookup.',
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: 'now === undefined && injected === undefined && logger === undefined -> false',
    kind: 'equivalent',
    why: 'With no callback given, the checked path builds { now: Date.now, fetch: () => globalThis.fetch, logger: undefined }: DEFAULT_CALL in a new object.',
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'equivalent',
    why: 'The same prefix on every registry id keeps two ids equal exactly when they were equal before.',
  },
  {
    file: 'src/auth/verifier-registry.ts',
    mutant: /typeof value === 'string' -> false|StringLiteral: 'string' -> ""/,
    kind: 'equivalent',
    why: 'Strings then go through JSON.stringify like other values, which is as unambiguous for strings as the length prefix.',
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
    file: 'src/auth/verifier-registry.ts',
    mutant: 'ConditionalExpression: value !== null -> true',
    kind: 'equivalent',
    why: 'A null option copied through JSON.parse(JSON.stringify(null)) is null again.',
  },
];
