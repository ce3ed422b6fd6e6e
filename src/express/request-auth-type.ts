// Types `req.auth` on Express's own Request, as `clerkMiddleware()` sets it (same as @clerk/express does).
import type { AuthObject } from '../auth/index.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's request type lives in this global namespace.
  namespace Express {
    interface Request {
      /** Set by `clerkMiddleware()`, `ClerkExpressWithAuth()` and `ClerkExpressRequireAuth()`; read it with `getAuth(req)`. */
      auth?: AuthObject | undefined;
    }
  }
}

export {};
