import { toSerializableAuth } from './auth-object.js';

const PRIVATE_KEYS: ReadonlySet<string> = new Set(['private_metadata', 'privateMetadata']);
/** Deeper structures are cut off rather than walked: Backend API objects nest a few levels at most. */
const MAX_DEPTH = 32;

/**
 * Returns a deep copy without any `private_metadata` or `privateMetadata` field, at any depth, so a
 * Backend API object (a user, an organization, a list of them) can be sent to a browser. Plain data
 * only: functions are dropped and `__proto__` keys are never copied onto a prototype.
 *
 * @example
 * const { data: user } = await clerk.users.getUser(userId);
 * res.json(prunePrivateMetadata(user));
 */
export function prunePrivateMetadata<T>(value: T): T {
  return prune(value, 0) as T;
}

function prune(value: unknown, depth: number): unknown {
  if (typeof value === 'function') return undefined;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH)
    return typeof value === 'object' && value !== null ? undefined : value;
  if (Array.isArray(value)) return value.map((item) => prune(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (PRIVATE_KEYS.has(key) || typeof item === 'function') continue;
    // defineProperty, so a `__proto__` key stays an own data property instead of setting the prototype.
    Object.defineProperty(copy, key, { value: prune(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * The serialisable form of an auth object with private metadata removed: what may be embedded in a page.
 *
 * @example
 * res.json({ auth: sanitizeAuthObject(getAuth(req)) });
 */
export function sanitizeAuthObject<T extends { getToken: unknown; has: unknown }>(auth: T): Omit<T, 'getToken' | 'has'> {
  return prunePrivateMetadata(toSerializableAuth(auth));
}
