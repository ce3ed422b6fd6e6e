// One verdict for a body and its shape, shared by the client's responses and webhook events: fits, deviates in
// its fields (returned with warnings under the default), or cannot be any documented shape at its root (an error).
import { describeMismatches, type Mismatch } from './describe-mismatch.js';
import type { ClientLogger } from './logger.js';
import type { NonEmptyArray } from './result.js';
import { findProblems, fits, type Shape } from './shape.js';
import type { ResponseValidationMode } from './validation-mode.js';

/**
 * What validating a body came to: `ok` (fits, or not checked), `warn` (its fields deviate; the body is still
 * returned, with these warnings), or `fail` (strict mode, or a root no documented shape allows).
 *
 * @example
 * const verdict: BodyVerdict = { kind: 'warn', mismatches: [{ path: '$.id', expected: 'string', received: 'number 7' }] };
 */
export type BodyVerdict = { readonly kind: 'ok' } | { readonly kind: 'warn' | 'fail'; readonly mismatches: NonEmptyArray<Mismatch> };

const OK: BodyVerdict = { kind: 'ok' };
const STRICT_LIMIT = 10;
const WARNING_LIMIT = 100;

/**
 * Judges `value` against `shape` under `mode`. The walker decides, and explains only when it says no. `root` is
 * the path of what the caller treats as the body itself (`['data']` for a webhook event): a problem there or
 * above it fails under the default too.
 *
 * @example
 * judgeBody(['object', { id: 'string' }, ['id'], 1], {}, 'warn'); // { kind: 'warn', mismatches: [{ path: '$.id', … }] }
 * judgeBody(['object', { id: 'string' }, ['id'], 1], [], 'warn'); // { kind: 'fail', … }: an array, not an object
 */
export function judgeBody(
  shape: Shape | undefined,
  value: unknown,
  mode: ResponseValidationMode,
  root: readonly string[] = [],
): BodyVerdict {
  if (mode === 'off' || shape === undefined || fits(shape, value)) return OK;
  // Strict mode explains the first few, as an error; warnings name every deviation, up to a bound.
  const problems = findProblems(shape, value, mode === 'error' ? STRICT_LIMIT : WARNING_LIMIT);
  if (problems.length === 0) return OK;
  const mismatches = describeMismatches(problems, value) as NonEmptyArray<Mismatch>;
  // A problem at the root itself: the body is not even the kind of value (object, array…) any member documents.
  const unusable = problems.some((problem) => problem.path.length <= root.length && problem.path.every((step, i) => step === root[i]));
  return { kind: mode === 'error' || unusable ? 'fail' : 'warn', mismatches };
}

/**
 * What each configured logger was already told, for the life of the process. Keyed by the configured (guarded)
 * logger, one object per logger the caller passed: the default logger is one object, so with it a deviation is
 * logged once per process however many clients there are. Bounded: past `MAX_REPORTED` paths it starts afresh
 * (a plain Set, cleared, rather than an LRU map: a few hundred bytes less in every bundle).
 */
const reportedTo = new WeakMap<object, Set<string>>();
const MAX_REPORTED = 4096;

/**
 * Logs the deviations of `scope` (an operationId, a webhook event type) that this logger was not told yet: once
 * per scope and path, list indices folded (`$.data[3].id` and `$.data[7].id` are one path).
 *
 * @example
 * reportOnce(config.logger, logger, 'GetUser', 'The 200 response of GetUser deviates.', mismatches, { status: 200 });
 */
export function reportOnce(
  configured: object,
  logger: ClientLogger,
  scope: string,
  message: string,
  mismatches: readonly Mismatch[],
  details: Record<string, unknown>,
): void {
  let reported = reportedTo.get(configured);
  if (reported === undefined) reportedTo.set(configured, (reported = new Set()));
  if (reported.size >= MAX_REPORTED) reported.clear();
  const fresh: Mismatch[] = [];
  for (const mismatch of mismatches) {
    const key = `${scope} ${mismatch.path.replace(/\[\d+\]/g, '[]')}`;
    if (reported.has(key)) continue;
    reported.add(key);
    fresh.push(mismatch);
  }
  if (fresh.length > 0) logger.warn(message, { ...details, mismatches: fresh });
}

/**
 * One sentence naming the first mismatch, for logs and errors.
 *
 * @example
 * describeFirst('The 200 response of GetUser', mismatches); // 'The 200 response of GetUser does not match its schema at $.id: …'
 */
export function describeFirst(subject: string, mismatches: NonEmptyArray<Mismatch>): string {
  const [first] = mismatches;
  return `${subject} does not match its schema at ${first.path}: expected ${first.expected}, received ${first.received}.`;
}
