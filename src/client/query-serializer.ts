import type { QueryParamDef } from './operation.js';

/**
 * Builds openapi-fetch's `querySerializer` for one operation, honouring each parameter's own
 * `explode` (openapi-fetch's built-in serializer only takes one array setting per client).
 * `0` and `false` are sent; `undefined` and `null` are skipped; undeclared keys use `explode: true`.
 *
 * @example
 * const serialize = createQuerySerializer([{ name: 'id', explode: false, required: false }]);
 * serialize({ id: ['a', 'b'], limit: 0 }); // 'id=a,b&limit=0'
 */
export function createQuerySerializer(defs: readonly QueryParamDef[]): (query: Record<string, unknown>) => string {
  const explodeByName = new Map(defs.map((def) => [def.name, def.explode]));
  return (query) => {
    const parts: string[] = [];
    for (const name of Object.keys(query)) {
      const value = query[name];
      if (value === undefined || value === null) continue;
      const key = encodeURIComponent(name);
      if (Array.isArray(value)) {
        const items = value.filter((item) => item !== undefined && item !== null).map(encodeQueryValue);
        if (items.length === 0) continue;
        if (explodeByName.get(name) === false) parts.push(`${key}=${items.join(',')}`);
        else for (const item of items) parts.push(`${key}=${item}`);
      } else {
        parts.push(`${key}=${encodeQueryValue(value)}`);
      }
    }
    return parts.join('&');
  };
}

function encodeQueryValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return encodeURIComponent(String(value));
  }
  if (value instanceof Date) return encodeURIComponent(value.toISOString());
  // The Backend API has no object-valued query parameters; refusing beats sending "[object Object]".
  throw new TypeError(`unsupported query value of type ${typeof value}`);
}
