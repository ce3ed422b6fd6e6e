// Prints a validation tree (schema-node.ts) as the source text of a zod v4 expression (the classic API, so that
// the schemas of `clerk-bapi/zod` have `.pick()`, `.extend()`, `.parse()`…).
import { propertyKey, type SchemaNode } from './schema-node.js';

export { componentName, isOpenEnum, propertyKey, type SchemaObject } from './schema-node.js';

export interface ZodExpressionContext {
  /** Source text referring to the schema of component schema `name` (e.g. `s_User`). */
  ref(name: string): string;
  /**
   * How the tree was read: `response` (an absent key is absent, never `undefined`) or `request` (a key whose
   * value is `undefined` counts as absent, as the params check and JSON.stringify read it).
   */
  mode?: 'response' | 'request';
  /**
   * Source text of the zod type of component schema `name` (e.g. `typeof s_User`), for {@link zodTypeOf}; without
   * it, `typeof` of {@link ref}'s text.
   */
  refType?(name: string): string;
}

/** Name of the shared schema for free-form JSON objects, defined once in the generated module. */
export const ANY_OBJECT = 'anyObject';
/** Name of the shared schema for uploads (`Blob | Uint8Array`), defined once in the generated module. */
export const FILE = 'file';

function union(members: string[]): string {
  return members.length === 1 ? members[0]! : `z.union([${members.join(', ')}])`;
}

function print(node: SchemaNode, context: ZodExpressionContext): string {
  switch (node.kind) {
    case 'ref':
      return context.ref(node.name);
    case 'union': {
      const members = node.members.map((member) => printNullable(member, context));
      // A tag that is present picks its variant by one property read; an absent tag (real responses omit
      // `object` on verifications) falls back to the first variant whose shape matches.
      if (node.discriminator) {
        return `z.discriminatedUnion(${JSON.stringify(node.discriminator)}, [${members.join(', ')}], { unionFallback: true })`;
      }
      return union(members);
    }
    case 'intersection': {
      const parts = node.parts.map((part) => printNullable(part, context));
      return parts.slice(1).reduce((acc, part) => `z.intersection(${acc}, ${part})`, parts[0]!);
    }
    case 'enum':
      return `z.enum([${node.values.map((v) => JSON.stringify(v)).join(', ')}])`;
    case 'literals':
      return union(node.values.map((v) => `z.literal(${JSON.stringify(v)})`));
    case 'string':
    case 'number':
    case 'boolean':
    case 'unknown':
      return `z.${node.kind}()`;
    case 'file':
      return FILE;
    case 'anyObject':
      // A free-form object (metadata bags): one type check, no per-key copy as z.record would make.
      return ANY_OBJECT;
    case 'array':
      return `z.array(${printNullable(node.items, context)})`;
    case 'record':
      return `z.record(z.string(), ${printNullable(node.values, context)})`;
    case 'object': {
      // exactOptional for responses: JSON has no `undefined`, and the types say `key?: T` (exactOptionalPropertyTypes).
      const optional = context.mode === 'request' ? 'z.optional' : 'z.exactOptional';
      const shape = node.properties
        .map(({ key, node: property, required }) => {
          const value = printNullable(property, context);
          return `${propertyKey(key)}: ${required ? value : `${optional}(${value})`}`;
        })
        .join(', ');
      if (node.extra) return `z.object({ ${shape} }).catchall(${printNullable(node.extra, context)})`;
      return node.closed ? `z.strictObject({ ${shape} })` : `z.looseObject({ ${shape} })`;
    }
  }
}

function printNullable(node: SchemaNode, context: ZodExpressionContext): string {
  const expression = print(node, context);
  return node.nullable ? `z.nullable(${expression})` : expression;
}

/** The zod v4 source expression for a validation tree already read from the spec. */
export function zodExpressionOf(node: SchemaNode, context: ZodExpressionContext): string {
  return printNullable(node, context);
}

/** The members of a zod tuple type, readonly as `z.union` infers them (a `const` type parameter). */
function tupleType(members: string[], readonly: boolean): string {
  return `${readonly ? 'readonly ' : ''}[${members.join(', ')}]`;
}

function printType(node: SchemaNode, context: ZodExpressionContext): string {
  switch (node.kind) {
    case 'ref':
      return context.refType ? context.refType(node.name) : `typeof ${context.ref(node.name)}`;
    case 'union': {
      const members = node.members.map((member) => printNullableType(member, context));
      if (node.discriminator) return `z.ZodDiscriminatedUnion<${tupleType(members, false)}, ${JSON.stringify(node.discriminator)}>`;
      return members.length === 1 ? members[0]! : `z.ZodUnion<${tupleType(members, true)}>`;
    }
    case 'intersection': {
      const parts = node.parts.map((part) => printNullableType(part, context));
      return parts.slice(1).reduce((acc, part) => `z.ZodIntersection<${acc}, ${part}>`, parts[0]!);
    }
    case 'enum':
      return `z.ZodEnum<{ ${node.values.map((v) => `${propertyKey(v)}: ${JSON.stringify(v)}`).join('; ')} }>`;
    case 'literals': {
      const members = node.values.map((v) => `z.ZodLiteral<${JSON.stringify(v)}>`);
      return members.length === 1 ? members[0]! : `z.ZodUnion<${tupleType(members, true)}>`;
    }
    case 'string':
      return 'z.ZodString';
    case 'number':
      return 'z.ZodNumber';
    case 'boolean':
      return 'z.ZodBoolean';
    case 'unknown':
      return 'z.ZodUnknown';
    case 'file':
      return `typeof ${FILE}`;
    case 'anyObject':
      return `typeof ${ANY_OBJECT}`;
    case 'array':
      return `z.ZodArray<${printNullableType(node.items, context)}>`;
    case 'record':
      return `z.ZodRecord<z.ZodString, ${printNullableType(node.values, context)}>`;
    case 'object': {
      const optional = context.mode === 'request' ? 'z.ZodOptional' : 'z.ZodExactOptional';
      const shape = node.properties
        .map(({ key, node: property, required }) => {
          const value = printNullableType(property, context);
          return `${propertyKey(key)}: ${required ? value : `${optional}<${value}>`}`;
        })
        .join('; ');
      const config = node.extra
        ? `z.core.$catchall<${printNullableType(node.extra, context)}>`
        : node.closed
          ? 'z.core.$strict'
          : 'z.core.$loose';
      return `z.ZodObject<{ ${shape} }, ${config}>`;
    }
  }
}

function printNullableType(node: SchemaNode, context: ZodExpressionContext): string {
  const type = printType(node, context);
  return node.nullable ? `z.ZodNullable<${type}>` : type;
}

/**
 * The zod v4 type of {@link zodExpressionOf}'s expression for the same tree, written out so that the schema's
 * declaration names the schemas it refers to (`typeof s_User`) instead of repeating their inferred types: the
 * declarations of `clerk-bapi/zod` stay about the size of the source (an inferred type inlines every referenced
 * schema at every use). The compiler checks that each expression is assignable to its written type.
 *
 * @example
 * `export const s_User: ${zodTypeOf(node, context)} = ${zodExpressionOf(node, context)};`
 */
export function zodTypeOf(node: SchemaNode, context: ZodExpressionContext): string {
  return printNullableType(node, context);
}
