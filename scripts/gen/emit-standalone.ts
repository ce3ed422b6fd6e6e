// Emits standalone.ts: one exported function per operation (`getUser(options, userId)`) for the
// `clerk-bapi/operations` entry. Each function is a pure call on its own definition, which names its own success
// shape directly, so a bundler keeps only the operations an app calls (and the shapes they reach). They validate
// by walking the shape, without the compiled fast checks the client uses: half the code, for a slower check of
// large lists (bench/client).
import { inlineResponseId } from './emit-schemas.js';
import type { EmittedShapes } from './emit-shapes.js';
import { operationFields } from './emit-operations.js';
import type { OperationModel } from './operation-model.js';
import type { ValidationModel } from './validation-model.js';

/**
 * Renders the standalone functions; names are the client's method names (unique across the API).
 *
 * @example
 * files['standalone.ts'] = head + emitStandalone(operations, model, shapes, '2026-05-12');
 */
export function emitStandalone(operations: OperationModel[], model: ValidationModel, shapes: EmittedShapes, specVersion: string): string {
  const names = operations.map((op) => op.methodName);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`standalone functions need unique method names; ${duplicate} is used twice`);
  const lines = [
    "import { checkParamValues } from '../client/check-param-values.js';",
    "import { encodeMultipart } from '../client/multipart-body.js';",
    "import { createStandaloneOperation, type StandaloneOperation } from '../client/standalone-operation.js';",
    "import * as d from './shapes.js';",
    "import type { OperationSignatures as S } from './operation-types.js';",
    '',
    `const SPEC_VERSION = ${JSON.stringify(specVersion)};`,
    '',
  ];
  for (const op of operations) {
    // Per-operation ids (not the shared maps), so that a bundler keeps only this operation's shapes.
    const pagedId = model.pagedOf(op);
    const params = shapes.paramsShape(op);
    const fields = operationFields(op, {
      check: () => undefined,
      shape: (status) => (shapes.responseShape(op, status) ? `d.${inlineResponseId(op.operationId, status)}` : undefined),
      params: params === undefined ? undefined : `d.${params}`,
      paged: pagedId ? { check: undefined, shape: `d.${pagedId}` } : undefined,
    });
    lines.push(
      `/** \`${op.method} ${op.path}\`: the standalone form of \`clerk.${op.namespace}.${op.methodName}\`. */`,
      `export const ${op.methodName}: StandaloneOperation<S[${JSON.stringify(op.operationId)}]> = /* @__PURE__ */ createStandaloneOperation(`,
      `  { ${fields.join(', ')} },`,
      // Only an operation with params names the check, and only a multipart one the encoder, so others bundle neither.
      ...standaloneArgs(params !== undefined, op.body?.type === 'multipart'),
      ');',
    );
  }
  lines.push('');
  return lines.join('\n');
}

function standaloneArgs(hasParams: boolean, multipart: boolean): string[] {
  if (multipart) return ['  SPEC_VERSION,', `  ${hasParams ? 'checkParamValues' : 'undefined'},`, '  encodeMultipart,'];
  return hasParams ? ['  SPEC_VERSION,', '  checkParamValues,'] : ['  SPEC_VERSION,'];
}
