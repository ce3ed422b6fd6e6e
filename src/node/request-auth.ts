// Node adapters: `req.auth` is a function, as current @clerk/express documents (`req.auth()`), that also carries
// the auth object's fields, so that code written for the older object form (`req.auth.userId`) keeps working.
import type { AcceptsToken, AuthObject, SessionAuthFields, SessionAuthObject } from '../auth/index.js';

/**
 * Options of `req.auth(options)`.
 *
 * @example
 * const auth = req.auth({ acceptsToken: 'api_key' });
 */
export interface RequestAuthOptions {
  /** The token kinds to return; others give a signed-out session object. Default `'session_token'`. */
  acceptsToken?: AcceptsToken | undefined;
}

/**
 * `req.auth` as a function: a session auth object without options, any accepted kind with `acceptsToken`.
 *
 * @example
 * const { userId } = req.auth();
 */
export interface RequestAuthFn {
  (options?: { acceptsToken?: 'session_token' | undefined }): SessionAuthObject;
  (options: RequestAuthOptions): AuthObject;
}

/**
 * `req.auth` as the adapters set it: callable (`req.auth()`), and carrying the fields of the request's auth
 * object (`req.auth.userId`, the older form). `JSON.stringify(req.auth)` gives the fields.
 *
 * @example
 * const userId = req.auth().userId; // or, older code: req.auth.userId
 */
export type RequestAuth = RequestAuthFn & AuthObject & LegacyAuthFields;

/**
 * The session fields, readable on the object form whatever the token kind (`undefined` where a machine token
 * has none), as `req.auth.userId` was readable on the older SDKs without narrowing.
 *
 * @example
 * const orgId: string | undefined = req.auth.orgId;
 */
export type LegacyAuthFields = Partial<Omit<SessionAuthFields, 'tokenType' | 'isAuthenticated'>>;

const RAW_AUTH = Symbol('clerk-bapi.auth');

/**
 * Wraps an auth object as `req.auth`; `pick` chooses what a call returns for its `acceptsToken`.
 *
 * @example
 * req.auth = toRequestAuth(state.toAuth(), pickAuth);
 */
export function toRequestAuth(auth: AuthObject, pick: (auth: AuthObject, accepts: AcceptsToken | undefined) => AuthObject): RequestAuth {
  const fn = (options?: RequestAuthOptions) => pick(auth, options?.acceptsToken);
  // An API key's `name` replaces the function's own, which is read-only: made writable so that the copy can set it.
  if (Object.hasOwn(auth, 'name'))
    Object.defineProperty(fn, 'name', { value: undefined, writable: true, enumerable: true, configurable: true });
  // The data fields by plain assignment, then one freeze: the same own properties (enumerable, then read-only) as a
  // `defineProperty` per field, which cost about 3 µs on every request.
  Object.assign(fn, auth);
  // The functions stay non-enumerable, as on the auth object, so that serialising `req.auth` copies data only.
  Object.defineProperty(fn, 'getToken', { value: auth.getToken });
  Object.defineProperty(fn, 'has', { value: auth.has });
  Object.defineProperty(fn, 'toJSON', { value: () => ({ ...auth }) });
  Object.defineProperty(fn, RAW_AUTH, { value: auth });
  return Object.freeze(fn) as unknown as RequestAuth;
}

/**
 * The plain auth object behind a `req.auth` (the value itself when it is already a plain object).
 *
 * @example
 * const auth = unwrapRequestAuth(req.auth);
 */
export function unwrapRequestAuth(value: AuthObject | RequestAuth | undefined): AuthObject | undefined {
  if (typeof value === 'function') return (value as unknown as { [RAW_AUTH]?: AuthObject })[RAW_AUTH];
  return value;
}
