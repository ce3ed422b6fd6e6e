// clerk-bapi/express: Express middleware for request authentication. Re-exports only.
export {
  clerkMiddleware,
  getAuth,
  getRequestState,
  requireAuth,
  type ClerkMiddlewareOptions,
  type ExpressHandler,
  type ExpressLikeRequest,
  type ExpressLikeResponse,
  type ExpressNext,
  type RequireAuthOptions,
} from './clerk-middleware.js';
export { ClerkExpressRequireAuth, ClerkExpressWithAuth, UnauthenticatedError } from './legacy-middleware.js';
export type { AuthObject, HasParams, RequestState, SessionAuthObject } from '../auth/index.js';
export * from './request-auth-type.js';
export { clerkWebhook, type ClerkWebhookContext, type ClerkWebhookHandler, type ClerkWebhookOptions } from './clerk-webhook.js';
