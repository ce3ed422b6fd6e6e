// Emits src/generated/schemas.ts from the validation model: one lazily built zod validator per component schema
// and component response, plus validators for operations' own response bodies. Components are shared by reference.
import type { OperationModel } from './operation-model.js';
import { propertyKey } from './schema-node.js';
import type { BodyModel, ValidationModel } from './validation-model.js';
import { ANY_OBJECT, zodExpressionOf, type ZodExpressionContext } from './zod-expression.js';

export { inlineResponseId, pagedResponseId } from './validation-model.js';

export interface EmittedSchemas {
  source: string;
  /** The validator getter of one operation response, relative to this module (the operation table qualifies it). */
  responseGetter(operation: OperationModel, status: string): string;
}

const PRELUDE = [
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
];

export function emitSchemas(model: ValidationModel): EmittedSchemas {
  const schemaIds = new Map(model.schemas.map(({ name, stem }) => [name, `s_${stem}`]));
  const context: ZodExpressionContext = {
    ref(name) {
      const id = schemaIds.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return `${id}()`;
    },
  };
  // A body that is a component schema shares its getter; any other body gets its own.
  const getter = (body: BodyModel): string =>
    body.kind === 'schema' ? schemaIds.get(body.name)! : `once(() => ${zodExpressionOf(body.node, context)})`;

  const lines: string[] = [...PRELUDE, '', '// Component schemas.'];
  for (const { name, node } of model.schemas) lines.push(`const ${schemaIds.get(name)} = once(() => ${zodExpressionOf(node, context)});`);
  lines.push('', '// Component responses.');
  for (const { stem, body } of model.responses) lines.push(`const r_${stem} = ${body ? getter(body) : 'noBody'};`);
  lines.push('', '// Inline operation responses.');
  for (const { id, body } of model.operationBodies) lines.push(`export const ${id} = ${getter(body)};`);
  lines.push(
    '',
    "/** Validators of every component schema, by the spec's name; each is built on first call. */",
    'export const schemas = {',
    ...model.schemas.map(({ name }) => `  ${propertyKey(name)}: ${schemaIds.get(name)},`),
    '} as const;',
    '',
    "/** Validators of every component response, by the spec's name; each is built on first call. */",
    'export const responses = {',
    ...model.responses.map(({ name, stem }) => `  ${propertyKey(name)}: r_${stem},`),
    '} as const;',
    '',
    'export { noBody };',
    '',
  );

  return {
    source: lines.join('\n'),
    responseGetter(operation, status) {
      const ref = model.responseOf(operation, status);
      if (ref.kind === 'none') return 'noBody';
      if (ref.kind === 'component') return `responses[${JSON.stringify(ref.name)}]`;
      return ref.id;
    },
  };
}
