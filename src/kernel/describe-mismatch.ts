import type { ShapeProblem } from './shape.js';

/**
 * One place where a response body and its schema part ways: the JSON path, what the schema expected there, and
 * what the body holds (described, never quoted at length).
 *
 * @example
 * const mismatch: Mismatch = { path: '$.data[0].url', expected: 'string', received: 'null' };
 */
export interface Mismatch {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

const MAX_RECEIVED = 60;

/** `$.data[0]["odd key"]`: a readable JSON path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, step) => {
    if (typeof step === 'number') return `${out}[${step}]`;
    const key = String(step);
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${out}.${key}` : `${out}[${JSON.stringify(key)}]`;
  }, '$');
}

function valueAt(body: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = body;
  for (const step of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return { found: true, value };
}

function describeValue(found: boolean, value: unknown): string {
  if (!found) return 'nothing (the property is absent)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`;
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > MAX_RECEIVED ? `${text.slice(0, MAX_RECEIVED)}…` : text}`;
}

/**
 * Turns the problems a shape found into readable mismatches: each path as `$.data[0].url`, what the schema
 * expected there, and what the body holds (described, never quoted at length).
 *
 * @example
 * describeMismatches([{ path: ['url'], expected: 'string', reason: 'type' }], { url: null });
 * // [{ path: '$.url', expected: 'string', received: 'null' }]
 */
export function describeMismatches(problems: readonly ShapeProblem[], body: unknown): Mismatch[] {
  return problems.map((problem) => {
    const { found, value } = valueAt(body, problem.path);
    return { path: formatPath(problem.path), expected: problem.expected, received: describeValue(found, value) };
  });
}
