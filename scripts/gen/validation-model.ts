// The one model every validation artefact is printed from: each component schema, component response and
// operation-level response body (inline responses, the paged shape of lists) with its validation tree, read from
// the repaired spec once. Emitters (zod schemas, shapes, for the Backend API and the webhooks alike) walk these
// lists; none of them reads the spec.
import { identifierMap, toIdentifier } from './identifiers.js';
import type { OpenApiDocument } from './openapi-document.js';
import { componentResponseSchema, type OperationModel } from './operation-model.js';
import { componentName, toSchemaNode, type SchemaNode } from './schema-node.js';

/** A JSON body: a component schema by name, or an inline validation tree. */
export type BodyModel = { kind: 'schema'; name: string } | { kind: 'tree'; node: SchemaNode };

/** Where the validator of one operation response lives. */
export type ResponseRef = { kind: 'none' } | { kind: 'component'; name: string; hasBody: boolean } | { kind: 'operation'; id: string };

/** Everything the validation emitters print; see the module comment. */
export interface ValidationModel {
  /** Component schemas in spec order; `stem` is a unique identifier each emitter prefixes (`s_`, `c_`). */
  readonly schemas: ReadonlyArray<{ name: string; stem: string; node: SchemaNode }>;
  /** Component responses in spec order; `body` is undefined when one documents no JSON body. */
  readonly responses: ReadonlyArray<{ name: string; stem: string; body: BodyModel | undefined }>;
  /** Bodies that belong to one operation, under their exported id (`op_<operationId>_<status>[_paged]`). */
  readonly operationBodies: ReadonlyArray<{ id: string; body: BodyModel }>;
  /**
   * The params of every operation that takes any (its query parameters as one closed object, or its body), read
   * as strictly as their types (`mode: 'request'`), under the id `params_<operationId>`.
   */
  readonly requests: ReadonlyArray<{ id: string; operationId: string; node: SchemaNode }>;
  /** The component schemas those params refer to, read in request mode; `stem` as in `schemas`. */
  readonly requestSchemas: ReadonlyArray<{ name: string; stem: string; node: SchemaNode }>;
  /** The validator of `operation`'s `status` response. */
  responseOf(operation: OperationModel, status: string): ResponseRef;
  /** The id of the paged shape of a list with a `paginated` switch, if it has one. */
  pagedOf(operation: OperationModel): string | undefined;
}

/** The exported id of an inline operation response. */
export function inlineResponseId(operationId: string, status: string): string {
  return `op_${toIdentifier(operationId)}_${toIdentifier(status)}`;
}

/** The exported id of an operation's params. */
export function paramsId(operationId: string): string {
  return `params_${toIdentifier(operationId)}`;
}

/** The params of one operation as one tree, or undefined when it takes none. */
function requestNode(operation: OperationModel): SchemaNode | undefined {
  if (operation.body) return operation.body.schema ? toSchemaNode(operation.body.schema, 'request') : undefined;
  if (operation.query.length === 0) return undefined;
  const properties = operation.query.map(({ name, required, schema }) => ({
    key: name,
    node: schema ? toSchemaNode(schema, 'request') : ({ kind: 'unknown', nullable: false } as const),
    required,
  }));
  return { kind: 'object', properties, nullable: false, closed: true };
}

/** Calls `into` with the name of every component schema `node` refers to (names repeat when referred to twice). */
export function collectRefs(node: SchemaNode, into: (name: string) => void): void {
  switch (node.kind) {
    case 'ref':
      return into(node.name);
    case 'union':
      return node.members.forEach((member) => collectRefs(member, into));
    case 'intersection':
      return node.parts.forEach((part) => collectRefs(part, into));
    case 'array':
      return collectRefs(node.items, into);
    case 'record':
      return collectRefs(node.values, into);
    case 'object':
      node.properties.forEach((property) => collectRefs(property.node, into));
      if (node.extra) collectRefs(node.extra, into);
      return;
  }
}

/** The params trees and, transitively, the component schemas they refer to, all read in request mode. */
function buildRequests(document: OpenApiDocument, operations: readonly OperationModel[], stems: ReadonlyMap<string, string>) {
  const requests = operations.flatMap((operation) => {
    const node = requestNode(operation);
    return node ? [{ id: paramsId(operation.operationId), operationId: operation.operationId, node }] : [];
  });
  const specs = document.components?.schemas ?? {};
  const nodes = new Map<string, SchemaNode>();
  const visit = (name: string): void => {
    if (nodes.has(name)) return;
    const spec = specs[name];
    if (!spec) throw new Error(`reference to unknown schema ${name}`);
    const node = toSchemaNode(spec, 'request');
    nodes.set(name, node);
    collectRefs(node, visit);
  };
  for (const { node } of requests) collectRefs(node, visit);
  const requestSchemas = Object.keys(specs)
    .filter((name) => nodes.has(name))
    .map((name) => ({ name, stem: stems.get(name)!, node: nodes.get(name)! }));
  return { requests, requestSchemas };
}

/** The exported id of the paged shape of a list (`paginated=true`). */
export function pagedResponseId(operation: OperationModel): string | undefined {
  return operation.paged ? `${inlineResponseId(operation.operationId, operation.paged.status)}_paged` : undefined;
}

function bodyOf(schema: { $ref?: string } & object): BodyModel {
  return schema.$ref ? { kind: 'schema', name: componentName(schema.$ref) } : { kind: 'tree', node: toSchemaNode(schema) };
}

/**
 * Reads the validation model of a repaired spec and its operations.
 *
 * @example
 * const model = buildValidationModel(document, buildOperationModel(document, naming));
 * const zod = emitSchemas(model); const shapes = emitShapes(model);
 */
export function buildValidationModel(document: OpenApiDocument, operations: readonly OperationModel[]): ValidationModel {
  const schemaSpecs = document.components?.schemas ?? {};
  const schemaStems = identifierMap(Object.keys(schemaSpecs), '');
  const responseStems = identifierMap(Object.keys(document.components?.responses ?? {}), '');
  const schemas = Object.entries(schemaSpecs).map(([name, schema]) => ({ name, stem: schemaStems.get(name)!, node: toSchemaNode(schema) }));
  const responses = [...responseStems].map(([name, stem]) => {
    const schema = componentResponseSchema(document, name);
    return { name, stem, body: schema ? bodyOf(schema) : undefined };
  });
  const hasBody = new Map(responses.map(({ name, body }) => [name, body !== undefined]));
  const operationBodies: Array<{ id: string; body: BodyModel }> = [];
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      const id = inlineResponseId(operation.operationId, status);
      if (response.kind === 'inline') operationBodies.push({ id, body: bodyOf(response.schema) });
    }
    const pagedId = pagedResponseId(operation);
    if (pagedId) operationBodies.push({ id: pagedId, body: { kind: 'tree', node: toSchemaNode(operation.paged!.schema) } });
  }
  return {
    schemas,
    responses,
    operationBodies,
    ...buildRequests(document, operations, schemaStems),
    responseOf(operation, status) {
      const response = operation.responses.find(([s]) => s === status)?.[1];
      if (!response) throw new Error(`${operation.operationId} has no response ${status}`);
      if (response.kind === 'empty') return { kind: 'none' };
      if (response.kind === 'component') return { kind: 'component', name: response.name, hasBody: hasBody.get(response.name) ?? false };
      return { kind: 'operation', id: inlineResponseId(operation.operationId, status) };
    },
    pagedOf: pagedResponseId,
  };
}
