// Emits src/generated/shapes.ts from the validation model: every schema as data (src/kernel/shape.ts), printed from
// the same trees as the zod schemas. The runtime walks a response's (or an event's) shape to decide whether it
// matches and where it departs, and an operation's params shape before it sends anything.
import type { OperationModel } from './operation-model.js';
import { propertyKey, type SchemaNode } from './schema-node.js';
import type { BodyModel, ValidationModel } from './validation-model.js';

export interface EmittedShapes {
  source: string;
  /** The exported id of one operation response's shape, or undefined without a JSON body. */
  responseShape(operation: OperationModel, status: string): string | undefined;
  /** The shape of an operation's params relative to this module, or undefined when it takes none. */
  paramsShape(operation: OperationModel): string | undefined;
  /** The keys of an operation's params shape as the runtime enumerates them, or undefined when it is not an object. */
  paramsKeys(operation: OperationModel): readonly string[] | undefined;
}

/** The scalars with a one-token nullable form in src/kernel/shape.ts (`'string?'`). */
const NULLABLE_SCALARS = new Set(["'string'", "'number'", "'boolean'", "'anyObject'"]);

/** The source of a shape literal for `node`; `ref` names the const of a component schema. */
function shapeSource(node: SchemaNode, ref: (name: string) => string): string {
  const bare = bareSource(node, ref);
  if (!node.nullable || bare === "'unknown'") return bare;
  return NULLABLE_SCALARS.has(bare) ? `${bare.slice(0, -1)}?'` : `['nullable', ${bare}]`;
}

function bareSource(node: SchemaNode, ref: (name: string) => string): string {
  const list = (code: string, items: string[]) => `['${code}', ${items.join(', ')}]`;
  switch (node.kind) {
    case 'ref':
      // A thunk: component schemas may refer to each other (and to themselves) in any order.
      return `() => ${ref(node.name)}`;
    case 'union':
      return list(
        'union',
        node.members.map((member) => shapeSource(member, ref)),
      );
    case 'intersection':
      return list(
        'all',
        node.parts.map((part) => shapeSource(part, ref)),
      );
    case 'enum':
    case 'literals':
      return list(
        'enum',
        node.values.map((value) => JSON.stringify(value)),
      );
    case 'array':
      return list('array', [shapeSource(node.items, ref)]);
    case 'record':
      return list('record', [shapeSource(node.values, ref)]);
    case 'object':
      return objectSource(node, ref);
    default:
      return `'${node.kind}'`;
  }
}

/**
 * An object shape. Where other keys are allowed, its key order is never shown (a closed object lists its keys to
 * suggest a misspelt one), so the required keys go first and `required` is their count (src/kernel/shape.ts).
 */
function objectSource(node: Extract<SchemaNode, { kind: 'object' }>, ref: (name: string) => string): string {
  const extra = node.extra ? shapeSource(node.extra, ref) : node.closed ? '0' : '1';
  const required = node.properties.filter((property) => property.required);
  const requiredFirst = [...required, ...node.properties.filter((property) => !property.required)];
  const counted = extra !== '0' && enumeratesInOrder(requiredFirst.map(({ key }) => key));
  const properties = (counted ? requiredFirst : node.properties).map(
    ({ key, node: property }) => `${propertyKey(key)}: ${shapeSource(property, ref)}`,
  );
  const requiredSource = counted ? String(required.length) : `[${required.map(({ key }) => JSON.stringify(key)).join(', ')}]`;
  return `['object', { ${properties.join(', ')} }, ${requiredSource}, ${extra}]`;
}

/**
 * Whether an object literal with these keys enumerates them in this order: integer-like keys would come first, and
 * a `__proto__` key would set the literal's prototype instead of adding a key.
 */
function enumeratesInOrder(keys: readonly string[]): boolean {
  if (keys.includes('__proto__')) return false;
  return Object.keys(Object.fromEntries(keys.map((key) => [key, true]))).join('\n') === keys.join('\n');
}

/**
 * Renders shapes.ts: response shapes (`s_<stem>` per component schema, the operations' inline bodies under the
 * zod schemas' ids) and params shapes (`params_<operationId>`, with `q_<stem>` per component schema they use).
 *
 * @example
 * const shapes = emitShapes(model); files['shapes.ts'] = head + shapes.source;
 */
export function emitShapes(model: ValidationModel): EmittedShapes {
  const schemaIds = new Map(model.schemas.map(({ name, stem }) => [name, `s_${stem}`]));
  const requestIds = new Map(model.requestSchemas.map(({ name, stem }) => [name, `q_${stem}`]));
  const refIn = (ids: ReadonlyMap<string, string>) => (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`reference to unknown schema ${name}`);
    return id;
  };
  const responseRef = refIn(schemaIds);
  const bodySource = (body: BodyModel): string => (body.kind === 'schema' ? responseRef(body.name) : shapeSource(body.node, responseRef));
  // A component response is its schema's shape when it is one schema, else its own export.
  const responseIds = new Map(
    model.responses.flatMap(({ name, stem, body }) =>
      body === undefined ? [] : [[name, body.kind === 'schema' ? responseRef(body.name) : `r_${stem}`] as const],
    ),
  );
  const paramsIds = new Map(model.requests.map(({ operationId, id }) => [operationId, id]));
  const paramsNodes = new Map(model.requests.map(({ operationId, node }) => [operationId, node]));

  const lines = [
    "import type { Shape } from '../kernel/shape.js';",
    '',
    '// Component schemas, read as response bodies.',
    ...model.schemas.map(({ name, node }) => `export const ${schemaIds.get(name)}: Shape = ${shapeSource(node, responseRef)};`),
    '',
    '// Component responses that are not one schema.',
    ...model.responses.flatMap(({ name, body }) =>
      body?.kind === 'tree' ? [`export const ${responseIds.get(name)}: Shape = ${bodySource(body)};`] : [],
    ),
    '',
    '// Inline operation responses.',
    ...model.operationBodies.map(({ id, body }) => `export const ${id}: Shape = ${bodySource(body)};`),
    '',
    "/** Shapes of every component schema, by the spec's name. */",
    'export const schemaShapes: Readonly<Record<string, Shape>> = {',
    ...model.schemas.map(({ name }) => `  ${propertyKey(name)}: ${schemaIds.get(name)},`),
    '};',
    '',
    "/** Shapes of every component response with a JSON body, by the spec's name. */",
    'export const responseShapes: Readonly<Record<string, Shape>> = {',
    ...[...responseIds].map(([name, id]) => `  ${propertyKey(name)}: ${id},`),
    '};',
    '',
    '// Component schemas that params refer to, read as strictly as their types.',
    ...model.requestSchemas.map(
      ({ name, node }) => `export const ${requestIds.get(name)}: Shape = ${shapeSource(node, refIn(requestIds))};`,
    ),
    '',
    '// Params of every operation that takes any: its query parameters as one object, or its body.',
    ...model.requests.map(({ id, node }) => `export const ${id}: Shape = ${shapeSource(node, refIn(requestIds))};`),
    '',
  ];
  return {
    source: lines.join('\n'),
    responseShape(operation, status) {
      const ref = model.responseOf(operation, status);
      if (ref.kind === 'none') return undefined;
      return ref.kind === 'component' ? responseIds.get(ref.name) : ref.id;
    },
    paramsShape: (operation) => paramsIds.get(operation.operationId),
    paramsKeys(operation) {
      const node = paramsNodes.get(operation.operationId);
      if (node?.kind !== 'object' || node.nullable || node.extra || !node.closed) return undefined;
      const keys = node.properties.map(({ key }) => key);
      // A closed object lists its keys in the spec's order (objectSource), which is its runtime order when it enumerates so.
      return enumeratesInOrder(keys) ? keys : undefined;
    },
  };
}
