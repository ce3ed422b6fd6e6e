// Builds valid call arguments for an operation from the repaired spec itself: required path, query
// and body fields, from examples, enums, formats and patterns. Deterministic (no randomness).
import type { OperationDef } from '../../src/client/operation.js';

type Doc = Record<string, any>;
type Schema = Record<string, any>;

export interface OperationArguments {
  /** Positional path values, in `def.pathParams` order. */
  pathValues: string[];
  /** Query object (required params only), the body (an object, or an array for bulk operations), or `undefined`. */
  params: Record<string, unknown> | unknown[] | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The spec's operation object for `def`, with its path item. */
export function specOperation(doc: Doc, def: OperationDef): { pathItem: Schema; operation: Schema } {
  const pathItem = doc.paths?.[def.path];
  const operation = pathItem?.[def.method.toLowerCase()];
  if (!operation || operation.operationId !== def.operationId) {
    throw new Error(`${def.operationId}: ${def.method} ${def.path} is not in the spec`);
  }
  return { pathItem, operation };
}

/** Every operationId of the spec, in spec order (to cross-check the generated table). */
export function specOperationIds(doc: Doc): string[] {
  const ids: string[] = [];
  for (const pathItem of Object.values<Schema>(doc.paths ?? {})) {
    for (const verb of METHODS) if (pathItem[verb]) ids.push(pathItem[verb].operationId);
  }
  return ids;
}

function deref(doc: Doc, node: any): any {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${node.$ref}`);
    const parts = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = parts.reduce((at: any, key: string) => at?.[key], doc);
    if (current === undefined) throw new Error(`dangling $ref ${node.$ref}`);
  }
  return current;
}

/** Documented 4xx statuses of an operation that have a JSON body (for `Prefer: code=`). */
export function documentedErrorStatuses(doc: Doc, def: OperationDef): number[] {
  const { operation } = specOperation(doc, def);
  return Object.entries<any>(operation.responses ?? {})
    .filter(([status, response]) => /^4\d\d$/.test(status) && deref(doc, response)?.content?.['application/json'])
    .map(([status]) => Number(status));
}

// ---------------------------------------------------------------------------------------------
// Strings from patterns: a tiny generator for the regex subset the spec uses (anchors, literals,
// escapes \w \d \S, classes [..] and [^..], groups (…|…) and (?:…), quantifiers ? * + {n} {n,m}).
// It picks the first alternative and the smallest count ≥ 1, and the result is checked against
// the real RegExp so that an unsupported construct fails loudly instead of sending garbage.

interface Cursor {
  src: string;
  i: number;
}

function classFirst(body: string, negated: boolean): string {
  const members: Array<[string, string]> = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\') {
      const e = body[++i]!;
      if (e === 'w') members.push(['a', 'z'], ['A', 'Z'], ['0', '9'], ['_', '_']);
      else if (e === 'd') members.push(['0', '9']);
      else if (e === 'S') members.push(['a', 'z']);
      else members.push([e, e]);
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      members.push([c, body[i + 2]!]);
      i += 2;
    } else {
      members.push([c, c]);
    }
  }
  if (!negated) return members[0]![0];
  const excluded = (ch: string) => members.some(([lo, hi]) => ch >= lo && ch <= hi);
  for (const candidate of 'abcxyzABC0123') if (!excluded(candidate)) return candidate;
  throw new Error(`cannot satisfy negated class [^${body}]`);
}

function parseAlternatives(cur: Cursor): string {
  const alternatives: string[] = [parseSequence(cur)];
  while (cur.src[cur.i] === '|') {
    cur.i++;
    alternatives.push(parseSequence(cur));
  }
  return alternatives[0]!;
}

function parseSequence(cur: Cursor): string {
  let out = '';
  while (cur.i < cur.src.length && cur.src[cur.i] !== '|' && cur.src[cur.i] !== ')') {
    const atom = parseAtom(cur);
    out += applyQuantifier(cur, atom);
  }
  return out;
}

function parseAtom(cur: Cursor): string {
  const c = cur.src[cur.i++]!;
  switch (c) {
    case '^':
    case '$':
      return '';
    case '.':
      return 'a';
    case '\\': {
      const e = cur.src[cur.i++]!;
      if (e === 'w' || e === 'S') return 'a';
      if (e === 'd') return '1';
      if (e === 's') return ' ';
      return e;
    }
    case '[': {
      const negated = cur.src[cur.i] === '^';
      if (negated) cur.i++;
      let body = '';
      while (cur.src[cur.i] !== ']') {
        if (cur.src[cur.i] === '\\') body += cur.src[cur.i++];
        body += cur.src[cur.i++];
        if (cur.i >= cur.src.length) throw new Error('unterminated character class');
      }
      cur.i++;
      return classFirst(body, negated);
    }
    case '(': {
      if (cur.src.startsWith('?:', cur.i)) cur.i += 2;
      const inner = parseAlternatives(cur);
      if (cur.src[cur.i++] !== ')') throw new Error('unbalanced group');
      return inner;
    }
    default:
      return c;
  }
}

function applyQuantifier(cur: Cursor, atom: string): string {
  const q = cur.src[cur.i];
  if (q === '?' || q === '*' || q === '+') {
    cur.i++;
    return atom;
  }
  if (q === '{') {
    const end = cur.src.indexOf('}', cur.i);
    const [min] = cur.src.slice(cur.i + 1, end).split(',');
    cur.i = end + 1;
    return atom.repeat(Math.max(1, Number(min)));
  }
  return atom;
}

/** A string matching `pattern` (subset above); throws when it cannot produce one. */
export function stringForPattern(pattern: string): string {
  const cur: Cursor = { src: pattern, i: 0 };
  const value = parseAlternatives(cur);
  if (cur.i !== pattern.length) throw new Error(`unsupported pattern ${pattern}`);
  if (!new RegExp(pattern, 'u').test(value)) throw new Error(`generated ${JSON.stringify(value)} does not match ${pattern}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Values from schemas.

const FORMAT_VALUES: Record<string, string> = {
  email: 'contract-test@example.com',
  'date-time': '2026-01-02T03:04:05Z',
  date: '2026-01-02',
  uri: 'https://example.com/contract-test',
  url: 'https://example.com/contract-test',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
};

export interface BuildContext {
  doc: Doc;
  /** Multipart bodies: `format: binary` strings become Blobs. */
  multipart: boolean;
}

function mergeAllOf(ctx: BuildContext, schema: Schema): Schema {
  const merged: Schema = { ...schema };
  delete merged.allOf;
  for (const part of schema.allOf as Schema[]) {
    const resolved = resolveSchema(ctx, part);
    merged.type ??= resolved.type;
    merged.properties = { ...(resolved.properties ?? {}), ...(merged.properties ?? {}) };
    merged.required = [...new Set([...(merged.required ?? []), ...(resolved.required ?? [])])];
    for (const key of ['enum', 'format', 'pattern', 'items', 'minItems', 'minimum', 'maximum', 'example', 'oneOf', 'anyOf']) {
      if (merged[key] === undefined && resolved[key] !== undefined) merged[key] = resolved[key];
    }
  }
  return merged;
}

function resolveSchema(ctx: BuildContext, node: Schema | undefined): Schema {
  const schema = deref(ctx.doc, node ?? {}) as Schema;
  return Array.isArray(schema.allOf) ? mergeAllOf(ctx, schema) : schema;
}

function stringValue(ctx: BuildContext, schema: Schema, hint: string): unknown {
  if (schema.format === 'binary') {
    return ctx.multipart ? new Blob([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], { type: 'image/png' }) : 'binary';
  }
  let value: string;
  if (typeof schema.pattern === 'string') value = stringForPattern(schema.pattern);
  else if (typeof schema.format === 'string' && FORMAT_VALUES[schema.format]) value = FORMAT_VALUES[schema.format]!;
  else value = hint;
  const min = schema.minLength ?? 0;
  if (value.length < min) value = value + 'x'.repeat(min - value.length);
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) value = value.slice(0, schema.maxLength);
  return value;
}

function numberValue(schema: Schema, integer: boolean): number {
  let value = 1;
  if (typeof schema.minimum === 'number') value = Math.max(value, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') value = Math.max(value, schema.exclusiveMinimum + 1);
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number' && value <= schema.minimum) value = schema.minimum + 1;
  if (typeof schema.maximum === 'number') value = Math.min(value, schema.maximum);
  if (typeof schema.multipleOf === 'number') value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return integer ? Math.ceil(value) : value;
}

/**
 * A value that satisfies `node`: only required properties, recursively; the first alternative of
 * oneOf/anyOf; enum[0]; then the schema's example; then a value from format/pattern/type.
 */
export function sampleValue(ctx: BuildContext, node: Schema | undefined, hint = 'contract_test', depth = 0): unknown {
  if (depth > 12) throw new Error(`schema too deep near ${hint}`);
  const schema = resolveSchema(ctx, node);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives?.length) {
    const base = { ...schema };
    delete base.oneOf;
    delete base.anyOf;
    const first = resolveSchema(ctx, alternatives[0]);
    // Sibling keywords (properties/required next to oneOf) apply as well: merge them in.
    const merged = Object.keys(base).length > 0 ? mergeAllOf(ctx, { ...base, allOf: [first] }) : first;
    return sampleValue(ctx, merged, hint, depth + 1);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const nonNull = schema.enum.find((v: unknown) => v !== null);
    return nonNull === undefined ? schema.enum[0] : nonNull;
  }
  if (schema.example !== undefined && schema.type !== 'object' && schema.type !== 'array') return schema.example;
  if (schema.default !== undefined && schema.type !== 'object' && schema.type !== 'array') return schema.default;
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      return stringValue(ctx, schema, hint);
    case 'integer':
      return numberValue(schema, true);
    case 'number':
      return numberValue(schema, false);
    case 'boolean':
      return false;
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 0);
      return Array.from({ length: count }, () => sampleValue(ctx, schema.items, hint, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of (schema.required ?? []) as string[]) {
        const property = schema.properties?.[name];
        out[name] = property ? sampleValue(ctx, property, `${name.replace(/[^A-Za-z0-9]/g, '')}_contract`, depth + 1) : 'contract_test';
      }
      const minProperties = schema.minProperties ?? 0;
      for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
        if (Object.keys(out).length >= minProperties) break;
        if (!(name in out)) out[name] = sampleValue(ctx, property, `${name}_contract`, depth + 1);
      }
      return out;
    }
    default:
      return schema.nullable ? null : hint;
  }
}

/** A value for a path parameter; never contains `/`, `?`, `#` or `\` (the client rejects those). */
function pathValue(ctx: BuildContext, parameter: Schema): string {
  const schema = resolveSchema(ctx, parameter.schema);
  let value: unknown = parameter.example;
  if (value === undefined) {
    value = schema.enum?.[0] ?? schema.example ?? (schema.pattern ? stringForPattern(schema.pattern) : undefined);
  }
  if (value === undefined) {
    const base =
      String(parameter.name)
        .replace(/_?id$/i, '')
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase() || 'id';
    value = schema.type === 'integer' || schema.type === 'number' ? '1' : `${base}_2contract0test`;
  }
  const text = String(value);
  if (/[/?#\\]/.test(text) || text === '' || text === '.' || text === '..')
    throw new Error(`unsafe path value ${text} for ${parameter.name}`);
  return text;
}

/** Builds the positional path values and the params object of one call. */
export function buildArguments(doc: Doc, def: OperationDef): OperationArguments {
  const { pathItem, operation } = specOperation(doc, def);
  const ctx: BuildContext = { doc, multipart: def.body === 'multipart' };
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Schema) => deref(doc, p) as Schema);
  const pathValues = def.pathParams.map((name) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) throw new Error(`${def.operationId}: path parameter ${name} is not declared`);
    return pathValue(ctx, parameter);
  });

  let params: OperationArguments['params'];
  if (def.body) {
    const requestBody = deref(doc, operation.requestBody);
    const mediaType = def.body === 'json' ? 'application/json' : 'multipart/form-data';
    const schema = resolveSchema(ctx, requestBody?.content?.[mediaType]?.schema);
    if (schema.type === 'array') {
      // Bulk endpoints: one element, even when the spec allows an empty list.
      const count = Math.max(schema.minItems ?? 0, 1);
      params = Array.from({ length: count }, () => sampleValue(ctx, schema.items, 'contract_test'));
    } else {
      const value = sampleValue(ctx, schema, 'contract_test');
      params = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    }
  } else if (def.query.length > 0) {
    const query: Record<string, unknown> = {};
    params = query;
    for (const parameter of parameters.filter((p) => p.in === 'query' && p.required === true)) {
      query[parameter.name] = parameter.example ?? sampleValue(ctx, parameter.schema, `${parameter.name}_contract`);
    }
  }
  return { pathValues, params };
}
