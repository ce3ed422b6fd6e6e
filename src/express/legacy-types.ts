// The request types of `@clerk/clerk-sdk-node`, kept so that code migrating from it compiles with only its
// imports changed. Assignable from what `clerkMiddleware()` sets on `req.auth`.
import type { AuthObject, SessionAuthObject } from '../auth/index.js';

/**
 * A signed-in session auth object: `userId` and `sessionId` are strings.
 *
 * @example
 * const auth: SignedInSessionAuthObject = req.auth as SignedInSessionAuthObject;
 */
export type SignedInSessionAuthObject = SessionAuthObject & {
  readonly isAuthenticated: true;
  readonly userId: string;
  readonly sessionId: string;
};

/**
 * A request that may or may not be signed in (`ClerkExpressWithAuth()`).
 *
 * @example
 * app.get('/', ClerkExpressWithAuth(), (req: WithAuthProp<Request>, res) => res.json({ userId: req.auth.userId ?? null }));
 */
export interface LooseAuthProp {
  auth: AuthObject;
}

/**
 * A request that is signed in (`ClerkExpressRequireAuth()`).
 *
 * @example
 * declare global { namespace Express { interface Request extends StrictAuthProp {} } }
 */
export interface StrictAuthProp {
  auth: SignedInSessionAuthObject;
}

/**
 * `T` with `auth` that may be signed out, as `ClerkExpressWithAuth()` leaves it.
 *
 * @example
 * (req: WithAuthProp<Request>, res: Response) => res.json({ userId: req.auth.userId ?? null });
 */
export type WithAuthProp<T> = T & LooseAuthProp;

/**
 * `T` with a signed-in `auth`, as `ClerkExpressRequireAuth()` guarantees.
 *
 * @example
 * (req: RequireAuthProp<Request>, res: Response) => res.json({ userId: req.auth.userId });
 */
export type RequireAuthProp<T> = T & StrictAuthProp;
