// Emits src/generated/schemas.ts: one lazily built zod validator per component schema and component
// response, plus validators for operations' inline responses. Components are shared by reference.
import { identifierMap, toIdentifier } from './identifiers.js';
import { componentResponseSchema, type OperationModel } from './operation-model.js';
import { ANY_OBJECT, componentName, propertyKey, zodExpression, type SchemaObject, type ZodExpressionContext } from './zod-expression.js';

export interface EmittedSchemas {
  source: string;
  /** Source text of the validator getter for one operation response (used by the operation table). */
  responseGetter(operation: OperationModel, status: string): string;
}

/** The name of the exported getter for an inline operation response. */
export function inlineResponseId(operationId: string, status: string): string {
  return `op_${toIdentifier(operationId)}_${toIdentifier(status)}`;
}

export function emitSchemas(document: Record<string, any>, operations: OperationModel[]): EmittedSchemas {
  const schemaNames = Object.keys(document.components?.schemas ?? {});
  const responseNames = Object.keys(document.components?.responses ?? {});
  const schemaIds = identifierMap(schemaNames, 's_');
  const responseIds = identifierMap(responseNames, 'r_');
  const context: ZodExpressionContext = {
    ref(name) {
      const id = schemaIds.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return `${id}()`;
    },
  };

  const lines: string[] = [
    // zod/mini: the same validation core as zod, without the chainable classes, so a fraction of the bytes.
    "import * as z from 'zod/mini';",
    "import { en } from 'zod/v4/locales';",
    '',
    "// zod/mini ships without messages; zod's own English ones, as the classic API sets them.",
    'z.config(en());',
    '',
    '/** Builds a schema on first use and reuses it: importing this module builds nothing. */',
    'function once<T>(build: () => T): () => T {',
    '  let built: T | undefined;',
    '  return () => (built ??= build());',
    '}',
    '',
    '/** Validator for responses documented without a JSON body: the body is not inspected. */',
    'const noBody = once(() => z.unknown());',
    '',
    '/** Any JSON object whose keys the spec leaves open (metadata): checked as an object, kept as is. */',
    `const ${ANY_OBJECT} = once(() =>`,
    "  z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {",
    "    error: 'Expected an object',",
    '  }),',
    ');',
    '',
    '// Component schemas.',
  ];
  for (const name of schemaNames) {
    const expression = zodExpression(document.components.schemas[name] as SchemaObject, context);
    lines.push(`const ${schemaIds.get(name)} = once(() => ${expression});`);
  }
  lines.push('', '// Component responses.');
  for (const name of responseNames) {
    const schema = componentResponseSchema(document, name);
    const id = responseIds.get(name)!;
    if (!schema) lines.push(`const ${id} = noBody;`);
    else if (schema.$ref) lines.push(`const ${id} = ${schemaIds.get(componentName(schema.$ref))};`);
    else lines.push(`const ${id} = once(() => ${zodExpression(schema, context)});`);
  }
  lines.push('', '// Inline operation responses.');
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      if (response.kind !== 'inline') continue;
      const id = inlineResponseId(operation.operationId, status);
      if (response.schema.$ref) lines.push(`export const ${id} = ${schemaIds.get(componentName(response.schema.$ref))};`);
      else lines.push(`export const ${id} = once(() => ${zodExpression(response.schema, context)});`);
    }
  }
  lines.push(
    '',
    '/** Validators of every component schema, by the spec\'s name; each is built on first call. */',
    'export const schemas = {',
    ...schemaNames.map((name) => `  ${propertyKey(name)}: ${schemaIds.get(name)},`),
    '} as const;',
    '',
    '/** Validators of every component response, by the spec\'s name; each is built on first call. */',
    'export const responses = {',
    ...responseNames.map((name) => `  ${propertyKey(name)}: ${responseIds.get(name)},`),
    '} as const;',
    '',
    'export { noBody };',
    '',
  );

  return {
    source: lines.join('\n'),
    responseGetter(operation, status) {
      const response = operation.responses.find(([s]) => s === status)?.[1];
      if (!response) throw new Error(`${operation.operationId} has no response ${status}`);
      if (response.kind === 'empty') return 'v.noBody';
      if (response.kind === 'component') return `v.responses[${JSON.stringify(response.name)}]`;
      return `v.${inlineResponseId(operation.operationId, status)}`;
    },
  };
}
