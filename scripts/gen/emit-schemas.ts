// Emits the zod (v4) schemas of a spec from the validation model: one eager schema per component schema (in
// dependency order, shared by reference), per component response, per operation body, and per operation's params
// (read in request mode: closed objects, exact enums, files). `clerk-bapi/zod` publishes them under the names of the
// TypeScript types (emitZodEntry); the runtime never loads them (it walks the shapes of the same trees).
import type { OperationModel } from './operation-model.js';
import { propertyKey, type SchemaNode } from './schema-node.js';
import type { BodyModel, ValidationModel } from './validation-model.js';
import { ANY_OBJECT, FILE, zodExpressionOf, zodTypeOf, type ZodExpressionContext } from './zod-expression.js';

import { collectRefs, pagedResponseId as pagedResponseIdOf } from './validation-model.js';

export { inlineResponseId, pagedResponseId } from './validation-model.js';

export interface EmittedSchemas {
  source: string;
  /** The getter (a thunk, for the tests) of one operation response's schema, relative to this module. */
  responseGetter(operation: OperationModel, status: string): string;
  /** The exported schema of one operation response, or undefined without a JSON body. */
  responseSchema(operation: OperationModel, status: string): string | undefined;
  /** The exported schema of an operation's params, or undefined when it takes none. */
  paramsSchema(operation: OperationModel): string | undefined;
  /** The exported schema of each component schema, by spec name. */
  readonly schemaIds: ReadonlyMap<string, string>;
}

const PRELUDE = [
  "import * as z from 'zod';",
  '',
  '/** Any JSON object whose keys the spec leaves open (metadata): checked as an object, kept as is. */',
  `export const ${ANY_OBJECT} = z.custom<Record<string, unknown>>(`,
  "  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),",
  "  { error: 'Expected an object' },",
  ');',
  '',
  '/** An upload (`format: binary` in a request body): a `Blob` (or `File`) or a `Uint8Array`. */',
  `export const ${FILE} = z.custom<Blob | Uint8Array>(`,
  "  (value) => value instanceof Uint8Array || (typeof Blob === 'function' && value instanceof Blob),",
  "  { error: 'Expected a Blob or a Uint8Array' },",
  ');',
];

/**
 * Component schemas in dependency order, so that each is declared after those it refers to; `cyclic` holds the
 * targets of references that close a cycle (printed through `z.lazy`, typed `z.ZodType`). No pinned spec has one.
 */
function dependencyOrder(schemas: ReadonlyArray<{ name: string; node: SchemaNode }>): { order: string[]; cyclic: Set<string> } {
  const nodes = new Map(schemas.map(({ name, node }) => [name, node]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') return void cyclic.add(name);
    state.set(name, 'visiting');
    collectRefs(nodes.get(name)!, (ref) => nodes.has(ref) && visit(ref));
    state.set(name, 'done');
    order.push(name);
  };
  for (const { name } of schemas) visit(name);
  return { order, cyclic };
}

/**
 * `export const id: Type = expression;`: the written type keeps the published declarations small and readable
 * (see zodTypeOf).
 */
function declaration(id: string, node: SchemaNode, context: ZodExpressionContext): string {
  return `export const ${id}: ${zodTypeOf(node, context)} = ${zodExpressionOf(node, context)};`;
}

/** Prints the schemas of one reading (response or request) of some component schemas, in dependency order. */
function printComponents(
  schemas: ReadonlyArray<{ name: string; stem: string; node: SchemaNode }>,
  prefix: string,
  mode: 'response' | 'request',
): { lines: string[]; ids: Map<string, string>; context: ZodExpressionContext } {
  const ids = new Map(schemas.map(({ name, stem }) => [name, `${prefix}${stem}`]));
  const { order, cyclic } = dependencyOrder(schemas);
  const declared = new Set<string>();
  const context: ZodExpressionContext = {
    mode,
    ref(name) {
      const id = ids.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return declared.has(name) ? id : `z.lazy(() => ${id})`;
    },
    refType(name) {
      const id = ids.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return declared.has(name) ? `typeof ${id}` : `z.ZodLazy<typeof ${id}>`;
    },
  };
  const nodes = new Map(schemas.map(({ name, node }) => [name, node]));
  const lines = order.map((name) => {
    const node = nodes.get(name)!;
    const line = cyclic.has(name)
      ? `export const ${ids.get(name)}: z.ZodType = ${zodExpressionOf(node, context)};`
      : declaration(ids.get(name)!, node, context);
    declared.add(name);
    return line;
  });
  return { lines, ids, context };
}

export function emitSchemas(model: ValidationModel): EmittedSchemas {
  const responses = printComponents(model.schemas, 's_', 'response');
  const requests = printComponents(model.requestSchemas, 'q_', 'request');
  // A body that is a component schema is that schema; any other body gets its own export.
  const responseIds = new Map(
    model.responses.flatMap(({ name, stem, body }) =>
      body ? [[name, body.kind === 'schema' ? responses.ids.get(body.name)! : `r_${stem}`] as const] : [],
    ),
  );
  const bodyDeclaration = (id: string, body: BodyModel): string =>
    body.kind === 'schema' ? `export const ${id} = ${responses.ids.get(body.name)!};` : declaration(id, body.node, responses.context);

  const lines: string[] = [...PRELUDE, '', '// Component schemas, read as response bodies.', ...responses.lines];
  lines.push('', '// Component responses that are not one schema.');
  for (const { name, body } of model.responses) {
    if (body?.kind === 'tree') lines.push(bodyDeclaration(responseIds.get(name)!, body));
  }
  lines.push('', '// Inline operation responses.');
  for (const { id, body } of model.operationBodies) lines.push(bodyDeclaration(id, body));
  lines.push('', '// Component schemas that params refer to, read as strictly as their types.', ...requests.lines);
  lines.push('', '// Params of every operation that takes any: its query parameters as one object, or its body.');
  for (const { id, node } of model.requests) lines.push(declaration(id, node, requests.context));
  lines.push(
    '',
    '/** Schema of responses documented without a JSON body: the body is not inspected. */',
    'const unknownBody = z.unknown();',
    '',
    "/** Test-only lookups: every component schema and component response, by the spec's name, as getters. */",
    'export const schemas = {',
    ...model.schemas.map(({ name }) => `  ${propertyKey(name)}: () => ${responses.ids.get(name)},`),
    '} as const;',
    'export const responses = {',
    ...model.responses.map(({ name }) => `  ${propertyKey(name)}: () => ${responseIds.get(name) ?? 'unknownBody'},`),
    '} as const;',
    'export const noBody = () => unknownBody;',
    '',
  );
  const paramsIds = new Map(model.requests.map(({ operationId, id }) => [operationId, id]));
  const responseSchema = (operation: OperationModel, status: string): string | undefined => {
    const ref = model.responseOf(operation, status);
    if (ref.kind === 'none') return undefined;
    return ref.kind === 'component' ? responseIds.get(ref.name) : ref.id;
  };
  return {
    source: lines.join('\n'),
    responseGetter(operation, status) {
      const id = responseSchema(operation, status);
      return id === undefined ? 'v.noBody' : `() => v.${id}`;
    },
    responseSchema,
    paramsSchema: (operation) => paramsIds.get(operation.operationId),
    schemaIds: responses.ids,
  };
}

/** What the public entry needs to know about one operation. */
export interface ZodEntryOperation {
  operation: OperationModel;
  /** The success response is documented without a JSON body (the client returns its text). */
  textSuccess: boolean;
}

/**
 * Renders src/generated/zod.ts, what `clerk-bapi/zod` exports: every component schema under its TypeScript type
 * name (`User`), every operation's params (when it takes any) and success body (`CreateUserParams`, `GetUserData`, and
 * `…PagedData`), and every webhook event (`UserCreatedEvent`), each the schema of the same name in schemas.ts or
 * webhooks-schemas.ts (no copies).
 *
 * @example
 * files['zod.ts'] = head + emitZodEntry(operations, models, schemas, events);
 */
export function emitZodEntry(
  operations: readonly ZodEntryOperation[],
  models: ReadonlyMap<string, string>,
  schemas: EmittedSchemas,
  events: ReadonlyArray<{ name: string; id: string }>,
  typeNames: (operation: OperationModel) => { params: string; data: string; pagedData?: string },
): string {
  const exported: string[] = [];
  const own: string[] = [];
  for (const [spec, name] of models) exported.push(`  ${schemas.schemaIds.get(spec)!} as ${name},`);
  for (const { operation, textSuccess } of operations) {
    const names = typeNames(operation);
    const params = schemas.paramsSchema(operation);
    // An operation that takes no params (only path arguments, or nothing) has no params schema: its TypeScript
    // type is `undefined`, and a schema accepting only `undefined` would validate nothing.
    if (params !== undefined) exported.push(`  ${params} as ${names.params},`);
    const status = operation.successStatus;
    const data = status === undefined || textSuccess ? undefined : schemas.responseSchema(operation, status);
    if (data !== undefined) exported.push(`  ${data} as ${names.data},`);
    else if (textSuccess)
      own.push(`/** \`${operation.operationId}\` answers text (or nothing). */`, `export const ${names.data} = z.optional(z.string());`);
    else own.push(`/** \`${operation.operationId}\` answers without a JSON body. */`, `export const ${names.data} = z.undefined();`);
    if (names.pagedData) exported.push(`  ${pagedResponseIdOf(operation)} as ${names.pagedData},`);
  }
  return [
    "import * as z from 'zod';",
    '',
    'export {',
    ...exported,
    "} from './schemas.js';",
    '',
    'export {',
    ...events.map(({ name, id }) => `  ${id} as ${name},`),
    "} from './webhooks-schemas.js';",
    '',
    ...own,
    '',
  ].join('\n');
}
