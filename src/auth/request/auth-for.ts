import type { SessionAuthObject } from './auth-object.js';
import type { AuthObject } from './request-state.js';

/**
 * The auth object type a request gives under options `O`: a session auth object (its `userId` readable without
 * narrowing) unless `acceptsToken` lets machine tokens in, as @clerk/express types it.
 *
 * @example
 * type A = AuthFor<{ acceptsToken: 'api_key' }>; // AuthObject
 * type B = AuthFor<{ authorizedParties: string[] }>; // SessionAuthObject
 */
export type AuthFor<O> = O extends { acceptsToken: infer T }
  ? [T] extends [undefined | 'session_token' | readonly 'session_token'[]]
    ? SessionAuthObject
    : AuthObject
  : SessionAuthObject;
