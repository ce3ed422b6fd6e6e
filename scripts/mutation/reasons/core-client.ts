// Why the surviving mutants of the `core-client` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const CREATE = 'src/core/create-api-client.ts';

export const reasons: SurvivorReason[] = [
  {
    file: 'src/core/client-options.ts',
    mutant: 'ConditionalExpression: logger === null -> false',
    kind: 'equivalent',
    why: '`options.logger ?? consoleLogger` has already replaced a null logger, so it is never null here.',
  },
  {
    file: 'src/core/client-options.ts',
    mutant: 'ObjectLiteral: { allowQuery: false } -> {}',
    kind: 'equivalent',
    why: 'checkServiceUrl reads `!options.allowQuery`, and a missing allowQuery is as false as an explicit one.',
  },
  {
    file: CREATE,
    mutant: 'MethodExpression: args.slice(0, count) -> args',
    kind: 'equivalent',
    why: 'The path values only go to buildPath, which reads one value per path parameter by index and ignores the rest.',
  },
  {
    file: CREATE,
    mutant: `StringLiteral: 'envelope' -> ""`,
    kind: 'equivalent',
    why: "paginate tells the shapes apart by `shape === 'array'` only, so any other value reads pages as the { data, total_count } envelope.",
  },
  {
    file: 'src/core/describe-failure.ts',
    mutant: /OptionalChaining: record\?\.(message|cause)/,
    kind: 'equivalent',
    why: "Reading a property of a thrown undefined or null throws inside describeFailure's own `try`, whose `catch` gives the same fallback.",
  },
  {
    file: 'src/core/path-params.ts',
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'unreachable',
    why: "The generator takes pathParams from the path template's own placeholders (scripts/gen/operation-model.ts), so `encoded[name]` is always set.",
  },
  {
    file: 'src/core/path-params.ts',
    mutant: "ConditionalExpression: typeof value === 'number' -> true",
    kind: 'equivalent',
    why: 'Number.isFinite does not coerce: it is false for every non-number, so only finite numbers are turned into text either way.',
  },
];
