// Types `req.auth` on Express's own Request, as `clerkMiddleware()` sets it (as @clerk/express does): a function
// (`req.auth()`) that also carries the auth object's fields (`req.auth.userId`, the older form).
import type { RequestAuth } from '../node/request-auth.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's request type lives in this global namespace.
  namespace Express {
    interface Request {
      /**
       * Set by `clerkMiddleware()`, `ClerkExpressWithAuth()` and `ClerkExpressRequireAuth()`: call `req.auth()`
       * (or `getAuth(req)`) for the session auth object, `req.auth({ acceptsToken })` for machine tokens.
       */
      auth: RequestAuth;
    }
  }
}

export {};
