// Emits standalone.ts: one exported function per operation (`getUser(options, userId)`) for the
// `clerk-bapi/operations` entry. Each function is a pure call on the operation's definition in operations.ts, the
// same object the client's table holds, so a bundler keeps only the operations an app calls (and the shapes they
// reach).
import { definitionId } from './emit-operations.js';
import type { OperationModel } from './operation-model.js';

/**
 * Renders the standalone functions; names are the client's method names (unique across the API).
 *
 * @example
 * files['standalone.ts'] = head + emitStandalone(operations);
 */
export function emitStandalone(operations: OperationModel[]): string {
  const names = operations.map((op) => op.methodName);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`standalone functions need unique method names; ${duplicate} is used twice`);
  const lines = [
    "import { checkParamValues } from '../client/check-param-values.js';",
    "import { encodeMultipart } from '../client/multipart-body.js';",
    "import { createStandaloneOperation, type StandaloneOperation } from '../client/standalone-operation.js';",
    "import * as o from './operations.js';",
    "import type { OperationSignatures as S } from './operation-types.js';",
    '',
  ];
  for (const op of operations) {
    const hasParams = op.body?.schema !== undefined || (op.body === undefined && op.query.length > 0);
    lines.push(
      `/** \`${op.method} ${op.path}\`: the standalone form of \`clerk.${op.namespace}.${op.methodName}\`. */`,
      `export const ${op.methodName}: StandaloneOperation<S[${JSON.stringify(op.operationId)}]> = /* @__PURE__ */ createStandaloneOperation(`,
      `  o.${definitionId(op.operationId)},`,
      // Only an operation with params names the check, and only a multipart one the encoder, so others bundle neither.
      ...standaloneArgs(hasParams, op.body?.type === 'multipart'),
      ');',
    );
  }
  lines.push('');
  return lines.join('\n');
}

function standaloneArgs(hasParams: boolean, multipart: boolean): string[] {
  if (multipart) return ['  o.SPEC_VERSION,', `  ${hasParams ? 'checkParamValues' : 'undefined'},`, '  encodeMultipart,'];
  return hasParams ? ['  o.SPEC_VERSION,', '  checkParamValues,'] : ['  o.SPEC_VERSION,'];
}
