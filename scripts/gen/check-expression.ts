// Prints a validation tree (schema-node.ts) as allocation-free JavaScript predicates: the client's fast path.
// They accept exactly what the zod validators accept (test/generator/fast-checks.test.ts compares both on
// valid and mutated payloads, and the shapes of src/generated/shapes.ts with them); when a check says no, the
// client walks the shape, which explains why.
import type { SchemaNode } from './schema-node.js';

export interface CheckContext {
  /** Source text calling the check of component schema `name` on `value`. */
  ref(name: string, value: string): string;
  /** Hoists a predicate body over `v` into a named top-level function and returns its name. */
  hoist(body: string): string;
  /** Hoists a constant expression (built once at module load) and returns its name. */
  constant(expression: string): string;
}

function access(value: string, key: string): string {
  return `${value}[${JSON.stringify(key)}]`;
}

function oneOfValues(values: Array<string | number | boolean>, value: string): string {
  return `(${values.map((v) => `${value} === ${JSON.stringify(v)}`).join(' || ')})`;
}

function objectBody(node: Extract<SchemaNode, { kind: 'object' }>, context: CheckContext): string {
  const conditions = node.properties.flatMap(({ key, node: property, required }) => {
    const inObject = `${JSON.stringify(key)} in v`;
    const check = checkExpression(property, access('v', key), context);
    // Like zod: presence is `key in v`, and an absent optional key is fine.
    if (required) return check === 'true' ? [inObject] : [check];
    return check === 'true' ? [] : [`(!(${inObject}) || ${check})`];
  });
  if (node.extra) {
    const declared = context.constant(`new Set([${node.properties.map(({ key }) => JSON.stringify(key)).join(', ')}])`);
    conditions.push(`everyExtra(v, ${declared}, ${context.hoist(checkExpression(node.extra, 'v', context))})`);
  }
  return `isObject(v)${conditions.map((c) => ` && ${c}`).join('')}`;
}

function bare(node: SchemaNode, value: string, context: CheckContext): string {
  switch (node.kind) {
    case 'ref':
      return context.ref(node.name, value);
    case 'union':
      // Discriminated or not, a union accepts what one of its members accepts.
      return `${context.hoist(node.members.map((m) => checkExpression(m, 'v', context)).join(' || '))}(${value})`;
    case 'intersection':
      return `${context.hoist(node.parts.map((p) => checkExpression(p, 'v', context)).join(' && '))}(${value})`;
    case 'enum':
    case 'literals':
      return oneOfValues(node.values, value);
    case 'string':
    case 'boolean':
      return `typeof ${value} === '${node.kind}'`;
    case 'number':
      // z.number() refuses NaN and ±Infinity.
      return `Number.isFinite(${value})`;
    case 'unknown':
      return 'true';
    case 'file':
      throw new Error('file nodes come only from request params, which this printer never reads');
    case 'anyObject':
      return `isObject(${value})`;
    case 'array':
      return `everyItem(${value}, ${context.hoist(checkExpression(node.items, 'v', context))})`;
    case 'record':
      return `everyValue(${value}, ${context.hoist(checkExpression(node.values, 'v', context))})`;
    case 'object':
      return `${context.hoist(objectBody(node, context))}(${value})`;
  }
}

/** A boolean JavaScript expression: does `value` pass `node`? */
export function checkExpression(node: SchemaNode, value: string, context: CheckContext): string {
  const expression = bare(node, value, context);
  if (!node.nullable) return expression;
  return expression === 'true' ? 'true' : `(${value} === null || ${expression})`;
}
