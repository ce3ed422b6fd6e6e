// Prints a validation tree (schema-node.ts) as the source text of a zod v4 expression.
import { propertyKey, toSchemaNode, type SchemaNode, type SchemaObject } from './schema-node.js';

export { componentName, isOpenEnum, propertyKey, type SchemaObject } from './schema-node.js';

export interface ZodExpressionContext {
  /** Source text referring to the validator of component schema `name` (e.g. `s_User()`). */
  ref(name: string): string;
}

/** Name of the shared validator for free-form JSON objects, defined once in the generated module. */
export const ANY_OBJECT = 'anyObject';

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
      throw new Error('file nodes come only from request params, which this printer never reads');
    case 'anyObject':
      // A free-form object (metadata bags): one type check, no per-key copy as z.record would make.
      return `${ANY_OBJECT}()`;
    case 'array':
      return `z.array(${printNullable(node.items, context)})`;
    case 'record':
      return `z.record(z.string(), ${printNullable(node.values, context)})`;
    case 'object': {
      const shape = node.properties
        .map(({ key, node: property, required }) => {
          const value = printNullable(property, context);
          // exactOptional: JSON has no `undefined`, and the types say `key?: T` (exactOptionalPropertyTypes).
          return `${propertyKey(key)}: ${required ? value : `z.exactOptional(${value})`}`;
        })
        .join(', ');
      if (node.extra) return `z.catchall(z.object({ ${shape} }), ${printNullable(node.extra, context)})`;
      return `z.looseObject({ ${shape} })`;
    }
  }
}

function printNullable(node: SchemaNode, context: ZodExpressionContext): string {
  const expression = print(node, context);
  return node.nullable ? `z.nullable(${expression})` : expression;
}

/** The zod v4 source expression for `schema`. */
export function zodExpression(schema: SchemaObject, context: ZodExpressionContext): string {
  return printNullable(toSchemaNode(schema), context);
}

/** The zod v4 source expression for a validation tree already read from the spec. */
export function zodExpressionOf(node: SchemaNode, context: ZodExpressionContext): string {
  return printNullable(node, context);
}
