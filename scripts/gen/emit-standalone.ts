// Emits standalone.ts: one exported function per operation (`getUser(options, userId)`) for the
// `clerk-bapi/operations` entry. Each function is a pure call on its own definition, which names its own success
// check directly, so a bundler keeps only the operations an app calls. They validate with the generated fast
// checks alone (which accept exactly what the zod validators accept): zod never enters such a bundle.
import type { EmittedChecks } from './emit-checks.js';
import { inlineResponseId } from './emit-schemas.js';
import { operationFields } from './emit-operations.js';
import type { OperationModel } from './operation-model.js';

/**
 * Renders the standalone functions; names are the client's method names (unique across the API).
 *
 * @example
 * files['standalone.ts'] = head + emitStandalone(operations, checks, '2026-05-12');
 */
export function emitStandalone(operations: OperationModel[], checks: EmittedChecks, specVersion: string): string {
  const names = operations.map((op) => op.methodName);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`standalone functions need unique method names; ${duplicate} is used twice`);
  const lines = [
    "import { createStandaloneOperation, type StandaloneOperation } from '../core/standalone-operation.js';",
    "import * as k from './checks.js';",
    "import type { OperationSignatures as S } from './operation-types.js';",
    '',
    `const SPEC_VERSION = ${JSON.stringify(specVersion)};`,
    '',
  ];
  for (const op of operations) {
    const fields = operationFields(op, undefined, (status) =>
      checks.responseCheck(op, status) ? `k.${inlineResponseId(op.operationId, status)}` : undefined,
    );
    lines.push(
      `/** \`${op.method} ${op.path}\`: the standalone form of \`clerk.${op.namespace}.${op.methodName}\`. */`,
      `export const ${op.methodName}: StandaloneOperation<S[${JSON.stringify(op.operationId)}]> = /* @__PURE__ */ createStandaloneOperation(`,
      `  { ${fields.join(', ')} },`,
      '  SPEC_VERSION,',
      ');',
    );
  }
  lines.push('');
  return lines.join('\n');
}
