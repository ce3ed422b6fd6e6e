// Why the surviving mutants of the `core-params` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/core/check-param-values.ts',
    mutant: 'ArrayDeclaration: [] -> ["Stryker was here"]',
    kind: 'unreachable',
    why: "`problem.known ?? []` only runs for an 'unknown' problem, and walkObject (shape.ts) pushes every one of those with `known` set.",
  },
  {
    file: 'src/core/check-param-values.ts',
    mutant: /normalize\(name\) === target|same !== undefined -> false/,
    kind: 'equivalent',
    why: 'A name that normalises to the target has edit distance 0, below every bestDistance (at least 1), so the loop below picks the same first such name that known.find() returns.',
  },
  {
    file: 'src/core/shape.ts',
    mutant: 'ConditionalExpression: extra === 0 -> false',
    kind: 'equivalent',
    why: 'With extra 0 the other branch, `extra !== 1 && !fits(0, child)`, is true as well: fits(0, …) matches no case of its switch and returns undefined.',
  },
  {
    file: 'src/core/shape.ts',
    mutant: "ConditionalExpression: problem.reason === 'type' -> true",
    kind: 'equivalent',
    why: "Only 'type' problems can sit at the nullable's own path: 'missing' and 'unknown' ones name a key under it, so the path-length test already leaves them out.",
  },
  {
    file: 'src/core/shape.ts',
    mutant: /out\.length < limit -> (true|out\.length <= limit)/,
    kind: 'equivalent',
    why: "The array loop's limit test only saves iterations: walk() returns at once when out.length >= limit, so no item past the limit adds a problem.",
  },
  {
    file: 'src/core/shape.ts',
    mutant: 'ConditionalExpression: extra !== 1 -> true',
    kind: 'equivalent',
    why: 'walk(1, …) reports nothing: a number is neither a function nor a string, and (1)[0] matches no case of the switch.',
  },
  {
    file: 'src/core/describe-mismatch.ts',
    mutant: 'ObjectLiteral: { found: false, value: undefined } -> {}',
    kind: 'equivalent',
    why: 'Destructured from {}, found is undefined (falsy like false) and value is undefined, so describeValue says the property is absent either way.',
  },
  {
    file: 'src/core/standalone-operation.ts',
    mutant: 'MethodExpression: args.slice(0, def.pathParams.length) -> args',
    kind: 'equivalent',
    why: 'sendOperation uses pathValues only in buildPath, which reads values[index] for the indexes of def.pathParams, so the trailing params and options are never read.',
  },
  {
    file: 'src/core/shape.ts',
    mutant: 'ConditionalExpression: keys === undefined -> true',
    kind: 'equivalent',
    why: 'Only the cache: the required keys are computed again from the same shape, giving the same list.',
  },
];
