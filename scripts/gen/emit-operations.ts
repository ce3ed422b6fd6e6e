// Emits the runtime operation definitions (operations.ts) and their type-level twin (operation-types.ts).
// One exported definition per operation, which both the client's table and the standalone functions read; each
// names its own success shapes (the client validates nothing else), so a bundler keeps only what it reaches.
// Every documented status is in the test-only test/generated/documented-responses.ts.
import { operationJsDoc, type OperationDocs } from './emit-docs.js';
import type { EmittedShapes } from './emit-shapes.js';
import type { OperationModel } from './operation-model.js';
import { toIdentifier } from './identifiers.js';
import type { ValidationModel } from './validation-model.js';
import { propertyKey } from './zod-expression.js';

/** `getApiKeys` → `GetApiKeys`: the prefix of an operation's exported type names. */
export function typePrefix(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}

/** Type names of an operation's params and result, as listed in the API-surface snapshot. */
export function typeNames(operation: OperationModel): { params: string; data: string; pagedData?: string } {
  const prefix = typePrefix(operation.operationId);
  const names = { params: `${prefix}Params`, data: `${prefix}Data` };
  return operation.paged ? { ...names, pagedData: `${prefix}PagedData` } : names;
}

/** Whether the caller must pass `params` (a required query parameter or a required body field). */
export function paramsRequired(operation: OperationModel): boolean {
  if (operation.query.some((q) => q.required)) return true;
  return operation.body !== undefined && operation.body.required && operation.body.hasRequiredFields;
}

/** A success status (`200`, `2XX`): the only ones the runtime client validates. */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/.test(status);
}

/** How the emitted call names the generated shapes of one operation, relative to the importing module. */
export interface OperationRefs {
  /** The shape of a status, if it has a JSON body. */
  shape(status: string): string | undefined;
  /** The shape of the operation's params, if it takes any. */
  params: string | undefined;
  /** The shape of the paged form of a list with a `paginated` switch. */
  paged?: string | undefined;
  /** The keys of the params shape, in order, when the operation takes query parameters (checked against them). */
  paramsKeys?: readonly string[] | undefined;
}

/**
 * The arguments of one operation's `defineOperation` call (src/client/define-operation.ts): its spec string (how
 * to send it), its params shape, and the shape of each success status, each named by a per-operation export so that
 * a bundler keeps only what one function uses. What the runtime derives (path params, query names) is checked here
 * against the model, so a spec that breaks a derivation fails the generator instead of the client.
 */
export function operationArguments(op: OperationModel, refs: OperationRefs): string[] {
  const derivedPathParams = Array.from(op.path.matchAll(/\{([^}]+)\}/g), (match) => match[1]);
  if (derivedPathParams.join('\n') !== op.pathParams.join('\n')) {
    throw new Error(`${op.operationId}: path params ${op.pathParams.join(', ')} are not the {…} of ${op.path} in order`);
  }
  if (op.body !== undefined && op.query.length > 0) {
    throw new Error(`${op.operationId}: query parameters beside a body cannot be derived from the params shape`);
  }
  // Without a body, the runtime reads the params shape's keys as the query parameters (define-operation.ts).
  const derivesQuery = op.body === undefined && refs.params !== undefined;
  if (derivesQuery ? refs.paramsKeys?.join('\n') !== op.query.map((q) => q.name).join('\n') : op.query.length > 0) {
    throw new Error(`${op.operationId}: the params shape's keys are not the query parameters in order`);
  }
  const words = [op.operationId, op.namespace, op.method, op.path];
  if ([...words, ...op.query.map((q) => q.name)].some((word) => /[\s=@]/.test(word) || word === '')) {
    throw new Error(`${op.operationId}: a name or path with a space, = or @ cannot be written in an operation spec`);
  }
  if (op.body) words.push(`${op.body.type}${op.body.required ? '!' : ''}`);
  if (op.pagination) words.push(op.pagination);
  if (hasTextSuccess(op)) words.push('text');
  // Only where the runtime cannot derive it (src/client/operation.ts, methodNameOf): most names are not repeated.
  if (op.methodName !== op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1)) words.push(`method=${op.methodName}`);
  for (const q of op.query) if (!q.explode) words.push(`unexploded=${q.name}`);
  const paged = op.paged && refs.paged ? refs.paged : undefined;
  if (paged) words.push(`paged=${op.paged!.parameter}@${op.paged!.status}`);
  const successes = op.responses.map(([status]) => status).filter(isSuccessStatus);
  const shapes = successes.flatMap((status) => {
    const ref = refs.shape(status);
    return ref ? [[status, ref] as const] : [];
  });
  const responses =
    shapes.length === 0
      ? '0'
      : shapes.length === 1 && shapes[0]![0] === '200'
        ? shapes[0]![1]
        : `{ ${shapes.map(([status, ref]) => `${JSON.stringify(status)}: ${ref}`).join(', ')} }`;
  const args = [JSON.stringify(words.join(' ')), refs.params ?? '0', responses, ...(paged ? [paged] : [])];
  while (args.length > 1 && args[args.length - 1] === '0') args.pop();
  return args;
}

/** The exported name of one operation's definition in operations.ts. */
export function definitionId(operationId: string): string {
  return `def_${toIdentifier(operationId)}`;
}

/**
 * Renders operations.ts: one exported `OperationDef` per operation, in the compact form of `defineOperation` (read
 * by the client's table and by the standalone functions alike), and the table of all of them.
 */
export function emitOperationTable(
  operations: OperationModel[],
  model: ValidationModel,
  shapes: EmittedShapes,
  specVersion: string,
): string {
  const lines = [
    "import { defineOperation as o } from '../client/define-operation.js';",
    "import type { OperationDef } from '../client/operation.js';",
    "import * as d from './shapes.js';",
    '',
    '/** The BAPI version this table was generated from; sent as the `Clerk-API-Version` header. */',
    `export const SPEC_VERSION = ${JSON.stringify(specVersion)};`,
    '',
  ];
  for (const op of operations) {
    // Per-operation ids (not the shared maps), so that a bundler keeps only the shapes of the operations used.
    const pagedId = model.pagedOf(op);
    const params = shapes.paramsShape(op);
    const args = operationArguments(op, {
      shape: (status) => {
        const id = shapes.responseShape(op, status);
        return id === undefined ? undefined : `d.${id}`;
      },
      params: params === undefined ? undefined : `d.${params}`,
      paged: pagedId ? `d.${pagedId}` : undefined,
      paramsKeys: shapes.paramsKeys(op),
    });
    // Pure: a bundler drops the definitions of operations an app never calls (clerk-bapi/operations).
    lines.push(`export const ${definitionId(op.operationId)}: OperationDef = /* @__PURE__ */ o(${args.join(', ')});`);
  }
  lines.push(
    '',
    '/** Every Backend API operation, in spec order. */',
    `export const operations: readonly OperationDef[] = [${operations.map((op) => definitionId(op.operationId)).join(', ')}];`,
    '',
  );
  return lines.join('\n');
}

function paramsType(op: OperationModel): string {
  const ref = `Ops[${JSON.stringify(op.operationId)}]`;
  if (op.body) {
    const media = op.body.type === 'json' ? 'application/json' : 'multipart/form-data';
    return `NonNullable<${ref}['requestBody']>['content'][${JSON.stringify(media)}]`;
  }
  if (op.query.length > 0) return `NonNullable<${ref}['parameters']['query']>`;
  return 'undefined';
}

/** The success response is documented without a JSON body, so the client hands back its text. */
export function hasTextSuccess(op: OperationModel): boolean {
  const success = op.responses.find(([status]) => status === op.successStatus)?.[1];
  return success?.kind === 'empty';
}

function dataType(op: OperationModel): string {
  if (!op.successStatus) return 'undefined';
  if (hasTextSuccess(op)) return 'string | undefined';
  const body = `JsonBody<Ops[${JSON.stringify(op.operationId)}]['responses'][${op.successStatus}]>`;
  // The spec's response is `bare array | { data, total_count }`; without `paginated=true` it is the array.
  return op.paged ? `Extract<${body}, readonly unknown[]>` : body;
}

function pagedDataType(op: OperationModel): string {
  return `Exclude<JsonBody<Ops[${JSON.stringify(op.operationId)}]['responses'][${op.paged!.status}]>, readonly unknown[]>`;
}

function itemType(op: OperationModel, dataName: string): string | undefined {
  if (op.pagination === 'array') return `${dataName}[number]`;
  if (op.pagination === 'envelope') return `${dataName}['data'][number]`;
  return undefined;
}

export function emitOperationTypes(operations: OperationModel[], docs?: ReadonlyMap<string, OperationDocs>): string {
  const lines = [
    "import type { operations as Ops } from './types.js';",
    '',
    '/** The JSON body type of a response object, `undefined` when it has none. */',
    "type JsonBody<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;",
    '',
  ];
  for (const op of operations) {
    const names = typeNames(op);
    lines.push(`/** Params of \`${op.namespace}.${op.methodName}\` (${op.method} ${op.path}). */`);
    lines.push(`export type ${names.params} = ${paramsType(op)};`);
    lines.push(`/** Success body of \`${op.namespace}.${op.methodName}\`. */`);
    lines.push(`export type ${names.data} = ${dataType(op)};`);
    if (names.pagedData) {
      lines.push(
        `/** Success body of \`${op.namespace}.${op.methodName}\` with \`${op.paged!.parameter}: true\`: the page and the total. */`,
      );
      lines.push(`export type ${names.pagedData} = ${pagedDataType(op)};`);
    }
  }
  lines.push('', '/** Per operation: positional path params, params, whether params are required, and the success body. */');
  lines.push('export interface OperationSignatures {');
  for (const op of operations) {
    const names = typeNames(op);
    const path = `[${op.pathParams.map((p) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p) ? p : 'param'}: string`).join(', ')}]`;
    const item = itemType(op, names.data);
    const parts = [`pathParams: ${path}`, `params: ${names.params}`, `paramsRequired: ${paramsRequired(op)}`, `data: ${names.data}`];
    if (item) parts.push(`item: ${item}`);
    if (names.pagedData) parts.push(`paged: ${names.pagedData}`, `pagedParameter: ${JSON.stringify(op.paged!.parameter)}`);
    lines.push(`  ${propertyKey(op.operationId)}: { ${parts.join('; ')} };`);
  }
  lines.push('}', '', '/** Client namespaces → method names → operationIds. */', 'export interface ResourceMap {');
  const byNamespace = new Map<string, OperationModel[]>();
  for (const op of operations) byNamespace.set(op.namespace, [...(byNamespace.get(op.namespace) ?? []), op]);
  for (const [namespace, ops] of byNamespace) {
    lines.push(`  ${propertyKey(namespace)}: {`);
    for (const op of ops) {
      // The client's mapped type keeps these declarations, so hovering `clerk.users.getUser` shows this JSDoc.
      lines.push(...operationJsDoc(docs?.get(op.operationId), '    '));
      lines.push(`    ${propertyKey(op.methodName)}: ${JSON.stringify(op.operationId)};`);
    }
    lines.push('  };');
  }
  lines.push('}', '');
  return lines.join('\n');
}
