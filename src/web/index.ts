// clerk-bapi/web: request authentication for Fetch-style handlers (Hono, Cloudflare Workers, Bun, Deno).
// Web standards only: options are passed in, never read from an environment.
import { buildRequestAuthenticator } from '../auth/request/authenticate-request.js';
import {
  ACCESS_OPTIONS,
  checkSignInUrl,
  signInRedirect,
  webRequestParts,
  type AccessOptions,
} from '../auth/request/handshake/sign-in-redirect.js';
import { checkOptions } from '../kernel/check-options.js';
import { responseCookies } from '../auth/request/request-state.js';
import {
  type AuthFor,
  decideAccess,
  type AuthenticateRequestOptions,
  type AuthObject,
  type RequestState,
  type SessionAuthObject,
} from '../auth/index.js';

export type { AuthenticateRequestOptions, AuthFor, AuthObject, HasParams, RequestState, SessionAuthObject } from '../auth/index.js';

/**
 * The Hono environment the middleware fills: `new Hono<WebAuthEnv>()` types `c.get('auth')` as a session auth
 * object; `WebAuthEnv<AuthObject>` when `acceptsToken` lets machine tokens in.
 *
 * @example
 * const app = new Hono<WebAuthEnv>();
 * app.use('/api/*', clerk.honoMiddleware());
 * app.get('/api/me', (c) => c.json({ userId: c.get('auth').userId }));
 */
export interface WebAuthEnv<A extends AuthObject = SessionAuthObject> {
  Variables: { auth: A };
}

/**
 * What {@link protect} gives: the auth object, or a ready 401/403 JSON `Response` to return as is.
 *
 * @example
 * const { auth, response } = await clerk.protect(request);
 * if (response) return response;
 */
export type ProtectResult<A extends AuthObject = AuthObject> =
  | { auth: A; state: RequestState; response?: undefined }
  | { auth: A; state: RequestState; response: Response };

/**
 * Options of a protected handler or middleware: the same names and meaning as `requireAuth`'s of
 * `clerk-bapi/express` and `clerk-bapi/fastify`.
 *
 * @example
 * const options: ProtectOptions = { has: { permission: 'org:invoices:read' } };
 */
export type ProtectOptions = AccessOptions;

/** Checks a handler's or middleware's options once, when it is created. */
function checkProtectOptions(name: string, options: ProtectOptions | undefined): void {
  checkOptions(name, options, ACCESS_OPTIONS);
  checkSignInUrl(name, options?.signInUrl);
}

/** The slice of a Hono context the middleware uses; typed structurally so hono stays an optional peer. */
interface HonoLikeContext {
  req: { raw: Request };
  set(key: 'auth', value: AuthObject): void;
}

/**
 * Request authentication for Fetch-style servers.
 *
 * @example
 * const clerk = createWebAuth({ jwtKey: env.CLERK_JWT_KEY });
 */
export interface WebAuth<A extends AuthObject = AuthObject> {
  /** The request state (never throws). */
  authenticate(request: Request): Promise<RequestState>;
  /** Authenticates and checks; `response` is set when the request must be refused or redirected (a handshake, 307). */
  protect(request: Request, options?: ProtectOptions): Promise<ProtectResult<A>>;
  /** Wraps a handler: it runs only for authenticated requests and receives the auth object. */
  withAuth<Rest extends unknown[]>(
    handler: (request: Request, auth: A, ...rest: Rest) => Response | Promise<Response>,
    options?: ProtectOptions,
  ): (request: Request, ...rest: Rest) => Promise<Response>;
  /** A Hono middleware: refuses with 401/403 JSON, else sets `c.get('auth')`. */
  honoMiddleware(options?: ProtectOptions): (c: HonoLikeContext, next: () => Promise<void>) => Promise<Response | undefined>;
}

/**
 * The `307` redirect that answers a handshake state (a page load whose session cookie Clerk must refresh),
 * with its `Location`, `Set-Cookie` and `Cache-Control` headers; `undefined` for any other state.
 *
 * @example
 * const state = await clerk.authenticate(request);
 * const redirect = handshakeResponse(state);
 * if (redirect) return redirect;
 */
export function handshakeResponse(state: RequestState): Response | undefined {
  return state.status === 'handshake' ? new Response(null, { status: 307, headers: state.headers }) : undefined;
}

/** Adds the cookies a handshake's return trip brought to the handler's response (a copy when its headers are immutable). */
function withCookies(response: Response, state: RequestState): Response {
  const cookies = responseCookies(state);
  if (cookies.length === 0) return response;
  let target = response;
  try {
    for (const cookie of cookies) target.headers.append('set-cookie', cookie);
  } catch {
    target = new Response(response.body, response);
    for (const cookie of cookies) target.headers.append('set-cookie', cookie);
  }
  return target;
}

/**
 * Creates request authentication for Fetch-style servers. Bad or missing key options throw a
 * `TypeError` here, at startup; requests never throw.
 *
 * @example
 * const clerk = createWebAuth({ jwtKey: env.CLERK_JWT_KEY, authorizedParties: ['https://app.example.com'] });
 * export default { fetch: clerk.withAuth((request, auth) => Response.json({ userId: auth.userId })) };
 */
export function createWebAuth<const O extends AuthenticateRequestOptions>(options: O): WebAuth<AuthFor<O>> {
  const authenticator = buildRequestAuthenticator(options, 'createWebAuth');

  async function protect(request: Request, protectOptions: ProtectOptions = {}): Promise<ProtectResult<AuthFor<O>>> {
    const state = await authenticator.authenticateRequest(request);
    // A session object unless acceptsToken lets machine tokens in: what AuthFor<O> says.
    const auth = state.toAuth() as AuthFor<O>;
    const redirect = handshakeResponse(state);
    if (redirect !== undefined) return { auth, state, response: redirect };
    const denial = decideAccess(state, auth, protectOptions.has);
    if (denial === undefined) return { auth, state };
    if (denial.status === 401 && protectOptions.redirectToSignIn === true) {
      const target = signInRedirect(protectOptions.signInUrl ?? options.signInUrl, webRequestParts(request));
      if (target !== undefined) {
        const headers = new Headers({ location: target, 'cache-control': 'no-store' });
        return { auth, state, response: new Response(null, { status: 307, headers }) };
      }
    }
    return { auth, state, response: Response.json(denial.body, { status: denial.status, headers: denial.headers }) };
  }

  return {
    authenticate: (request) => authenticator.authenticateRequest(request),
    protect,
    withAuth(handler, protectOptions) {
      checkProtectOptions('withAuth', protectOptions);
      return async (request, ...rest) => {
        const { auth, state, response } = await protect(request, protectOptions);
        if (response !== undefined) return response;
        return withCookies(await handler(request, auth, ...rest), state);
      };
    },
    honoMiddleware(protectOptions) {
      checkProtectOptions('honoMiddleware', protectOptions);
      return async (c, next) => {
        const { auth, response } = await protect(c.req.raw, protectOptions);
        if (response !== undefined) return response;
        c.set('auth', auth);
        await next();
        return undefined;
      };
    },
  };
}
