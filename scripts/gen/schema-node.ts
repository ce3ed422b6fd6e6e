// Reads one OpenAPI 3.0 schema object into a small validation tree. Both printers (zod, and the
// shapes the runtime walks) print this same tree, so they cannot read the spec differently.
// Validation policy (why it is lenient where it is):
// - objects are loose (unknown properties are kept), because Clerk adds fields without a new version;
// - string formats and patterns are not checked, because the API's data is authoritative, not the spec's prose;
// - enums marked `x-speakeasy-unknown-values: allow` accept any string (open enums);
// - integers, int64 included, stay plain `number` (a timestamp in ms is a safe integer; no bigint).
// Request params are read as strictly as their generated types instead (`mode: 'request'`): an object without
// `additionalProperties` is closed, every enum is exact, and `format: binary` is a file (`Blob | Uint8Array`).

export interface SchemaObject {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  'x-speakeasy-unknown-values'?: string;
  [key: string]: unknown;
}

export interface ObjectProperty {
  key: string;
  node: SchemaNode;
  required: boolean;
}

/** A validation tree node; `nullable` adds `null` to what the node accepts. */
export type SchemaNode = { nullable: boolean } & (
  | { kind: 'ref'; name: string }
  | { kind: 'union'; members: SchemaNode[]; discriminator?: string }
  | { kind: 'intersection'; parts: SchemaNode[] }
  | { kind: 'enum'; values: string[] }
  | { kind: 'literals'; values: Array<string | number | boolean> }
  | { kind: 'string' | 'number' | 'boolean' | 'unknown' | 'anyObject' | 'file' }
  | { kind: 'array'; items: SchemaNode }
  | { kind: 'object'; properties: ObjectProperty[]; extra?: SchemaNode; closed?: true }
  | { kind: 'record'; values: SchemaNode }
);

/** How a schema is read: response bodies leniently, request params as strictly as their types (see above). */
export type ReadMode = 'response' | 'request';

const REF_PREFIX = '#/components/schemas/';

/** The component name of a `$ref`, or an error for refs outside components/schemas. */
export function componentName(ref: string): string {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(REF_PREFIX.length);
}

/** A JavaScript property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** `true` when the enum is open (the spec allows values it does not list). */
export function isOpenEnum(schema: SchemaObject): boolean {
  return schema['x-speakeasy-unknown-values'] === 'allow';
}

function enumNode(schema: SchemaObject, mode: ReadMode): SchemaNode {
  const values = schema.enum ?? [];
  const nonNull = values.filter((v) => v !== null);
  // `null` listed among the values means nullable, whatever `nullable` says.
  const nullable = schema.nullable === true || nonNull.length !== values.length;
  const allStrings = nonNull.every((v) => typeof v === 'string');
  if (mode === 'response' && isOpenEnum(schema) && allStrings) return { kind: 'string', nullable };
  if (nonNull.length > 0 && allStrings) return { kind: 'enum', values: nonNull as string[], nullable };
  return { kind: 'literals', values: nonNull as Array<string | number | boolean>, nullable };
}

function objectNode(schema: SchemaObject, nullable: boolean, mode: ReadMode): SchemaNode {
  const required = new Set(schema.required ?? []);
  const extra = schema.additionalProperties;
  const extraSchema = typeof extra === 'object' && Object.keys(extra).length > 0 ? extra : undefined;
  const properties = Object.entries(schema.properties ?? {}).map(([key, property]) => ({
    key,
    node: toSchemaNode(property, mode),
    required: required.has(key),
  }));
  if (properties.length === 0) {
    return extraSchema ? { kind: 'record', values: toSchemaNode(extraSchema, mode), nullable } : { kind: 'anyObject', nullable };
  }
  if (extraSchema) return { kind: 'object', properties, extra: toSchemaNode(extraSchema, mode), nullable };
  // The generated types accept other keys only where `additionalProperties` is set.
  const closed = mode === 'request' && (extra === undefined || extra === false);
  return closed ? { kind: 'object', properties, nullable, closed } : { kind: 'object', properties, nullable };
}

/** The validation tree of `schema`, read as a response body (the default) or as request params. */
export function toSchemaNode(schema: SchemaObject, mode: ReadMode = 'response'): SchemaNode {
  const nullable = schema.nullable === true;
  if (schema.$ref) return { kind: 'ref', name: componentName(schema.$ref), nullable: false };
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const members = alternatives.map((alternative) => toSchemaNode(alternative, mode));
    const discriminator = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (discriminator && members.length > 1 && alternatives.every((alt) => alt.$ref)) {
      return { kind: 'union', members, discriminator, nullable };
    }
    return { kind: 'union', members, nullable };
  }
  if (schema.allOf) {
    // A `required` list beside `allOf` applies to the properties its parts define (as openapi-typescript reads it).
    const outerRequired = schema.required ?? [];
    const parts = schema.allOf.map((part) => {
      const inherited = outerRequired.filter((name) => part.properties && name in part.properties);
      return toSchemaNode(inherited.length > 0 ? { ...part, required: [...(part.required ?? []), ...inherited] } : part, mode);
    });
    return { kind: 'intersection', parts, nullable };
  }
  if (schema.enum) return enumNode(schema, mode);
  switch (schema.type) {
    case 'string':
      return mode === 'request' && schema['format'] === 'binary' ? { kind: 'file', nullable } : { kind: 'string', nullable };
    case 'integer':
    case 'number':
      return { kind: 'number', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'array':
      return { kind: 'array', items: schema.items ? toSchemaNode(schema.items, mode) : { kind: 'unknown', nullable: false }, nullable };
    case 'object':
      return objectNode(schema, nullable, mode);
    case undefined:
      if (schema.properties || schema.additionalProperties) return objectNode(schema, nullable, mode);
      // No type: any JSON value (including null).
      return { kind: 'unknown', nullable: false };
    default:
      throw new Error(`unsupported schema type ${JSON.stringify(schema.type)}`);
  }
}
