import { isRecord } from './guards.js';

/**
 * A schema as data, printed by the generator from the same validation trees as the zod schemas of `clerk-bapi/zod`:
 * the one form the runtime validates with. The client and webhooks walk one to decide whether a body matches and
 * say where it departs from its schema, and to check request params as strictly as their types.
 * Data and one walker are a fraction of the size of a validator library and its compiled schemas.
 *
 * - `'string'`, `'number'` (finite), `'boolean'`, `'unknown'` (anything), `'anyObject'` (any non-array object),
 *   `'file'` (a `Blob` or a `Uint8Array`, for multipart uploads);
 * - `'string?'`, `'number?'`, `'boolean?'`, `'anyObject?'`: the scalar or `null`, as `['nullable', scalar]` but one
 *   token: the generator writes these for the most frequent nullable shapes (about 640 in the pinned specs);
 * - `['enum', ...values]`: one of these values (`===`);
 * - `['array', item]`, `['record', value]` (a plain object, every value checked);
 * - `['object', properties, required, extra]`: `extra` is `1` (other keys allowed, as in responses), `0`
 *   (other keys refused, as in requests) or the shape every other key's value must have; `required` lists the
 *   required keys, or is a count `n`: the first `n` keys of `properties`. The generator writes a count wherever
 *   it may put the required keys first (objects that allow other keys, whose key order is never shown): a digit
 *   instead of every name again, the largest part of a bundled response shape after the names themselves;
 * - `['union', ...members]` (one member matches), `['all', ...parts]` (every part matches);
 * - `['nullable', shape]`: `null` or the shape;
 * - a function returning a shape: a reference to a named schema (lazy, so schemas may refer to each other).
 *
 * @example
 * const user: Shape = ['object', { id: 'string', banned: 'boolean' }, ['id'], 1];
 */
export type Shape =
  | ScalarShape
  | `${NullableScalar}?`
  | readonly ['enum', ...(string | number | boolean)[]]
  | readonly ['array' | 'record' | 'nullable', Shape]
  | readonly ['object', { readonly [key: string]: Shape }, readonly string[] | number, 0 | 1 | Shape]
  | readonly ['union' | 'all', ...Shape[]]
  | (() => Shape);

/** A shape that is one word. */
type ScalarShape = 'string' | 'number' | 'boolean' | 'unknown' | 'anyObject' | 'file';

/** The scalars with a one-token nullable form (`'string?'`). */
type NullableScalar = 'string' | 'number' | 'boolean' | 'anyObject';

/**
 * One place where a value departs from its shape: the path to it, what was expected there, and why. An
 * `unknown` key carries the keys its object allows (for a "did you mean" hint).
 *
 * @example
 * const problem: ShapeProblem = { path: ['email_address', 0], expected: 'string', reason: 'type' };
 */
export interface ShapeProblem {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly reason: 'type' | 'missing' | 'unknown';
  readonly known?: readonly string[];
}

/** Enough to explain a response; more would only repeat the same mistake across a list. */
const MAX_PROBLEMS = 10;

/**
 * Where `value` departs from `shape` (at most `limit` places, depth first), or an empty list when it fits.
 * A key whose value is `undefined` counts as absent, as `JSON.stringify` and the query serialiser drop it.
 * In a union that nothing matches, the member that got furthest into the value is reported.
 *
 * @example
 * findProblems(['object', { id: 'string' }, ['id'], 1], { id: 7 });
 * // [{ path: ['id'], expected: 'string', reason: 'type' }]
 */
export function findProblems(shape: Shape, value: unknown, limit = MAX_PROBLEMS): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  walk(shape, value, [], problems, limit);
  return problems;
}

/**
 * Whether `value` fits `shape`: the same rules as {@link findProblems}, without building paths, for the fast path.
 * Each shape is turned once into a tree of small predicates (closures, no generated code: Workers forbid `eval`),
 * cached per shape, so that a large list is checked without re-reading the shape for every item.
 *
 * @example
 * fits(['array', 'string'], ['a', 'b']); // true
 */
export function fits(shape: Shape, value: unknown): boolean {
  return predicateOf(shape)(value);
}

type Predicate = (value: unknown) => boolean;

const predicates = new WeakMap<Exclude<Shape, string>, Predicate>();

const isString: Predicate = (value) => typeof value === 'string';
const isNumber: Predicate = (value) => Number.isFinite(value);
const isBoolean: Predicate = (value) => typeof value === 'boolean';
const orNull =
  (predicate: Predicate): Predicate =>
  (value) =>
    value === null || predicate(value);

const scalars: Record<Extract<Shape, string>, Predicate> = {
  string: isString,
  number: isNumber,
  boolean: isBoolean,
  unknown: () => true,
  anyObject: isRecord,
  file: (value) => value instanceof Uint8Array || (typeof Blob === 'function' && value instanceof Blob),
  'string?': orNull(isString),
  'number?': orNull(isNumber),
  'boolean?': orNull(isBoolean),
  'anyObject?': orNull(isRecord),
};

function predicateOf(shape: Shape): Predicate {
  if (typeof shape === 'string') return scalars[shape];
  let predicate = predicates.get(shape);
  if (predicate === undefined) predicates.set(shape, (predicate = build(shape)));
  return predicate;
}

function build(shape: Exclude<Shape, string>): Predicate {
  if (typeof shape === 'function') {
    // A reference: resolved on first use, so that schemas referring to each other build lazily.
    let target: Predicate | undefined;
    return (value) => (target ??= predicateOf(shape()))(value);
  }
  switch (shape[0]) {
    case 'enum':
      return (value) => shape.includes(value as string, 1);
    case 'nullable': {
      const inner = predicateOf(shape[1]);
      return (value) => value === null || inner(value);
    }
    case 'array': {
      const item = predicateOf(shape[1]);
      return (value) => Array.isArray(value) && value.every(item);
    }
    case 'record': {
      const item = predicateOf(shape[1]);
      return (value) => isRecordObject(value) && Object.keys(value).every((key) => key === '__proto__' || item(value[key]));
    }
    case 'object':
      return buildObject(shape);
    case 'all':
    case 'union': {
      const parts = shape.slice(1).map((part) => predicateOf(part as Shape));
      return shape[0] === 'all' ? (value) => parts.every((part) => part(value)) : (value) => parts.some((part) => part(value));
    }
  }
}

function buildObject(shape: ObjectShape): Predicate {
  const [, properties, , extra] = shape;
  const keys = Object.keys(properties);
  const checks = keys.map((key) => predicateOf(properties[key]!));
  const required = new Set(requiredKeys(shape));
  const isRequired = keys.map((key) => required.has(key));
  // Only a key that Object.prototype also has (`constructor`, `__proto__`…) can be read from the prototype: those
  // alone need an own-property test, which would otherwise cost more than the rest of the check.
  const inherited = keys.map((key) => key in Object.prototype);
  const other = extra === 0 || extra === 1 ? undefined : predicateOf(extra);
  return (value) => {
    if (!isRecord(value)) return false;
    // The declared keys, as zod reads them: present (own, not undefined) and fitting, or absent and optional.
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const child = value[key];
      if (child === undefined || (inherited[index] && (key === '__proto__' || !Object.hasOwn(value, key)))) {
        if (isRequired[index]) return false;
      } else if (!checks[index]!(child)) return false;
    }
    // Other keys: allowed (responses), refused (params), or each checked against `extra`.
    return (
      extra === 1 ||
      Object.keys(value).every(
        (key) => Object.hasOwn(properties, key) || key === '__proto__' || value[key] === undefined || other?.(value[key]) === true,
      )
    );
  };
}

function walk(shape: Shape, value: unknown, path: (string | number)[], out: ShapeProblem[], limit: number): void {
  if (out.length >= limit) return;
  if (typeof shape === 'function') return walk(shape(), value, path, out, limit);
  if (typeof shape === 'string') {
    if (!scalars[shape](value)) out.push({ path: [...path], expected: describeShape(shape), reason: 'type' });
    return;
  }
  switch (shape[0]) {
    case 'enum':
      if (!shape.includes(value as string, 1)) out.push({ path: [...path], expected: describeShape(shape), reason: 'type' });
      return;
    case 'nullable': {
      if (value === null) return;
      const before = out.length;
      walk(shape[1], value, path, out, limit);
      // A wrong value right here could also have been null: say so (`string or null`).
      for (let index = before; index < out.length; index++) {
        const problem = out[index]!;
        if (problem.reason === 'type' && problem.path.length === path.length)
          out[index] = { ...problem, expected: `${problem.expected} or null` };
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) return void out.push({ path: [...path], expected: 'an array', reason: 'type' });
      for (let index = 0; index < value.length && out.length < limit; index++) walk(shape[1], value[index], [...path, index], out, limit);
      return;
    case 'record':
      if (!isRecordObject(value)) return void out.push({ path: [...path], expected: 'an object', reason: 'type' });
      for (const key of Object.keys(value)) if (key !== '__proto__') walk(shape[1], value[key], [...path, key], out, limit);
      return;
    case 'object':
      return walkObject(shape, value, path, out, limit);
    case 'all':
      for (let index = 1; index < shape.length; index++) walk(shape[index] as Shape, value, path, out, limit);
      return;
    case 'union':
      return walkUnion(shape.slice(1) as Shape[], value, path, out, limit);
  }
}

function walkObject(shape: ObjectShape, value: unknown, path: (string | number)[], out: ShapeProblem[], limit: number): void {
  const [, properties, , extra] = shape;
  if (!isRecord(value)) return void out.push({ path: [...path], expected: 'an object', reason: 'type' });
  // The keys present first: a misspelt key explains the required one it leaves missing.
  for (const key of Object.keys(value)) {
    if (out.length >= limit) return;
    const child = value[key];
    if (child === undefined || key === '__proto__') continue;
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property !== undefined) walk(property, child, [...path, key], out, limit);
    else if (extra === 0) out.push({ path: [...path, key], expected: 'no such key', reason: 'unknown', known: Object.keys(properties) });
    else if (extra !== 1) walk(extra, child, [...path, key], out, limit);
  }
  for (const key of requiredKeys(shape)) {
    if (out.length >= limit) return;
    if (value[key] === undefined) out.push({ path: [...path, key], expected: describeShape(properties[key]!), reason: 'missing' });
  }
}

type ObjectShape = Extract<Shape, readonly ['object', ...unknown[]]>;

/** The required keys of counted objects, listed once per shape (shapes are constants, so this stays small). */
const countedKeys = new WeakMap<ObjectShape, readonly string[]>();

function requiredKeys(shape: ObjectShape): readonly string[] {
  const [, properties, required] = shape;
  if (typeof required !== 'number') return required;
  let keys = countedKeys.get(shape);
  if (keys === undefined) countedKeys.set(shape, (keys = Object.keys(properties).slice(0, required)));
  return keys;
}

function walkUnion(members: readonly Shape[], value: unknown, path: (string | number)[], out: ShapeProblem[], limit: number): void {
  let best: ShapeProblem[] | undefined;
  for (const member of members) {
    const problems: ShapeProblem[] = [];
    walk(member, value, path, problems, limit - out.length);
    if (problems.length === 0) return;
    if (best === undefined || reach(problems) > reach(best)) best = problems;
  }
  if (best === undefined) out.push({ path: [...path], expected: 'nothing (an empty union)', reason: 'type' });
  else out.push(...best);
}

/** How far into the value a member's problems got: its deepest path wins, then its fewest problems. */
function reach(problems: readonly ShapeProblem[]): number {
  return Math.max(...problems.map((problem) => problem.path.length)) * 1000 - problems.length;
}

/**
 * What a shape asks for, in words: `string`, `one of "a", "b"`, `an array`. Refs are followed.
 *
 * @example
 * describeShape(['enum', 'admin', 'member']); // 'one of "admin", "member"'
 */
export function describeShape(shape: Shape): string {
  if (typeof shape === 'function') return describeShape(shape());
  if (typeof shape === 'string') {
    if (shape.endsWith('?')) return `${describeShape(shape.slice(0, -1) as Shape)} or null`;
    return shape === 'anyObject' ? 'an object' : shape === 'file' ? 'a Blob or a Uint8Array' : shape;
  }
  switch (shape[0]) {
    case 'enum':
      return `one of ${shape
        .slice(1)
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
    case 'nullable':
      return `${describeShape(shape[1])} or null`;
    case 'array':
      return 'an array';
    case 'union':
      return 'one of several shapes';
    default:
      return 'an object';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/** A plain object whose keys are all strings, as zod's `record(string, …)` reads one (JSON never has symbol keys). */
function isRecordObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const symbol of Object.getOwnPropertySymbols(value)) if (Object.prototype.propertyIsEnumerable.call(value, symbol)) return false;
  return true;
}
