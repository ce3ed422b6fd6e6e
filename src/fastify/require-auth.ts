import { decideAccess } from '../auth/index.js';
import { ACCESS_OPTIONS, checkSignInUrl, signInRedirect, type AccessOptions } from '../auth/request/handshake/sign-in-redirect.js';
import { checkOptions } from '../kernel/check-options.js';
import { nodeRequestParts, pickAuth, readAppOptions, readRequestState, signInUrlFromEnv } from '../node/adapter-auth.js';
import type { FastifyLikeReply, FastifyLikeRequest } from './clerk-plugin.js';

/**
 * Options of {@link requireAuth}: the same names and meaning as `clerk-bapi/express`'s `requireAuth`.
 *
 * @example
 * app.get('/account', { preHandler: requireAuth({ redirectToSignIn: true }) }, handler);
 */
export type RequireAuthOptions = AccessOptions;

/**
 * A Fastify `preHandler` that refuses unauthenticated requests with 401 JSON, and with 403 JSON when a `has`
 * condition fails; with `redirectToSignIn: true`, a signed-out page load is redirected to `signInUrl` instead.
 * Needs `clerkPlugin` registered before the route; bad options throw a `TypeError` when the route is declared.
 *
 * @example
 * await app.register(clerkPlugin, { signInUrl: '/sign-in' });
 * app.get('/account', { preHandler: requireAuth({ redirectToSignIn: true }) }, async (request) => getAuth(request));
 */
export function requireAuth(options: RequireAuthOptions = {}): (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown> {
  checkOptions('requireAuth', options, ACCESS_OPTIONS);
  checkSignInUrl('requireAuth', options.signInUrl);
  const { has, redirectToSignIn = false } = options;
  return async (request, reply) => {
    const state = readRequestState(request);
    if (state === undefined) {
      throw new Error('requireAuth: no auth on this request. Register clerkPlugin before this route.');
    }
    const denial = decideAccess(state, pickAuth(request.auth, 'any'), has);
    if (denial === undefined) return undefined;
    if (denial.status === 401 && redirectToSignIn) {
      const signInUrl = options.signInUrl ?? readAppOptions(request)?.signInUrl ?? signInUrlFromEnv();
      const parts = nodeRequestParts(request.headers, request.url, undefined, { method: request.method, protocol: request.protocol });
      const target = signInRedirect(signInUrl, parts);
      if (target !== undefined) return reply.code(307).header('location', target).header('cache-control', 'no-store').send();
    }
    denial.headers.forEach((value, name) => reply.header(name, value));
    return reply.code(denial.status).send(denial.body);
  };
}
