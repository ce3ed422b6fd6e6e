import { isString } from '../kernel/guards.js';
/** Untrusted strings put in error `meta` are cut to this many characters. */
export const MAX_DETAIL_LENGTH = 64;

/**
 * Makes an untrusted value (a token's `kid`, `azp` or `alg`) safe to put in error `meta`: strings keep
 * printable ASCII only and are cut to {@link MAX_DETAIL_LENGTH} characters; other values are named by
 * their type. A huge or control-character-laden value can so never reach a log line raw.
 *
 * @example
 * describeUntrusted('ins_2abc'); // 'ins_2abc'
 * describeUntrusted('x'.repeat(1000)); // 'xxxx…' (64 characters, then '…')
 * describeUntrusted({}); // '[object]'
 */
export function describeUntrusted(value: unknown): string {
  if (!isString(value)) return `[${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}]`;
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > MAX_DETAIL_LENGTH ? `${printable.slice(0, MAX_DETAIL_LENGTH)}…` : printable;
}
