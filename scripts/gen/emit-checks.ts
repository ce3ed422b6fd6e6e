// Emits src/generated/checks.ts: the fast structural check of every component schema, component response
// and inline operation response, printed from the same validation trees as schemas.ts.
import { checkExpression, type CheckContext } from './check-expression.js';
import { identifierMap } from './identifiers.js';
import { inlineResponseId } from './emit-schemas.js';
import { componentResponseSchema, type OperationModel } from './operation-model.js';
import { componentName, propertyKey, toSchemaNode, type SchemaObject } from './schema-node.js';

export interface EmittedChecks {
  source: string;
  /** Source text of the check for one operation response, or undefined when it has no JSON body. */
  responseCheck(operation: OperationModel, status: string): string | undefined;
}

const PRELUDE = `/* eslint-disable */
// Each check accepts exactly what the zod validator of the same name in schemas.ts accepts, without
// allocating: the client runs the check first and asks zod only when it says no (zod explains why).

type Check = (value: any) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function everyItem(value: unknown, check: Check): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

/** Like zod's isPlainObject: a prototype that is Object.prototype (or none); class instances are refused. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/** Walks keys as zod's record does: own enumerable keys, __proto__ skipped, a symbol key fails z.string(). */
function everyValue(value: unknown, check: Check): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    if (typeof key === 'symbol' || !check(value[key])) return false;
  }
  return true;
}
`;

/** Only emitted when some object has both properties and typed additional properties. */
const EVERY_EXTRA = `function everyExtra(value: Record<string, unknown>, declared: ReadonlySet<string>, check: Check): boolean {
  for (const key in value) if (!declared.has(key) && key !== '__proto__' && !check(value[key])) return false;
  return true;
}
`;

export function emitChecks(document: Record<string, any>, operations: OperationModel[]): EmittedChecks {
  const schemaNames = Object.keys(document.components?.schemas ?? {});
  const responseNames = Object.keys(document.components?.responses ?? {});
  const checkIds = identifierMap(schemaNames, 'c_');
  const hoisted = new Map<string, string>();
  const constants = new Map<string, string>();
  const context: CheckContext = {
    ref(name, value) {
      const id = checkIds.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return `${id}(${value})`;
    },
    hoist(body) {
      if (!hoisted.has(body)) hoisted.set(body, `h${hoisted.size}`);
      return hoisted.get(body)!;
    },
    constant(expression) {
      if (!constants.has(expression)) constants.set(expression, `k${constants.size}`);
      return constants.get(expression)!;
    },
  };
  const body = (schema: SchemaObject): string => checkExpression(toSchemaNode(schema), 'v', context);

  const components = schemaNames.map(
    (name) => `function ${checkIds.get(name)}(v: any): boolean {\n  return ${body(document.components.schemas[name] as SchemaObject)};\n}`,
  );
  const responseEntries: string[] = [];
  const responseCheckIds = new Map<string, string>();
  for (const name of responseNames) {
    const schema = componentResponseSchema(document, name);
    if (!schema) continue;
    const check = schema.$ref ? checkIds.get(componentName(schema.$ref))! : context.hoist(body(schema));
    responseEntries.push(`  ${propertyKey(name)}: ${check},`);
    responseCheckIds.set(name, check);
  }
  const inline: string[] = [];
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      // Success responses also get a per-operation export, so that one standalone function (clerk-bapi/operations)
      // references its own check and a bundler can drop every other.
      const componentCheck = response.kind === 'component' ? responseCheckIds.get(response.name) : undefined;
      if (componentCheck && /^2/.test(status)) inline.push(`export const ${inlineResponseId(operation.operationId, status)} = ${componentCheck};`);
      if (response.kind !== 'inline') continue;
      const check = response.schema.$ref ? checkIds.get(componentName(response.schema.$ref))! : context.hoist(body(response.schema));
      inline.push(`export const ${inlineResponseId(operation.operationId, status)} = ${check};`);
    }
  }

  const lines = [
    PRELUDE,
    ...(constants.size > 0 ? [EVERY_EXTRA] : []),
    ...[...constants].map(([expression, id]) => `const ${id} = ${expression};`),
    '',
    ...[...hoisted].map(([hoistedBody, id]) => `const ${id}: Check = (v) => ${hoistedBody};`),
    '',
    '// Component schemas.',
    ...components,
    '',
    '// Inline operation responses.',
    ...inline,
    '',
    '/** Fast checks of every component schema, by the spec\'s name. */',
    'export const schemaChecks: Readonly<Record<string, Check>> = {',
    ...schemaNames.map((name) => `  ${propertyKey(name)}: ${checkIds.get(name)},`),
    '};',
    '',
    '/** Fast checks of every component response with a JSON body, by the spec\'s name. */',
    'export const responseChecks: Readonly<Record<string, Check>> = {',
    ...responseEntries,
    '};',
    '',
  ];
  return {
    source: lines.join('\n'),
    responseCheck(operation, status) {
      const response = operation.responses.find(([s]) => s === status)?.[1];
      if (!response || response.kind === 'empty') return undefined;
      if (response.kind === 'component') {
        return componentResponseSchema(document, response.name) ? `k.responseChecks[${JSON.stringify(response.name)}]!` : undefined;
      }
      return `k.${inlineResponseId(operation.operationId, status)}`;
    },
  };
}
