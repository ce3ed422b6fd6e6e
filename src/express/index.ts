// clerk-bapi/express: Express middleware for request authentication, plus what @clerk/express also exports
// (an environment-configured `clerkClient`, `createClerkClient`, `verifyToken`, `authenticateRequest`,
// `verifyWebhook`). Re-exports only.
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
export type { LooseAuthProp, RequireAuthProp, SignedInSessionAuthObject, StrictAuthProp, WithAuthProp } from './legacy-types.js';
export type { AuthObject, HasParams, RequestState, SessionAuthObject } from '../auth/index.js';
export type { RequestAuth, RequestAuthFn, RequestAuthOptions } from '../node/request-auth.js';
export * from './request-auth-type.js';
export { clerkWebhook, type ClerkWebhookContext, type ClerkWebhookHandler, type ClerkWebhookOptions } from './clerk-webhook.js';
export { verifyWebhook, type VerifyWebhookOptions } from './verify-webhook.js';
export { clerkClient } from './clerk-client.js';
export { createClerkClient, type ClerkClient, type ClerkClientOptions } from '../client/create-clerk-client.js';
export { authenticateRequest, verifyToken } from '../auth/index.js';
export type { WebhookEvent, WebhookResult } from '../webhooks/index.js';
