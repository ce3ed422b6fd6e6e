/**
 * Gives an object a safe `toJSON` and a Node `util.inspect` view, so that logging it never prints a
 * secret held in its closures. `Symbol.for` reaches Node's hook without importing `node:util`.
 *
 * @example
 * const verifier = redact({ verify }, { type: 'TokenVerifier', keySource: 'backend-api' });
 */
export function redact<T extends object>(target: T, summary: Readonly<Record<string, string>>): T {
  const text = `${summary['type'] ?? 'Object'} ${JSON.stringify(summary)}`;
  Object.defineProperties(target, {
    toJSON: { value: () => ({ ...summary }), enumerable: false },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => text, enumerable: false },
    toString: { value: () => text, enumerable: false },
  });
  return target;
}
