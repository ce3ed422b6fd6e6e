/**
 * How {@link copyJson} copies.
 *
 * @example
 * const options: JsonCopyOptions = { freeze: true, maxDepth: 32 };
 */
export interface JsonCopyOptions {
  /** Deeper nesting is not copied (see `tooDeep`). Default 32. */
  maxDepth?: number;
  /** Freeze every copied object and array, so one holder's mutation never reaches another. */
  freeze?: boolean;
  /** Applied to every string, keys included (redaction). */
  mapString?: (text: string) => string;
  /** What stands in for a value nested too deeply; when absent, the whole copy fails instead. */
  tooDeep?: { value: unknown };
  /** Leave own `"__proto__"` keys out instead of keeping them as plain properties: for a copy that callers may `Object.assign`. */
  dropProtoKeys?: boolean;
}

const TOO_DEEP: unique symbol = Symbol('too deep');

/**
 * Deep-copies parsed JSON field by field into fresh plain objects; `undefined` when it is nested too
 * deeply and no `tooDeep` stand-in is given.
 *
 * A `"__proto__"` key is written with `Object.defineProperty`, so it stays an ordinary own property
 * and never changes a prototype (plain assignment would call the `__proto__` setter).
 *
 * @example
 * const copy = copyJson(JSON.parse('{"__proto__":{"admin":true}}'), { freeze: true });
 * Object.getPrototypeOf(copy?.value) === Object.prototype; // true
 */
export function copyJson(value: unknown, options: JsonCopyOptions = {}): { value: unknown } | undefined {
  const copy = copyValue(value, 0, options.maxDepth ?? 32, options);
  return copy === TOO_DEEP ? undefined : { value: copy };
}

function copyValue(value: unknown, depth: number, maxDepth: number, options: JsonCopyOptions): unknown {
  if (typeof value === 'string') return options.mapString === undefined ? value : options.mapString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxDepth) return options.tooDeep === undefined ? TOO_DEEP : options.tooDeep.value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copied = copyValue(item, depth + 1, maxDepth, options);
      if (copied === TOO_DEEP) return TOO_DEEP;
      out.push(copied);
    }
    return options.freeze === true ? Object.freeze(out) : out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__' && options.dropProtoKeys === true) continue;
    const copied = copyValue((value as Record<string, unknown>)[key], depth + 1, maxDepth, options);
    if (copied === TOO_DEEP) return TOO_DEEP;
    const name = options.mapString === undefined ? key : options.mapString(key);
    if (name === '__proto__') Object.defineProperty(out, name, { value: copied, enumerable: true, writable: true, configurable: true });
    else out[name] = copied;
  }
  return options.freeze === true ? Object.freeze(out) : out;
}
