// clerk-bapi/fastify: a Fastify plugin for request authentication. Re-exports only.
export {
  clerkPlugin,
  getAuth,
  getRequestState,
  type ClerkPluginOptions,
  type FastifyLikeInstance,
  type FastifyLikeRequest,
} from './clerk-plugin.js';
export type { AuthObject, HasParams, RequestState, SessionAuthObject } from '../auth/index.js';
