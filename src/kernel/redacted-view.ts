/**
 * Gives an object a safe `toJSON`, `toString` and Node `util.inspect` view showing only `summary`, so
 * that logging it never prints a secret held in its closures. `Symbol.for` reaches Node's hook without
 * importing `node:util`. The text view is `label` (default: the summary's `type`) and the summary.
 *
 * @example
 * const verifier = defineRedactedView({ verify }, { type: 'TokenVerifier', keySource: 'backend-api' });
 * JSON.stringify(verifier); // '{"type":"TokenVerifier","keySource":"backend-api"}'
 */
export function defineRedactedView<T extends object>(
  target: T,
  summary: Readonly<Record<string, string>>,
  label: string = summary['type'] ?? 'Object',
): T {
  // The text is built when it is read: request states get a view on every request and are rarely printed.
  const text = (): string => `${label} ${JSON.stringify(summary)}`;
  // Non-enumerable, read-only. One `defineProperty` each: cheaper than `defineProperties`, which runs on every request.
  Object.defineProperty(target, 'toJSON', { value: () => ({ ...summary }) });
  Object.defineProperty(target, Symbol.for('nodejs.util.inspect.custom'), { value: text });
  Object.defineProperty(target, 'toString', { value: text });
  return target;
}
