// The one model every validation artefact is printed from: each component schema, component response and
// operation-level response body (inline responses, the paged shape of lists) with its validation tree, read from
// the repaired spec once. Emitters (zod validators, fast checks, and next the webhook validators) walk these
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
   * Success responses that are component responses, under a per-operation id as well: one standalone function
   * (`clerk-bapi/operations`) then names its own check, and a bundler can drop every other.
   */
  readonly operationAliases: ReadonlyArray<{ id: string; response: string }>;
  /** The validator of `operation`'s `status` response. */
  responseOf(operation: OperationModel, status: string): ResponseRef;
  /** The id of the paged shape of a list with a `paginated` switch, if it has one. */
  pagedOf(operation: OperationModel): string | undefined;
}

/** The exported id of an inline operation response. */
export function inlineResponseId(operationId: string, status: string): string {
  return `op_${toIdentifier(operationId)}_${toIdentifier(status)}`;
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
 * const zod = emitSchemas(model); const checks = emitChecks(model);
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
  const operationAliases: Array<{ id: string; response: string }> = [];
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      const id = inlineResponseId(operation.operationId, status);
      if (response.kind === 'inline') operationBodies.push({ id, body: bodyOf(response.schema) });
      if (response.kind === 'component' && /^2/.test(status) && hasBody.get(response.name))
        operationAliases.push({ id, response: response.name });
    }
    const pagedId = pagedResponseId(operation);
    if (pagedId) operationBodies.push({ id: pagedId, body: { kind: 'tree', node: toSchemaNode(operation.paged!.schema) } });
  }
  return {
    schemas,
    responses,
    operationBodies,
    operationAliases,
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
