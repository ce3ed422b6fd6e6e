// Emits request-shapes.ts: the keys each request body may have, so the client refuses unknown ones before sending.
import type { OperationModel } from './operation-model.js';
import { propertyKey, type SchemaObject } from './zod-expression.js';

/**
 * The keys a body may carry: an object of key → nested shape (0 = not checked further: scalars, free-form
 * objects, unions), or a one-element array holding the shape of every item. Mirrors `RequestShape` in
 * src/core/unknown-params.ts.
 */
export type RequestShape = { [key: string]: RequestShape | 0 } | [RequestShape];

type Doc = Record<string, any>;
const MAX_DEPTH = 8;

function resolve(doc: Doc, schema: SchemaObject | undefined): SchemaObject | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref !== undefined && hops < 32; hops++) {
    current = doc['components']?.schemas?.[current.$ref.split('/').pop() as string];
  }
  if (current?.allOf?.length === 1 && Object.keys(current).length === 1) return resolve(doc, current.allOf[0]);
  return current;
}

/**
 * The shape of a schema, or 0 when its keys are open: the generated types accept any key exactly where
 * the schema has no fixed property list (additionalProperties, free-form objects) or is a composition.
 */
export function shapeOf(doc: Doc, schema: SchemaObject | undefined, depth = 0): RequestShape | 0 {
  const resolved = resolve(doc, schema);
  if (resolved === undefined || depth > MAX_DEPTH) return 0;
  if (resolved.oneOf || resolved.anyOf || resolved.allOf) return 0;
  if (resolved.type === 'array') {
    const items = shapeOf(doc, resolved.items, depth + 1);
    return items === 0 ? 0 : [items];
  }
  const properties = resolved.properties;
  if (properties === undefined || Object.keys(properties).length === 0) return 0;
  if (resolved.additionalProperties !== undefined && resolved.additionalProperties !== false) return 0;
  const shape: Record<string, RequestShape | 0> = {};
  for (const [key, property] of Object.entries(properties)) shape[key] = shapeOf(doc, property, depth + 1);
  return shape;
}

function bodySchema(doc: Doc, operation: Doc): SchemaObject | undefined {
  let requestBody = operation['requestBody'];
  if (typeof requestBody?.$ref === 'string') requestBody = doc['components']?.requestBodies?.[requestBody.$ref.split('/').pop()];
  const content = requestBody?.content ?? {};
  return (content['application/json'] ?? content['multipart/form-data'])?.schema;
}

/**
 * The source of request-shapes.ts (no banner): operationId → body shape, for every operation with a body,
 * and operationId → the top-level fields an object body must have.
 */
export function emitRequestShapes(doc: Doc, operations: OperationModel[]): string {
  const shapes: string[] = [];
  const required: string[] = [];
  for (const op of operations) {
    if (!op.body) continue;
    const schema = bodySchema(doc, doc['paths']?.[op.path]?.[op.method.toLowerCase()]);
    shapes.push(`  ${propertyKey(op.operationId)}: ${JSON.stringify(shapeOf(doc, schema))},`);
    const fields = resolve(doc, schema)?.required ?? [];
    if (fields.length > 0) required.push(`  ${propertyKey(op.operationId)}: ${JSON.stringify(fields)},`);
  }
  return [
    "import type { RequestShape } from '../core/unknown-params.js';",
    '',
    '/** operationId → the keys its body may have (0: not checked); operations without a body are absent. */',
    'export const requestShapes: Readonly<Record<string, RequestShape | 0>> = {',
    ...shapes,
    '};',
    '',
    '/** operationId → the top-level fields its body must have, when it has any. */',
    'export const requiredBodyFields: Readonly<Record<string, readonly string[]>> = {',
    ...required,
    '};',
    '',
  ].join('\n');
}
