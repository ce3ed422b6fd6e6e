// clerk-bapi/fastify: a Fastify plugin for request authentication, plus what @clerk/fastify also exports
// (an environment-configured `clerkClient`, `createClerkClient`, `verifyToken`, `authenticateRequest`,
// `verifyWebhook`). Re-exports only.
export {
  clerkPlugin,
  getAuth,
  getRequestState,
  type ClerkHookName,
  type ClerkPluginOptions,
  type FastifyLikeInstance,
  type FastifyLikeRequest,
} from './clerk-plugin.js';
export { requireAuth, type RequireAuthOptions } from './require-auth.js';
export type { AuthObject, HasParams, RequestState, SessionAuthObject } from '../auth/index.js';
export { verifyWebhook, type FastifyWebhookRequest } from './verify-webhook.js';
export type { AdapterWebhookOptions as VerifyWebhookOptions } from '../node/adapter-webhook.js';
export { clerkClient } from './clerk-client.js';
export { createClerkClient, type ClerkClient, type ClerkClientOptions } from '../client/create-clerk-client.js';
export { authenticateRequest, verifyToken } from '../auth/index.js';
export type { WebhookEvent, WebhookResult } from '../webhooks/index.js';
