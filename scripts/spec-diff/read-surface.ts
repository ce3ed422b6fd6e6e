// Parses an API-surface snapshot (openapi/api-surface/bapi-<v>.txt) back into one record per SDK method.

/** One `clerk.<namespace>.<method>` line of a surface snapshot. */
export interface SurfaceEntry {
  /** `namespace.method`, e.g. `users.getUser`. */
  call: string;
  /** The argument list as written, e.g. `user_id: string, params?: UpdateUserParams`. */
  args: string;
  data: string;
  method: string;
  path: string;
  paginated?: string;
}

const LINE = /^(\S+)\((.*)\) → (.+?) {2}(GET|POST|PUT|PATCH|DELETE) (\S+)(?: {2}\[paginated: (\w+)\])?$/;

/**
 * Reads every operation line of a surface snapshot; comment lines and the `type <Model>` list (the schema-level
 * diff covers models) are skipped, anything else is an error.
 *
 * @example
 * parseSurface('users.getUser(user_id: string) → GetUserData  GET /users/{user_id}\n')[0]?.call; // 'users.getUser'
 */
export function parseSurface(text: string): SurfaceEntry[] {
  const entries: SurfaceEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('type ')) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`unreadable API-surface line: ${line}`);
    const [, call, args, data, method, path, paginated] = match as unknown as [string, string, string, string, string, string, string?];
    entries.push({ call, args, data, method, path, ...(paginated ? { paginated } : {}) });
  }
  return entries;
}
