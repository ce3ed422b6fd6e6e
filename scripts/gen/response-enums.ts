// Opens every string enum that appears in a response: Clerk adds values (strategies, statuses) without a new API
// version, and one unknown value must not turn a whole page into an error. The validators then accept any string
// there and the types read `'a' | 'b' | (string & {})`. Request enums stay closed, and so do the `object`
// constants that name a resource (they pick union variants, so they must stay exact).
import type { OpenApiDocument } from './openapi-document.js';
import type { SchemaObject } from './schema-node.js';

type Doc = OpenApiDocument;
const SCHEMA_PREFIX = '#/components/schemas/';
const RESPONSE_PREFIX = '#/components/responses/';
/** Keys whose values are data, not schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-speakeasy-name-override']);

function* childSchemas(node: unknown): Generator<[key: string | undefined, child: unknown]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield [undefined, item];
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYS.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value)) yield [name, property];
    } else yield [undefined, value];
  }
}

/** Names of the component schemas reachable (through `$ref`) from `roots`. */
function reachableSchemas(doc: Doc, roots: unknown[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(SCHEMA_PREFIX)) {
      const name = ref.slice(SCHEMA_PREFIX.length);
      if (!seen.has(name)) {
        seen.add(name);
        stack.push(doc.components?.schemas?.[name]);
      }
      continue;
    }
    if (typeof ref === 'string' && ref.startsWith(RESPONSE_PREFIX)) {
      stack.push(doc.components?.responses?.[ref.slice(RESPONSE_PREFIX.length)]);
      continue;
    }
    for (const [, child] of childSchemas(node)) stack.push(child);
  }
  return seen;
}

function openEnumsIn(node: unknown, propertyName: string | undefined, opened: Set<object>): void {
  if (!node || typeof node !== 'object' || opened.has(node) || (node as { $ref?: unknown }).$ref) return;
  opened.add(node);
  const schema = node as SchemaObject;
  const values = Array.isArray(schema.enum) ? schema.enum.filter((value) => value !== null) : [];
  if (propertyName !== 'object' && values.length > 0 && values.every((value) => typeof value === 'string')) {
    schema['x-speakeasy-unknown-values'] = 'allow';
  }
  for (const [key, child] of childSchemas(node)) openEnumsIn(child, key, opened);
}

/**
 * Marks every string enum reachable from a response (inline or through component schemas and responses) as open
 * (`x-speakeasy-unknown-values: allow`), except `object` properties; returns the component schemas it walked.
 *
 * @example
 * openResponseEnums(document); // before emitting types, validators and checks
 */
export function openResponseEnums(doc: Doc): Set<string> {
  const roots: unknown[] = [doc.components?.responses];
  for (const pathItem of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const responses = (operation as { responses?: unknown } | undefined)?.responses;
      if (responses) roots.push(responses);
    }
  }
  const names = reachableSchemas(doc, roots);
  const opened = new Set<object>();
  for (const root of roots) openEnumsIn(root, undefined, opened);
  for (const name of names) openEnumsIn(doc.components?.schemas?.[name], undefined, opened);
  return names;
}
