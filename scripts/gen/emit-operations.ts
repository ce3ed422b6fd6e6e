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

/** How the emitted fields name the generated shapes of one operation, relative to the importing module. */
export interface OperationRefs {
  /** The shape of a status, if it has a JSON body. */
  shape(status: string): string | undefined;
  /** The shape of the operation's params, if it takes any. */
  params: string | undefined;
  /** The shape of the paged form of a list with a `paginated` switch. */
  paged?: string | undefined;
}

/**
 * The fields of one operation's `OperationDef` literal: how to send it, its params shape, and the shape of each
 * success status, each named by a per-operation export so that a bundler keeps only what one function uses.
 */
export function operationFields(op: OperationModel, refs: OperationRefs): string[] {
  const fields = [
    `operationId: ${JSON.stringify(op.operationId)}`,
    `namespace: ${JSON.stringify(op.namespace)}`,
    // Only where the runtime cannot derive it (src/client/operation.ts, methodNameOf): most names are not repeated.
    ...(op.methodName === op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1)
      ? []
      : [`methodName: ${JSON.stringify(op.methodName)}`]),
    `method: ${JSON.stringify(op.method)}`,
    `path: ${JSON.stringify(op.path)}`,
    `pathParams: ${JSON.stringify(op.pathParams)}`,
    `query: [${op.query.map((q) => `{ name: ${JSON.stringify(q.name)}, explode: ${q.explode} }`).join(', ')}]`,
  ];
  if (op.body) fields.push(`body: ${JSON.stringify(op.body.type)}`, `bodyRequired: ${op.body.required}`);
  if (refs.params) fields.push(`params: ${refs.params}`);
  if (op.pagination) fields.push(`pagination: ${JSON.stringify(op.pagination)}`);
  if (hasTextSuccess(op)) fields.push('textSuccess: true');
  const successes = op.responses.map(([status]) => status).filter(isSuccessStatus);
  const entries = (pick: (status: string) => string | undefined) =>
    successes.flatMap((status) => {
      const ref = pick(status);
      return ref ? [`${JSON.stringify(status)}: ${ref}`] : [];
    });
  const shapes = entries((status) => refs.shape(status));
  if (shapes.length > 0) fields.push(`shapes: { ${shapes.join(', ')} }`);
  if (op.paged && refs.paged) {
    const status = JSON.stringify(op.paged.status);
    fields.push(`paged: { parameter: ${JSON.stringify(op.paged.parameter)}, status: ${status}, shape: ${refs.paged} }`);
  }
  return fields;
}

/** The exported name of one operation's definition in operations.ts. */
export function definitionId(operationId: string): string {
  return `def_${toIdentifier(operationId)}`;
}

/**
 * Renders operations.ts: one exported `OperationDef` per operation (read by the client's table and by the
 * standalone functions alike) and the table of all of them.
 */
export function emitOperationTable(
  operations: OperationModel[],
  model: ValidationModel,
  shapes: EmittedShapes,
  specVersion: string,
): string {
  const lines = [
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
    const fields = operationFields(op, {
      shape: (status) => {
        const id = shapes.responseShape(op, status);
        return id === undefined ? undefined : `d.${id}`;
      },
      params: params === undefined ? undefined : `d.${params}`,
      paged: pagedId ? `d.${pagedId}` : undefined,
    });
    lines.push(`export const ${definitionId(op.operationId)}: OperationDef = { ${fields.join(', ')} };`);
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
