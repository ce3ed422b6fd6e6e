// Reads the repaired spec into a flat, ordered list of operations: everything the emitters need.
import { assertNoCollisions, methodNameOf, namespaceOf, type NamingMap } from './naming.js';
import type { OpenApiDocument, OperationObject, ParameterObject, RequestBodyObject, ResponseObject } from './openapi-document.js';
import type { SchemaObject } from './zod-expression.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface QueryParamModel {
  name: string;
  explode: boolean;
  required: boolean;
  /** The parameter's schema as the spec writes it (read in request mode by the validation model). */
  schema: SchemaObject | undefined;
}

/** A response: a reference to a component response, an inline JSON schema, or no body. */
export type ResponseModel = { kind: 'component'; name: string } | { kind: 'inline'; schema: SchemaObject } | { kind: 'empty' };

export interface OperationModel {
  operationId: string;
  namespace: string;
  methodName: string;
  method: HttpMethod;
  path: string;
  pathParams: string[];
  query: QueryParamModel[];
  body?: { type: 'json' | 'multipart'; required: boolean; hasRequiredFields: boolean; schema: SchemaObject | undefined };
  pagination?: 'envelope' | 'array';
  /**
   * The second shape of a list whose query parameter `parameter` switches it (`paginated=true` answers
   * `{ data, total_count }`): `responses` holds the shape without it, this the shape with it.
   */
  paged?: { parameter: string; status: string; schema: SchemaObject };
  /** Status → response, in spec order. */
  responses: Array<[status: string, response: ResponseModel]>;
  /** First documented 2xx status, if any. */
  successStatus?: string;
}

type Doc = OpenApiDocument;
type Section = 'schemas' | 'responses' | 'parameters' | 'requestBodies';
type SectionObject = { schemas: SchemaObject; responses: ResponseObject; parameters: ParameterObject; requestBodies: RequestBodyObject };

/** Follows one local `$ref` into `components[section]`; anything else is returned as is. */
function resolveLocal<S extends Section>(doc: Doc, node: SectionObject[S], section: S): SectionObject[S];
function resolveLocal<S extends Section>(doc: Doc, node: SectionObject[S] | undefined, section: S): SectionObject[S] | undefined;
function resolveLocal<S extends Section>(doc: Doc, node: SectionObject[S] | undefined, section: S): SectionObject[S] | undefined {
  const ref = node?.$ref;
  if (typeof ref === 'string') {
    const prefix = `#/components/${section}/`;
    if (!ref.startsWith(prefix)) throw new Error(`unexpected $ref ${ref}`);
    const target = (doc.components?.[section] as Record<string, SectionObject[S]> | undefined)?.[ref.slice(prefix.length)];
    if (!target) throw new Error(`dangling $ref ${ref}`);
    return target;
  }
  return node;
}

function resolveSchema(doc: Doc, schema: SchemaObject | undefined): SchemaObject | undefined {
  let current = schema;
  while (current?.$ref) current = resolveLocal(doc, current, 'schemas');
  if (current?.allOf?.length === 1) return resolveSchema(doc, current.allOf[0]);
  return current;
}

function responseModel(doc: Doc, response: ResponseObject): ResponseModel {
  if (typeof response.$ref === 'string') {
    const name = response.$ref.split('/').pop() as string;
    resolveLocal(doc, response, 'responses');
    return { kind: 'component', name };
  }
  const schema = response.content?.['application/json']?.schema;
  return schema ? { kind: 'inline', schema } : { kind: 'empty' };
}

function responseSchema(doc: Doc, response: ResponseObject | undefined): SchemaObject | undefined {
  const resolved = resolveLocal(doc, response, 'responses');
  return resolveSchema(doc, resolved?.content?.['application/json']?.schema);
}

/** Offset pagination: `limit` + `offset` query params and a list-shaped success body. */
function paginationOf(doc: Doc, query: QueryParamModel[], schema: SchemaObject | undefined): OperationModel['pagination'] {
  const names = new Set(query.map((q) => q.name));
  if (!names.has('limit') || !names.has('offset') || !schema) return undefined;
  if (schema.type === 'array') return 'array';
  const data = resolveSchema(doc, schema.properties?.['data']);
  if (data?.type === 'array' && schema.properties?.['total_count']) return 'envelope';
  return undefined;
}

/**
 * Reads `x-clerk-paginated: { parameter, paged, unpaged }` (bapi-reality.overlay.yaml): the success response is a
 * `oneOf` whose member `unpaged` answers without the parameter and member `paged` with it set to true. Replaces the
 * success response by the unpaged member in `responses` and returns both.
 */
function splitPagedResponse(
  operationId: string,
  op: OperationObject,
  responses: OperationModel['responses'],
  status: string,
): { paged: NonNullable<OperationModel['paged']>; unpaged: SchemaObject } | undefined {
  const marker = op['x-clerk-paginated'] as { parameter?: unknown; paged?: unknown; unpaged?: unknown } | undefined;
  if (!marker) return undefined;
  const index = responses.findIndex(([s]) => s === status);
  const response = responses[index]?.[1];
  const members = response?.kind === 'inline' ? response.schema.oneOf : undefined;
  const paged = typeof marker.paged === 'number' ? members?.[marker.paged] : undefined;
  const unpaged = typeof marker.unpaged === 'number' ? members?.[marker.unpaged] : undefined;
  if (typeof marker.parameter !== 'string' || paged?.type !== 'object' || unpaged?.type !== 'array') {
    throw new Error(
      `${operationId}: x-clerk-paginated needs { parameter, paged, unpaged } naming the object and the array member of an inline oneOf success response`,
    );
  }
  responses[index] = [status, { kind: 'inline', schema: unpaged }];
  return { paged: { parameter: marker.parameter, status, schema: paged }, unpaged };
}

/** Builds the operation list in spec order (paths, then get/post/put/patch/delete). */
export function buildOperationModel(doc: Doc, naming: NamingMap): OperationModel[] {
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    for (const verb of METHODS) {
      const op = pathItem[verb];
      if (!op) continue;
      const operationId: string | undefined = op.operationId;
      if (!operationId) throw new Error(`${verb.toUpperCase()} ${path} has no operationId`);
      const parameters = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveLocal(doc, p, 'parameters'));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      for (const name of pathParams) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
          throw new Error(`${operationId}: path parameter {${name}} is not declared`);
        }
      }
      const query: QueryParamModel[] = parameters
        .filter((p) => p.in === 'query')
        .map((p) => {
          if (p.style !== undefined && p.style !== 'form') throw new Error(`${operationId}: query style ${p.style} is not supported`);
          if (!p.name) throw new Error(`${operationId}: a query parameter has no name`);
          return { name: p.name, explode: p.explode ?? true, required: p.required === true, schema: p.schema as SchemaObject | undefined };
        });
      let body: OperationModel['body'];
      if (op.requestBody) {
        const requestBody = resolveLocal(doc, op.requestBody, 'requestBodies');
        const types = Object.keys(requestBody.content ?? {});
        const type = types.includes('application/json') ? 'json' : types.includes('multipart/form-data') ? 'multipart' : undefined;
        if (!type) throw new Error(`${operationId}: unsupported request body types ${types.join(', ')}`);
        const written = requestBody.content?.[type === 'json' ? 'application/json' : 'multipart/form-data']?.schema;
        const schema = resolveSchema(doc, written);
        body = { type, required: requestBody.required === true, hasRequiredFields: (schema?.required?.length ?? 0) > 0, schema: written };
      }
      if (body && query.length > 0) throw new Error(`${operationId}: has both a body and query parameters`);
      const responses = Object.entries(op.responses ?? {}).map(
        ([status, response]) => [status, responseModel(doc, response)] as [string, ResponseModel],
      );
      const successStatus = Object.keys(op.responses ?? {}).find((s) => /^2\d\d$/.test(s));
      const model: OperationModel = {
        operationId,
        namespace: namespaceOf({ operationId, group: op['x-speakeasy-group'] as string | undefined, tags: op.tags ?? [] }, naming),
        methodName: methodNameOf(operationId, naming),
        method: verb.toUpperCase() as HttpMethod,
        path,
        pathParams,
        query,
        responses,
      };
      if (body) model.body = body;
      const split = successStatus ? splitPagedResponse(operationId, op, responses, successStatus) : undefined;
      if (split) model.paged = split.paged;
      const successSchema = split
        ? resolveSchema(doc, split.unpaged)
        : successStatus
          ? responseSchema(doc, op.responses?.[successStatus])
          : undefined;
      const pagination = paginationOf(doc, query, successSchema);
      if (pagination) model.pagination = pagination;
      if (successStatus) model.successStatus = successStatus;
      operations.push(model);
    }
  }
  assertNoCollisions(operations);
  return operations;
}

/** The JSON body schema of component response `name`, or undefined when it documents no JSON body. */
export function componentResponseSchema(doc: Doc, name: string): SchemaObject | undefined {
  return doc.components?.responses?.[name]?.content?.['application/json']?.schema;
}
