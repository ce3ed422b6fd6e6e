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

interface Issue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly message?: string;
  readonly errors?: readonly (readonly Issue[])[];
}

const MAX_MISMATCHES = 10;
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

function describeExpected(issue: Issue): string {
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') return issue.expected;
  if (issue.code === 'invalid_value' && issue.values) return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message ?? 'a value the schema accepts';
}

/** How far into the body a union branch's issues got: its deepest path wins, then its fewest issues. */
function depthOf(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path?.length ?? 0)) * 1000 - issues.length;
}

function leafIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): Array<Issue & { fullPath: PropertyKey[] }> {
  return issues.flatMap((issue) => {
    const fullPath = [...prefix, ...(issue.path ?? [])];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      // No variant matched: report the one that got furthest, as the likeliest intended.
      const best = [...issue.errors].sort((a, b) => depthOf(b) - depthOf(a))[0]!;
      if (best.length > 0) return leafIssues(best, fullPath);
    }
    return [{ ...issue, fullPath }];
  });
}

/**
 * Turns zod issues into the places where `body` and the schema part ways (at most ten), following the most
 * promising branch of a union that nothing matched.
 *
 * @example
 * describeMismatches([{ code: 'invalid_type', expected: 'string', path: ['url'] }], { url: null });
 * // [{ path: '$.url', expected: 'string', received: 'null' }]
 */
export function describeMismatches(issues: readonly unknown[], body: unknown): Mismatch[] {
  return leafIssues(issues as readonly Issue[], [])
    .slice(0, MAX_MISMATCHES)
    .map((issue) => {
      const { found, value } = valueAt(body, issue.fullPath);
      return { path: formatPath(issue.fullPath), expected: describeExpected(issue), received: describeValue(found, value) };
    });
}
