// Turns one OpenAPI 3.0 schema object into the source text of an equivalent zod v4 expression.
// Validation policy (why it is lenient where it is):
// - objects are loose (unknown properties are kept), because Clerk adds fields without a new version;
// - string formats and patterns are not checked, because the API's data is authoritative, not the spec's prose;
// - enums marked `x-speakeasy-unknown-values: allow` accept any string (open enums);
// - integers, int64 included, stay plain `number` (a timestamp in ms is a safe integer; no bigint).

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

export interface ZodExpressionContext {
  /** Source text referring to the validator of component schema `name` (e.g. `s.User()`). */
  ref(name: string): string;
}

const REF_PREFIX = '#/components/schemas/';

/** Name of the shared validator for free-form JSON objects, defined once in the generated module. */
export const ANY_OBJECT = 'anyObject';

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

function withNullable(expression: string, schema: SchemaObject): string {
  return schema.nullable === true ? `${expression}.nullable()` : expression;
}

function union(members: string[]): string {
  if (members.length === 1) return members[0]!;
  return `z.union([${members.join(', ')}])`;
}

function enumExpression(schema: SchemaObject): string {
  const values = schema.enum ?? [];
  const nonNull = values.filter((v) => v !== null);
  const hasNull = nonNull.length !== values.length;
  let expression: string;
  if (isOpenEnum(schema) && nonNull.every((v) => typeof v === 'string')) {
    expression = 'z.string()';
  } else if (nonNull.length > 0 && nonNull.every((v) => typeof v === 'string')) {
    expression = `z.enum([${nonNull.map((v) => JSON.stringify(v)).join(', ')}])`;
  } else {
    expression = union(nonNull.map((v) => `z.literal(${JSON.stringify(v)})`));
  }
  return hasNull && schema.nullable !== true ? `${expression}.nullable()` : withNullable(expression, schema);
}

function objectExpression(schema: SchemaObject, context: ZodExpressionContext): string {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const extra = schema.additionalProperties;
  const extraSchema = typeof extra === 'object' && Object.keys(extra).length > 0 ? extra : undefined;
  if (properties.length === 0) {
    // A free-form object (metadata bags): one type check, no per-key copy as z.record would make.
    if (!extraSchema) return `${ANY_OBJECT}()`;
    return `z.record(z.string(), ${zodExpression(extraSchema, context)})`;
  }
  const shape = properties
    .map(([key, property]) => {
      const value = zodExpression(property, context);
      // exactOptional: JSON has no `undefined`, and the types say `key?: T` (exactOptionalPropertyTypes).
      return `${propertyKey(key)}: ${required.has(key) ? value : `${value}.exactOptional()`}`;
    })
    .join(', ');
  if (extraSchema) return `z.object({ ${shape} }).catchall(${zodExpression(extraSchema, context)})`;
  return `z.looseObject({ ${shape} })`;
}

/** The zod v4 source expression for `schema`. */
export function zodExpression(schema: SchemaObject, context: ZodExpressionContext): string {
  if (schema.$ref) return context.ref(componentName(schema.$ref));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const members = alternatives.map((alt) => zodExpression(alt, context));
    const discriminator = schema.discriminator as { propertyName?: string } | undefined;
    // A discriminated union picks its branch by one property read instead of trying every branch.
    if (discriminator?.propertyName && members.length > 1 && alternatives.every((alt) => alt.$ref)) {
      return withNullable(`z.discriminatedUnion(${JSON.stringify(discriminator.propertyName)}, [${members.join(', ')}])`, schema);
    }
    return withNullable(union(members), schema);
  }
  if (schema.allOf) {
    // A `required` list beside `allOf` applies to the properties its parts define (as openapi-typescript reads it).
    const outerRequired = schema.required ?? [];
    const parts = schema.allOf.map((part) => {
      const inherited = outerRequired.filter((name) => part.properties && name in part.properties);
      const withRequired = inherited.length > 0 ? { ...part, required: [...(part.required ?? []), ...inherited] } : part;
      return zodExpression(withRequired, context);
    });
    const joined = parts.slice(1).reduce((acc, part) => `z.intersection(${acc}, ${part})`, parts[0]!);
    return withNullable(joined, schema);
  }
  if (schema.enum) return enumExpression(schema);
  switch (schema.type) {
    case 'string':
      return withNullable('z.string()', schema);
    case 'integer':
    case 'number':
      return withNullable('z.number()', schema);
    case 'boolean':
      return withNullable('z.boolean()', schema);
    case 'array':
      return withNullable(`z.array(${schema.items ? zodExpression(schema.items, context) : 'z.unknown()'})`, schema);
    case 'object':
      return withNullable(objectExpression(schema, context), schema);
    case undefined:
      if (schema.properties || schema.additionalProperties) return withNullable(objectExpression(schema, context), schema);
      // No type: any JSON value (including null).
      return 'z.unknown()';
    default:
      throw new Error(`unsupported schema type ${JSON.stringify(schema.type)}`);
  }
}
