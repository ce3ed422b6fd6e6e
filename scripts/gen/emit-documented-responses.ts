// Emits documented-responses.ts: the validator and fast check of EVERY documented status of every operation,
// errors included. Only tests import it (the contract tests validate Prism's error examples with it); the runtime
// operation table keeps the success statuses alone, so none of this reaches an app's bundle.
import type { EmittedChecks } from './emit-checks.js';
import type { EmittedSchemas } from './emit-schemas.js';
import type { OperationModel } from './operation-model.js';

/**
 * Renders the test-only table, keyed by operationId, with the runtime table's `responses`/`checks` shape.
 *
 * @example
 * files['documented-responses.ts'] = head + emitDocumentedResponses(operations, schemas, checks);
 */
export function emitDocumentedResponses(operations: OperationModel[], schemas: EmittedSchemas, checks: EmittedChecks): string {
  const lines = [
    "import type { ZodMiniType as ZodType } from 'zod/mini';",
    "import * as k from './checks.js';",
    "import * as v from './schemas.js';",
    '',
    '/** Every documented status of one operation: lazily built validators and allocation-free checks. */',
    'export interface DocumentedResponses {',
    '  readonly responses: Readonly<Record<string, () => ZodType>>;',
    '  readonly checks: Readonly<Record<string, (value: unknown) => boolean>>;',
    '}',
    '',
    '/** Test-only: every documented response of every operation, by operationId. */',
    'export const documentedResponses: Readonly<Record<string, DocumentedResponses>> = {',
  ];
  for (const op of operations) {
    const responses = op.responses.map(([status]) => `${JSON.stringify(status)}: v.${schemas.responseGetter(op, status)}`);
    const fastChecks = op.responses.flatMap(([status]) => {
      const check = checks.responseCheck(op, status);
      return check ? [`${JSON.stringify(status)}: k.${check}`] : [];
    });
    lines.push(`  ${JSON.stringify(op.operationId)}: { responses: { ${responses.join(', ')} }, checks: { ${fastChecks.join(', ')} } },`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
