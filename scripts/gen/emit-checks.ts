// Emits src/generated/checks.ts from the validation model: the fast structural check of every component schema,
// component response and operation response body, printed from the same validation trees as schemas.ts.
import { checkExpression, type CheckContext } from './check-expression.js';
import type { OperationModel } from './operation-model.js';
import { propertyKey } from './schema-node.js';
import { responseExport, type BodyModel, type ValidationModel } from './validation-model.js';

export interface EmittedChecks {
  source: string;
  /** The check of one operation response relative to this module (the operation table qualifies it), or undefined without a JSON body. */
  responseCheck(operation: OperationModel, status: string): string | undefined;
}

const PRELUDE = `/* eslint-disable */
// Each check accepts exactly what the zod validator of the same name in schemas.ts accepts, and what the shape
// of the same name in shapes.ts accepts, without allocating: the client runs the check first and walks the
// shape only when it says no (the shape explains why).

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

export function emitChecks(model: ValidationModel): EmittedChecks {
  const checkIds = new Map(model.schemas.map(({ name, stem }) => [name, `c_${stem}`]));
  const hoisted = new Map<string, string>();
  const constants = new Map<string, string>();
  const context: CheckContext = {
    ref(name, value) {
      const id = checkIds.get(name);
      if (!id) throw new Error(`reference to unknown schema ${name}`);
      return `${id}(${value})`;
    },
    hoist(body) {
      // A body that only calls another check on `v` is that check: no one-call wrapper.
      const call = /^([A-Za-z_$][\w$]*)\(v\)$/.exec(body);
      if (call) return call[1]!;
      if (!hoisted.has(body)) hoisted.set(body, `h${hoisted.size}`);
      return hoisted.get(body)!;
    },
    constant(expression) {
      if (!constants.has(expression)) constants.set(expression, `k${constants.size}`);
      return constants.get(expression)!;
    },
  };
  // A body that is a component schema shares its check; any other body gets a hoisted one.
  const checkOf = (body: BodyModel): string =>
    body.kind === 'schema' ? checkIds.get(body.name)! : context.hoist(checkExpression(body.node, 'v', context));

  const components = model.schemas.map(
    ({ name, node }) => `function ${checkIds.get(name)}(v: any): boolean {\n  return ${checkExpression(node, 'v', context)};\n}`,
  );
  const responseChecks = new Map(model.responses.flatMap(({ name, body }) => (body ? [[name, checkOf(body)] as const] : [])));
  const responseEntries = [...responseChecks].map(([name, check]) => `  ${propertyKey(name)}: ${check},`);
  const inline = [
    ...model.operationBodies.map(({ id, body }) => `export const ${id} = ${checkOf(body)};`),
    ...model.operationAliases.map(({ id, response }) => `export const ${id} = ${responseChecks.get(response)!};`),
  ];

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
    "/** Fast checks of every component schema, by the spec's name. */",
    'export const schemaChecks: Readonly<Record<string, Check>> = {',
    ...model.schemas.map(({ name }) => `  ${propertyKey(name)}: ${checkIds.get(name)},`),
    '};',
    '',
    "/** Fast checks of every component response with a JSON body, by the spec's name. */",
    'export const responseChecks: Readonly<Record<string, Check>> = {',
    ...responseEntries,
    '};',
    '',
  ];
  return {
    source: lines.join('\n'),
    responseCheck: (operation, status) => responseExport(model, operation, status, 'responseChecks'),
  };
}
