import type { AuthObject, AuthenticateRequestOptions, RequestState } from '../auth/index.js';
import { oneOf, type OptionTable } from '../kernel/check-options.js';
import { responseCookies } from '../auth/request/request-state.js';
import {
  createAdapterAuthenticator,
  createGetAuth,
  handshakeRedirect,
  nodeRequestParts,
  readRequestState,
  storeAppOptions,
  storeAuth,
  type GetAuth,
  type NodeHeaders,
} from '../node/adapter-auth.js';

/**
 * The slice of a Fastify request the plugin reads and writes; structural, so `fastify` stays an optional peer.
 *
 * @example
 * const request: FastifyLikeRequest = { headers: {}, url: '/' };
 */
export interface FastifyLikeRequest {
  headers: NodeHeaders;
  url: string;
  method?: string | undefined;
  /** `http` or `https`, as Fastify derives it (honouring `trustProxy`). */
  protocol?: string | undefined;
  auth?: AuthObject | undefined;
  /** Node's request: its `rawHeaders` show several `Authorization` lines, which are refused. */
  raw?: { rawHeaders?: readonly string[] | undefined } | undefined;
}

/**
 * The slice of a Fastify instance the plugin uses.
 *
 * @example
 * const instance: FastifyLikeInstance = fastify();
 */
export interface FastifyLikeInstance {
  decorateRequest(name: string, value: unknown): unknown;
  addHook(name: ClerkHookName, hook: (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown>): unknown;
}

/**
 * The slice of a Fastify reply the plugin uses to send the handshake redirect.
 *
 * @example
 * reply.code(307).header('location', url).send();
 */
export interface FastifyLikeReply {
  code(status: number): FastifyLikeReply;
  header(name: string, value: string | string[]): FastifyLikeReply;
  send(payload?: unknown): unknown;
}

/**
 * The Fastify hook the plugin authenticates in, as @clerk/fastify's `hookName`: `'preHandler'` (the default) runs
 * after body parsing and validation; `'onRequest'` runs first, before the body is read.
 *
 * @example
 * await app.register(clerkPlugin, { hookName: 'onRequest' });
 */
export type ClerkHookName = 'onRequest' | 'preHandler';

const HOOK_NAMES: readonly unknown[] = ['onRequest', 'preHandler'];

/**
 * Options of {@link clerkPlugin}; keys default to `CLERK_SECRET_KEY`, `CLERK_PUBLISHABLE_KEY`,
 * `CLERK_JWT_KEY`, `CLERK_API_URL`.
 *
 * @example
 * await app.register(clerkPlugin, { authorizedParties: ['https://app.example.com'] });
 */
export interface ClerkPluginOptions extends AuthenticateRequestOptions {
  /** The hook that authenticates: `'preHandler'` (default) or `'onRequest'`. */
  hookName?: ClerkHookName | undefined;
  // Fastify's own `register` options, typed as Fastify types them (no `| undefined`), so that a variable typed
  // `ClerkPluginOptions` can be passed to `register` under `exactOptionalPropertyTypes`.
  /** Fastify's own `register` option; accepted, not used by the plugin. */
  prefix?: string;
  /** Fastify's own `register` option; accepted, not used by the plugin. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Fastify's own `register` option; accepted, not used by the plugin. */
  logSerializers?: Record<string, (value: any) => string>;
}

/**
 * The plugin's own options beside request authentication's, and the options Fastify's `register` takes for
 * itself (which Fastify hands to the plugin too).
 */
const PLUGIN_OPTIONS: OptionTable = {
  hookName: oneOf(HOOK_NAMES),
  prefix: null,
  logLevel: null,
  logSerializers: null,
};

/**
 * A Fastify plugin that authenticates every request in a `preHandler` hook (or `hookName`'s) and sets `request.auth`
 * (also `getAuth(request)`). It never refuses a request itself, but answers a page load whose session cookie needs
 * refreshing (Clerk's handshake) with a `307` redirect before the route runs. A missing key throws at registration.
 *
 * @example
 * await app.register(clerkPlugin);
 * app.get('/me', async (request, reply) => {
 *   const { userId } = getAuth(request);
 *   if (!userId) return reply.code(401).send({ error: 'unauthenticated' });
 *   return { userId };
 * });
 */
export function clerkPlugin(instance: FastifyLikeInstance, options: ClerkPluginOptions, done: (error?: Error) => void): void {
  let authenticator: ReturnType<typeof createAdapterAuthenticator>;
  const hookName = options?.hookName ?? 'preHandler';
  try {
    // The plugin's own options (hookName) are checked with the rest and not passed on.
    authenticator = createAdapterAuthenticator(options ?? {}, 'clerkPlugin', PLUGIN_OPTIONS);
  } catch (error) {
    return done(error as Error);
  }
  instance.decorateRequest('auth', undefined);
  instance.addHook(hookName, async (request, reply) => {
    const parts = nodeRequestParts(request.headers, request.url, request.raw?.rawHeaders, {
      method: request.method,
      protocol: request.protocol,
    });
    const state = await authenticator.authenticateParts(parts);
    storeAuth(request, state);
    // requireAuth() reads the plugin's signInUrl from here.
    storeAppOptions(request, options ?? {});
    // A page load whose cookies need refreshing is answered by the handshake redirect; the route never runs.
    const redirect = handshakeRedirect(state);
    if (redirect === undefined) {
      // Cookies a handshake's return trip brought (signed in or out) go out with the route's response.
      const cookies = responseCookies(state);
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return undefined;
    }
    reply.code(redirect.status);
    for (const [name, value] of Object.entries(redirect.headers)) reply.header(name, value);
    return reply.send();
  });
  done();
}

// Fastify's `skip-override`, as `fastify-plugin` sets it: the hook applies to the whole app, not only
// to routes registered inside the plugin's own encapsulation context.
Object.defineProperty(clerkPlugin, Symbol.for('skip-override'), { value: true });
Object.defineProperty(clerkPlugin, Symbol.for('fastify.display-name'), { value: 'clerk-bapi' });

/**
 * The session auth object of a request (signed out when the plugin did not run or a machine token came);
 * pass `{ acceptsToken }` to get machine auth objects too.
 *
 * @example
 * const { userId, orgRole } = getAuth(request);
 */
export const getAuth: GetAuth<FastifyLikeRequest> = createGetAuth();

/**
 * The request state the plugin computed (reason, `x-clerk-auth-*` headers).
 *
 * @example
 * const state = getRequestState(request);
 */
export function getRequestState(request: FastifyLikeRequest): RequestState | undefined {
  return readRequestState(request);
}
