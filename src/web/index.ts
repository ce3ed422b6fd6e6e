// clerk-bapi/web: request authentication for Fetch-style handlers (Hono, Cloudflare Workers, Bun, Deno).
// Web standards only: options are passed in, never read from an environment.
import {
  createRequestAuthenticator,
  decideAccess,
  type AuthenticateRequestOptions,
  type AuthObject,
  type HasParams,
  type RequestState,
} from '../auth/index.js';

export type { AuthenticateRequestOptions, AuthObject, HasParams, RequestState } from '../auth/index.js';

/**
 * What {@link protect} gives: the auth object, or a ready 401/403 JSON `Response` to return as is.
 *
 * @example
 * const { auth, response } = await clerk.protect(request);
 * if (response) return response;
 */
export type ProtectResult =
  | { auth: AuthObject; state: RequestState; response?: undefined }
  | { auth: AuthObject; state: RequestState; response: Response };

/**
 * Options of a protected handler or middleware.
 *
 * @example
 * const options: ProtectOptions = { has: { permission: 'org:invoices:read' } };
 */
export interface ProtectOptions {
  /** Conditions the session must meet, else 403. */
  has?: HasParams | undefined;
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
export interface WebAuth {
  /** The request state (never throws). */
  authenticate(request: Request): Promise<RequestState>;
  /** Authenticates and checks; `response` is set when the request must be refused or redirected (a handshake, 307). */
  protect(request: Request, options?: ProtectOptions): Promise<ProtectResult>;
  /** Wraps a handler: it runs only for authenticated requests and receives the auth object. */
  withAuth<Rest extends unknown[]>(
    handler: (request: Request, auth: AuthObject, ...rest: Rest) => Response | Promise<Response>,
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

/**
 * Creates request authentication for Fetch-style servers. Bad or missing key options throw a
 * `TypeError` here, at startup; requests never throw.
 *
 * @example
 * const clerk = createWebAuth({ jwtKey: env.CLERK_JWT_KEY, authorizedParties: ['https://app.example.com'] });
 * export default { fetch: clerk.withAuth((request, auth) => Response.json({ userId: auth.userId })) };
 */
export function createWebAuth(options: AuthenticateRequestOptions): WebAuth {
  const authenticator = createRequestAuthenticator(options);

  async function protect(request: Request, protectOptions: ProtectOptions = {}): Promise<ProtectResult> {
    const state = await authenticator.authenticateRequest(request);
    const auth = state.toAuth();
    const redirect = handshakeResponse(state);
    if (redirect !== undefined) return { auth, state, response: redirect };
    const denial = decideAccess(state, auth, protectOptions.has);
    if (denial === undefined) return { auth, state };
    return { auth, state, response: Response.json(denial.body, { status: denial.status, headers: denial.headers }) };
  }

  return {
    authenticate: (request) => authenticator.authenticateRequest(request),
    protect,
    withAuth(handler, protectOptions) {
      return async (request, ...rest) => {
        const { auth, response } = await protect(request, protectOptions);
        return response ?? handler(request, auth, ...rest);
      };
    },
    honoMiddleware(protectOptions) {
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
