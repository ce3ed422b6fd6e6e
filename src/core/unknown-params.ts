import type { ApiError } from './api-error.js';
import type { OperationDef } from './operation.js';
import type { Result } from './result.js';

/**
 * The keys a request body may carry, from the spec: an object of key → nested shape (`0`: not checked
 * further, e.g. scalars, metadata, unions), or a one-element array holding the shape of every item.
 *
 * @example
 * const shape: RequestShape = { first_name: 0, email_address: 0, public_metadata: 0 };
 */
export type RequestShape = { readonly [key: string]: RequestShape | 0 } | readonly [RequestShape];

/**
 * The undocumented parameters a caller sends on purpose (request options `extraQuery` and `extraBody`).
 *
 * @example
 * const extras: ParamExtras = { extraQuery: { beta_filter: 'x' } };
 */
export interface ParamExtras {
  extraQuery?: Record<string, unknown> | undefined;
  extraBody?: Record<string, unknown> | undefined;
}

/**
 * The params to serialise once unknown keys are ruled out: the body (params plus `extraBody`) and the query
 * (params plus `extraQuery` for operations without a body, else `extraQuery` alone).
 *
 * @example
 * const checked: CheckedParams = { query: { limit: 10 }, body: undefined };
 */
export interface CheckedParams {
  query: Record<string, unknown> | undefined;
  body: unknown;
}

const queryNames = new WeakMap<OperationDef, ReadonlySet<string>>();

/**
 * Refuses a query or body key the operation does not define, before anything is sent: a plain-JS typo
 * (`emailAddress` for `email_address`) would otherwise be ignored by the API and widen a filter to
 * everything. The error names the key and the spec name it resembles. Keys in `extraQuery`/`extraBody`
 * are sent unchecked. Bodies are checked as deep as `def.bodyShape` goes; without one, only the query is.
 * A required query parameter or top-level body field that is missing is refused too, as the types do.
 *
 * @example
 * const checked = checkParams(getUserListDef, { emailAddress: ['a@b.c'] }, undefined);
 * // checked.errors[0].meta: { param: 'emailAddress', location: 'query', reason: 'unknown', suggestion: 'email_address' }
 */
export function checkParams(def: OperationDef, params: unknown, extras: ParamExtras | undefined): Result<CheckedParams, ApiError> {
  try {
    const checked = checkOrThrow(def, params, extras);
    return checked.errors ? checked : (refuseMissing(def, checked.data) ?? checked);
  } catch {
    // A Proxy or a getter that throws while its keys are read: a result, not an exception.
    return refuse(def, 'params or request options could not be read.', {});
  }
}

function checkOrThrow(def: OperationDef, params: unknown, extras: ParamExtras | undefined): Result<CheckedParams, ApiError> {
  const extraQuery = extras?.extraQuery;
  const extraBody = extras?.extraBody;
  if (!isOptionalRecord(extraQuery) || !isOptionalRecord(extraBody)) {
    return refuse(def, 'extraQuery and extraBody must be plain objects.', {});
  }
  if (Array.isArray(params) && !def.body) return refuse(def, 'params must be an object.', {});
  if (!isRecord(params) && !Array.isArray(params)) {
    // Absent params still take the extras; any other non-object is refused by the serialisers.
    return { data: { query: extraQuery, body: params === undefined && def.body ? extraBody : params } };
  }
  if (def.body) {
    const unknown = def.bodyShape === undefined ? undefined : findUnknown(params, def.bodyShape, '');
    if (unknown) return refuseKey(def, 'body', unknown.path, unknown.known, 'extraBody');
    if (extraBody === undefined) return { data: { query: extraQuery, body: params } };
    if (Array.isArray(params)) return refuse(def, 'extraBody cannot be merged into a list body.', {});
    return { data: { query: extraQuery, body: { ...params, ...extraBody } } };
  }
  let known = queryNames.get(def);
  if (known === undefined) queryNames.set(def, (known = new Set(def.query.map((q) => q.name))));
  for (const key in params) {
    if (!Object.hasOwn(params, key) || known.has(key)) continue;
    return refuseKey(def, 'query', key, [...known], 'extraQuery');
  }
  return {
    data: { query: extraQuery === undefined ? (params as Record<string, unknown>) : { ...params, ...extraQuery }, body: undefined },
  };
}

/** A required query parameter or top-level body field that the final request lacks, as the types would say. */
function refuseMissing(def: OperationDef, checked: CheckedParams): Result<never, ApiError> | undefined {
  let name: string | undefined;
  if (def.body) {
    const body = checked.body === undefined && def.bodyRequired ? {} : checked.body;
    // List bodies, FormData and non-objects are left to the serialisers and the server.
    if (!isRecord(body)) return undefined;
    name = def.requiredBodyFields?.find((field) => body[field] === undefined);
  } else {
    name = def.query.find((param) => param.required && checked.query?.[param.name] === undefined)?.name;
  }
  if (name === undefined) return undefined;
  const location = def.body ? 'body' : 'query';
  return refuse(def, `Missing required ${location} parameter ${name}.`, { param: name, location, reason: 'missing' });
}

/** The first key of `value` (depth-first) that `shape` does not allow, with its dotted path and the allowed keys. */
function findUnknown(value: unknown, shape: RequestShape | 0, path: string): { path: string; known: string[] } | undefined {
  if (shape === 0) return undefined;
  if (isArrayShape(shape)) {
    if (!Array.isArray(value)) return undefined;
    for (let index = 0; index < value.length; index++) {
      const found = findUnknown(value[index], shape[0], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const childPath = path === '' ? key : `${path}.${key}`;
    if (child === undefined) return { path: childPath, known: Object.keys(shape) };
    const found = findUnknown(value[key], child, childPath);
    if (found) return found;
  }
  return undefined;
}

function refuseKey(def: OperationDef, location: 'query' | 'body', path: string, known: string[], hatch: string): Result<never, ApiError> {
  const key = path.slice(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
  const suggestion = suggestName(key, known);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  const message = `Unknown ${location} parameter ${path}${hint}; pass it in the request option ${hatch} to send it anyway.`;
  const meta = { param: path, location, reason: 'unknown' };
  return refuse(def, message, suggestion === undefined ? meta : { ...meta, suggestion });
}

function refuse(def: OperationDef, message: string, meta: Record<string, unknown>): Result<never, ApiError> {
  return { errors: [{ code: 'params_invalid', message: `Invalid params for ${def.operationId}: ${message}`, meta }] };
}

/**
 * The spec name a wrong key most likely meant: the same letters ignoring case and separators
 * (`emailAddress` → `email_address`), else the nearest name within two edits.
 *
 * @example
 * suggestName('emailAddress', ['email_address', 'limit']); // 'email_address'
 */
export function suggestName(key: string, known: readonly string[]): string | undefined {
  const target = normalize(key);
  const same = known.find((name) => normalize(name) === target);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(target.length / 3) + 1);
  for (const name of known) {
    const distance = editDistance(target, normalize(name));
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance; only runs on the error path, on short names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function isArrayShape(shape: RequestShape): shape is readonly [RequestShape] {
  return Array.isArray(shape);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FormData);
}

function isOptionalRecord(value: unknown): value is Record<string, unknown> | undefined {
  return value === undefined || isRecord(value);
}
