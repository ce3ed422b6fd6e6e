// Why the surviving mutants of the `core-send` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const INTERPRET = 'src/core/interpret-response.ts';
const SEND = 'src/core/send-operation.ts';

export const reasons: SurvivorReason[] = [
  // Abort listeners: an AbortSignal dispatches `abort` at most once, and each listener is removed when its work ends.
  {
    file: 'src/core/race-abort.ts',
    mutant: /ObjectLiteral: \{ once: true \} -> \{\}|BooleanLiteral: true -> false/,
    kind: 'equivalent',
    why: 'An AbortSignal fires `abort` at most once, so `{ once: true }` changes nothing; the listener is removed when the promise settles.',
  },
  {
    file: 'src/core/read-body.ts',
    mutant: /ObjectLiteral: \{ once: true \} -> \{\}|BooleanLiteral: true -> false/,
    kind: 'equivalent',
    why: 'An AbortSignal fires `abort` at most once, so `{ once: true }` changes nothing; the listener is removed in `finally`.',
  },
  {
    file: 'src/core/sleep.ts',
    mutant: /ObjectLiteral: \{ once: true \} -> \{\}|BooleanLiteral: true -> false/,
    kind: 'equivalent',
    why: 'An AbortSignal fires `abort` at most once, so `{ once: true }` changes nothing; the timer removes the listener when it fires.',
  },
  {
    file: 'src/core/race-abort.ts',
    mutant: 'CallExpression: promise.catch(() => undefined); -> ;',
    kind: 'unobservable',
    why: "The result is the signal's rejection either way; without the `catch` a later rejection of the raced promise is left unhandled.",
  },
  // read-body
  // interpret-response
  {
    file: INTERPRET,
    mutant: 'ConditionalExpression: status < 200 -> false',
    kind: 'equivalent',
    why: 'A Response cannot have a status below 200 (the constructor refuses it and fetch never exposes 1xx).',
  },
  {
    file: INTERPRET,
    mutant: /parsed === 'failed' -> false|StringLiteral: 'failed' -> ""/,
    kind: 'equivalent',
    why: "The error body of an unparseable response: `'failed'.value` is undefined, as the chosen fallback is.",
  },
  {
    file: INTERPRET,
    mutant: 'OptionalChaining: operation.pagedFor?.(status) -> operation.pagedFor(status)',
    kind: 'unreachable',
    why: 'A request is paged only for an operation with `def.paged`, and prepareOperation gives every such operation a pagedFor.',
  },
  {
    file: INTERPRET,
    mutant: 'ConditionalExpression: rule.shape === undefined || fits(rule.shape, data) -> false',
    kind: 'equivalent',
    why: 'Calling a body without a check invalid sends it to findProblems, which finds nothing when there is no shape or the body fits it, and then the body is returned unchanged, not retried.',
  },
  // response-errors
  {
    file: 'src/core/response-errors.ts',
    mutant: 'ArrayDeclaration: [] -> ["Stryker was here"]',
    kind: 'equivalent',
    why: 'The fallback list of error entries: a string entry is not a record and is skipped, so no error is read from it.',
  },
  {
    file: 'src/core/response-errors.ts',
    mutant: 'ObjectLiteral: { value: undefined } -> {}',
    kind: 'equivalent',
    why: 'An empty body parses to an object whose `value` is read as undefined either way.',
  },
  // retries and attempts
  {
    file: SEND,
    mutant: 'OptionalChaining: result.errors?.[0] -> result.errors[0]',
    kind: 'equivalent',
    why: 'Only a result that failed is retried, so the result logged before a retry always has errors.',
  },
  {
    file: SEND,
    mutant: "ConditionalExpression: def.body === 'json' -> true",
    kind: 'equivalent',
    why: 'An operation without a body then gets the JSON serializer, whose answer for the absent (undefined) body is undefined, as having none.',
  },
  {
    file: SEND,
    mutant: 'CallExpression: attempt.finish(); -> ;',
    kind: 'unobservable',
    why: "The attempt's timeout timer and parent-abort listener are left behind; the body is already read, so the result is the same.",
  },
  {
    file: SEND,
    mutant: /StringLiteral: '(timeout|network_error)' -> ""/,
    kind: 'equivalent',
    why: 'shouldRetry retries any failure string for an idempotent method, so an empty string is retried alike.',
  },
  {
    file: SEND,
    mutant: /failure === 'unexpected_redirect' -> true|StringLiteral: 'The request URL left the API origin/,
    kind: 'unreachable',
    why: "origin_mismatch: every request URL is built on the client's baseUrl, whose origin is the API origin fetchAttempt compares with.",
  },
  // bounded-map, create-transport
  {
    file: 'src/core/bounded-map.ts',
    mutant: 'ConditionalExpression: key !== this.#youngest -> true',
    kind: 'equivalent',
    why: 'Re-inserting the youngest key moves it to where it already is: the order and the values stay the same.',
  },
  {
    file: 'src/core/bounded-map.ts',
    mutant: 'ConditionalExpression: oldest.done !== true -> true',
    kind: 'equivalent',
    why: 'Eviction runs only when size > maxEntries (at least 0), so the map has an entry and its first key is never `done`.',
  },
  {
    file: 'src/core/create-transport.ts',
    mutant: 'ConditionalExpression: details === undefined -> false',
    kind: 'equivalent',
    why: 'redactDeep(undefined) returns undefined, as the shortcut does.',
  },
  {
    file: 'src/core/request-body.ts',
    mutant: 'ConditionalExpression: body === undefined -> false',
    kind: 'equivalent',
    why: "openapi-fetch's defaultBodySerializer of undefined is JSON.stringify(undefined), which is undefined too.",
  },
  {
    file: SEND,
    mutant: 'BlockStatement: { return path; } -> {}',
    kind: 'unreachable',
    why: 'keepPath is the pathSerializer of createFinalURL, which calls it only for params.path; the path is filled before and params.path is never passed.',
  },
];
