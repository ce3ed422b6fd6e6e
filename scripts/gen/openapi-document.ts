// The slice of an OpenAPI 3.0 document the generator reads, typed: what used to be `Record<string, any>`.
import type { SchemaObject } from './schema-node.js';

/** A media type entry (`content['application/json']`). */
export interface MediaTypeObject {
  schema?: SchemaObject;
  [key: string]: unknown;
}

/** A response object, or a `$ref` to one in `components.responses`. */
export interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaTypeObject>;
  [key: string]: unknown;
}

/** A parameter object, or a `$ref` to one in `components.parameters`. */
export interface ParameterObject {
  $ref?: string;
  name?: string;
  in?: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: SchemaObject;
  [key: string]: unknown;
}

/** A request body object, or a `$ref` to one in `components.requestBodies`. */
export interface RequestBodyObject {
  $ref?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
  [key: string]: unknown;
}

/** One operation; `x-*` extensions (`x-speakeasy-group`, `x-clerk-paginated`) stay reachable by index. */
export interface OperationObject {
  operationId?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  [key: string]: unknown;
}

/** A path item: its operations by lower-case verb, and parameters shared by them. */
export interface PathItemObject {
  parameters?: ParameterObject[];
  get?: OperationObject;
  post?: OperationObject;
  put?: OperationObject;
  patch?: OperationObject;
  delete?: OperationObject;
  [key: string]: unknown;
}

/**
 * A parsed (and repaired) OpenAPI 3.0 document, as far as the generator reads it.
 *
 * @example
 * const doc = (await loadBapiSpec('2026-05-12')).document as OpenApiDocument;
 */
export interface OpenApiDocument {
  paths?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    responses?: Record<string, ResponseObject>;
    parameters?: Record<string, ParameterObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
