import { clerkMiddleware, getRequestState, type ClerkMiddlewareOptions, type ExpressHandler } from './clerk-middleware.js';

/**
 * The error `ClerkExpressRequireAuth()` passes to `next` for an unauthenticated request: Express's
 * default handler answers with its `status` (401); a custom error handler can read `reason`.
 *
 * @example
 * app.use((error, req, res, next) => res.status(error.status ?? 500).json({ error: error.reason }));
 */
export class UnauthenticatedError extends Error {
  readonly status = 401;
  readonly statusCode = 401;
  constructor(readonly reason: string) {
    super('Unauthenticated');
    this.name = 'UnauthenticatedError';
  }
}

/**
 * The older `@clerk/clerk-sdk-node` middleware: sets `req.auth` (`userId`, `orgId`, `orgRole`, …) and
 * always continues. Kept so existing code runs with only its import changed.
 *
 * @example
 * app.get('/me', ClerkExpressWithAuth(), (req, res) => res.json({ userId: req.auth?.userId ?? null }));
 */
export function ClerkExpressWithAuth(options: ClerkMiddlewareOptions = {}): ExpressHandler {
  return clerkMiddleware(options);
}

/**
 * The older `@clerk/clerk-sdk-node` guard: sets `req.auth`, and for an unauthenticated request calls
 * `next(error)` with an {@link UnauthenticatedError} (status 401), as the old SDK did.
 *
 * @example
 * app.get('/protected', ClerkExpressRequireAuth(), (req, res) => res.json(req.auth));
 */
export function ClerkExpressRequireAuth(options: ClerkMiddlewareOptions = {}): ExpressHandler {
  const middleware = clerkMiddleware(options);
  return (req, res, next) => {
    middleware(req, res, (error?: unknown) => {
      if (error !== undefined) return next(error);
      const state = getRequestState(req);
      if (state?.isAuthenticated === true && req.auth?.isAuthenticated === true) return next();
      next(new UnauthenticatedError(state?.reason ?? 'session_pending'));
    });
  };
}
