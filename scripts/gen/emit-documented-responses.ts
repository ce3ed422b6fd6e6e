// Emits test/generated/documented-responses.ts: the zod schema of EVERY documented status of every operation,
// errors included. Only tests import it (the contract tests validate Prism's error examples with it); the runtime
// definitions keep the success shapes alone, so none of this ships.
import type { EmittedSchemas } from './emit-schemas.js';
import type { OperationModel } from './operation-model.js';

/**
 * Renders the test-only table, keyed by operationId: status → a getter of its zod schema.
 *
 * @example
 * testFiles['documented-responses.ts'] = head + emitDocumentedResponses(operations, schemas, '../../src/generated/schemas.js');
 */
export function emitDocumentedResponses(operations: OperationModel[], schemas: EmittedSchemas, schemasImport: string): string {
  const lines = [
    "import type { ZodType } from 'zod';",
    `import * as v from '${schemasImport}';`,
    '',
    '/** Every documented status of one operation: lazily built zod schemas. */',
    'export interface DocumentedResponses {',
    '  readonly responses: Readonly<Record<string, () => ZodType>>;',
    '}',
    '',
    '/** Test-only: every documented response of every operation, by operationId. */',
    'export const documentedResponses: Readonly<Record<string, DocumentedResponses>> = {',
  ];
  for (const op of operations) {
    const responses = op.responses.map(([status]) => `${JSON.stringify(status)}: ${schemas.responseGetter(op, status)}`);
    lines.push(`  ${JSON.stringify(op.operationId)}: { responses: { ${responses.join(', ')} } },`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
