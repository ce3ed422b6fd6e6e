import type { ApiError } from './api-error.js';
import { refuseParams } from './check-params.js';
import type { OperationDef } from './operation.js';
import { editDistance } from '../kernel/check-options.js';
import type { Result } from '../kernel/result.js';
import { findProblems, type ShapeProblem } from '../kernel/shape.js';

/**
 * Checks params against the operation's params shape before anything is sent, as strictly as the types: a key
 * the operation does not define (a plain-JS typo like `emailAddress` for `email_address` would otherwise be
 * ignored by the API and widen a filter to everything), a missing required field, a value of the wrong type or
 * outside its enum. The refusal names the place and, for an unknown key, the spec name it resembles; it never
 * quotes the value. A required field in `provided` (the caller's `extraQuery`/`extraBody`) counts as given.
 *
 * @example
 * const refused = checkParamValues(getUserListDef, { emailAddress: ['a@b.c'] }, undefined);
 * // refused?.errors[0].meta: { param: 'emailAddress', location: 'query', reason: 'unknown', suggestion: 'email_address' }
 */
export function checkParamValues(
  def: OperationDef,
  params: unknown,
  provided: Record<string, unknown> | undefined,
): Result<never, ApiError> | undefined {
  if (def.params === undefined) return undefined;
  // An absent body the spec requires, or absent query params, still have their required fields checked.
  const checked = params === undefined && (!def.body || def.bodyRequired) ? {} : params;
  if (checked === undefined) return undefined;
  const problem = findProblems(def.params, checked).find((found) => !isProvided(found, provided));
  return problem && refuseProblem(def, def.body ? 'body' : 'query', problem, checked);
}

/** A required top-level field that the caller sends through the escape hatch instead. */
function isProvided(problem: ShapeProblem, extras: Record<string, unknown> | undefined): boolean {
  return problem.reason === 'missing' && problem.path.length === 1 && extras?.[problem.path[0]!] !== undefined;
}

function refuseProblem(def: OperationDef, location: 'query' | 'body', problem: ShapeProblem, params: unknown): Result<never, ApiError> {
  if (problem.path.length === 0) return refuseParams(def, `params must be ${problem.expected}, not ${kindOf(params)}.`, {});
  const path = formatParamPath(problem.path);
  if (problem.reason === 'unknown') {
    return refuseKey(def, location, path, problem.known ?? [], location === 'body' ? 'extraBody' : 'extraQuery');
  }
  if (problem.reason === 'missing') {
    return refuseParams(def, `Missing required ${location} parameter ${path}.`, { param: path, location, reason: 'missing' });
  }
  // The received value is described by its kind only: params carry passwords and other secrets.
  const received = kindOf(valueAt(params, problem.path));
  const message = `The ${location} parameter ${path} must be ${problem.expected}, not ${received}.`;
  return refuseParams(def, message, { param: path, location, reason: 'type', expected: problem.expected, received });
}

/** `emails[0].address`: the path of a param as a caller writes it. */
function formatParamPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : out === '' ? step : `${out}.${step}`), '');
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((current, step) => (current as Record<string | number, unknown>)[step], value);
}

/** What a value is, without what it holds: `a string`, `null`, `an array`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

function refuseKey(
  def: OperationDef,
  location: 'query' | 'body',
  path: string,
  known: readonly string[],
  hatch: string,
): Result<never, ApiError> {
  const key = path.slice(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
  const suggestion = suggestName(key, known);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  const message = `Unknown ${location} parameter ${path}${hint}; pass it in the request option ${hatch} to send it anyway.`;
  const meta = { param: path, location, reason: 'unknown' };
  return refuseParams(def, message, suggestion === undefined ? meta : { ...meta, suggestion });
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
