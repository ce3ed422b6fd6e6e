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

/** Thrown inside a copy that runs past `maxDepth` with no `tooDeep` stand-in; caught by {@link copyJson}. */
const TOO_DEEP: unique symbol = Symbol('too deep');

/**
 * Deep-copies parsed JSON field by field into fresh plain objects; `undefined` when it is nested too
 * deeply and no `tooDeep` stand-in is given.
 *
 * A `"__proto__"` key stays an ordinary own property and never changes a prototype.
 *
 * @example
 * const copy = copyJson(JSON.parse('{"__proto__":{"admin":true}}'), { freeze: true });
 * Object.getPrototypeOf(copy?.value) === Object.prototype; // true
 */
export function copyJson(value: unknown, options: JsonCopyOptions = {}): { value: unknown } | undefined {
  const { maxDepth = 32, freeze, mapString = (text: string) => text, tooDeep, dropProtoKeys } = options;
  const copy = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return mapString(item);
    if (typeof item !== 'object' || item === null) return item;
    if (depth >= maxDepth) {
      if (tooDeep === undefined) throw TOO_DEEP;
      return tooDeep.value;
    }
    // Object.fromEntries defines each property, so a `"__proto__"` key stays an own property (plain assignment
    // would call the `__proto__` setter and change the copy's prototype).
    const out = Array.isArray(item)
      ? item.map((element: unknown) => copy(element, depth + 1))
      : Object.fromEntries(
          Object.keys(item)
            .filter((key) => key !== '__proto__' || dropProtoKeys !== true)
            .map((key) => [mapString(key), copy((item as Record<string, unknown>)[key], depth + 1)]),
        );
    return freeze === true ? Object.freeze(out) : out;
  };
  try {
    return { value: copy(value, 0) };
  } catch (error) {
    // Only the depth limit is a refusal; anything else (a throwing mapString) is the caller's to see.
    if (error === TOO_DEEP) return undefined;
    throw error;
  }
}
