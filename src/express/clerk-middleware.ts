import { REQUEST_AUTH_OPTIONS } from '../auth/request/authenticate-request.js';
import { checkOptions, type OptionTable } from '../kernel/check-options.js';
import { decideAccess, type AuthObject, type AuthenticateRequestOptions, type RequestState } from '../auth/index.js';
import { ACCESS_OPTIONS, signInRedirect, type AccessOptions } from '../auth/request/handshake/sign-in-redirect.js';
import { responseCookies } from '../auth/request/request-state.js';
import {
  createAdapterAuthenticator,
  createGetAuth,
  handshakeRedirect,
  hasKeySource,
  inheritOptions,
  noKeyError,
  nodeRequestParts,
  pickAuth,
  readAppOptions,
  readRequestState,
  signInUrlFromEnv,
  storeAppOptions,
  storeAuth,
  type GetAuth,
  type NodeHeaders,
} from '../node/adapter-auth.js';

/**
 * The slice of an Express request the middleware reads and writes; structural, so `express` stays an
 * optional peer dependency.
 *
 * @example
 * const req: ExpressLikeRequest = { headers: {}, originalUrl: '/' };
 */
export interface ExpressLikeRequest {
  headers: NodeHeaders;
  originalUrl?: string | undefined;
  url?: string | undefined;
  method?: string | undefined;
  /** `http` or `https`, as Express derives it (honouring `trust proxy`). */
  protocol?: string | undefined;
  /** Node's header lines as received: several `Authorization` lines are refused. */
  rawHeaders?: readonly string[] | undefined;
  auth?: AuthObject | undefined;
}

/**
 * The slice of an Express response used to refuse a request.
 *
 * @example
 * res.status(401).json({ errors: [] });
 */
export interface ExpressLikeResponse {
  status(code: number): ExpressLikeResponse;
  setHeader(name: string, value: string | string[]): unknown;
  json(body: unknown): unknown;
  /** Ends a response without a body (the handshake redirect). */
  end(): unknown;
}

/**
 * Express's `next`.
 *
 * @example
 * const next: ExpressNext = (error) => { if (error) console.error(error); };
 */
export type ExpressNext = (error?: unknown) => void;

/**
 * An Express middleware.
 *
 * @example
 * app.use(handler);
 */
export type ExpressHandler = (req: ExpressLikeRequest, res: ExpressLikeResponse, next: ExpressNext) => void;

/**
 * Options of {@link clerkMiddleware}: request authentication options, each optional; keys default to
 * `CLERK_SECRET_KEY`, `CLERK_PUBLISHABLE_KEY`, `CLERK_JWT_KEY`, `CLERK_API_URL`.
 *
 * @example
 * app.use(clerkMiddleware({ authorizedParties: ['https://app.example.com'] }));
 */
export type ClerkMiddlewareOptions = AuthenticateRequestOptions;

/**
 * Authenticates every request and sets `req.auth` (also given by `getAuth(req)`); never refuses a request
 * itself — add `requireAuth()` to the routes that need a user. A page load whose session cookie needs
 * refreshing (Clerk's handshake) is answered with a `307` redirect before any route runs. A missing key
 * throws at startup.
 *
 * @example
 * app.use(clerkMiddleware());
 * app.get('/me', (req, res) => res.json({ userId: getAuth(req).userId }));
 */
export function clerkMiddleware(options: ClerkMiddlewareOptions = {}): ExpressHandler {
  const handler = authenticateWith(options, true, 'clerkMiddleware');
  appMiddlewareCreated = true;
  return handler;
}

/**
 * Whether a `clerkMiddleware()` (which has keys, or it would have thrown) was created in this process: then a bare
 * `requireAuth()` may rely on its keys instead of the environment's.
 */
let appMiddlewareCreated = false;

function authenticateWith(options: ClerkMiddlewareOptions, appLevel: boolean, adapter: string): ExpressHandler {
  const authenticator = createAdapterAuthenticator(options, adapter);
  return (req, res, next) => {
    const parts = nodeRequestParts(req.headers, req.originalUrl ?? req.url, req.rawHeaders, { method: req.method, protocol: req.protocol });
    authenticator.authenticateParts(parts).then((state) => {
      storeAuth(req, state);
      if (appLevel) storeAppOptions(req, options);
      // A page load whose cookies need refreshing is answered by the handshake redirect; no route runs.
      const redirect = handshakeRedirect(state);
      if (redirect === undefined) {
        // Cookies a handshake's return trip brought (signed in or out) go out with the route's response.
        const cookies = responseCookies(state);
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        return next();
      }
      res.status(redirect.status);
      for (const [name, value] of Object.entries(redirect.headers)) res.setHeader(name, value);
      res.end();
    }, next);
  };
}

/**
 * The session auth object `clerkMiddleware()` set on the request. Without options it is always a session
 * object (signed out when the middleware did not run or the request carried a machine token); pass
 * `{ acceptsToken }` to get machine auth objects too.
 *
 * @example
 * const { userId, orgId } = getAuth(req);
 * const auth = getAuth(req, { acceptsToken: 'any' });
 */
export const getAuth: GetAuth<ExpressLikeRequest> = createGetAuth();

/**
 * The request state `clerkMiddleware()` computed (reason, headers), for logging or custom responses.
 *
 * @example
 * const state = getRequestState(req);
 */
export function getRequestState(req: ExpressLikeRequest): RequestState | undefined {
  return readRequestState(req);
}

/**
 * Options of {@link requireAuth}: the route guards' options of every adapter (`has`, `redirectToSignIn`,
 * `signInUrl`) plus middleware options used when `clerkMiddleware()` did not run before it.
 *
 * @example
 * app.get('/admin', requireAuth({ has: { role: 'org:admin' } }), handler);
 */
export interface RequireAuthOptions extends ClerkMiddlewareOptions, AccessOptions {}

/** The options {@link requireAuth} knows: the middleware's, and the route guards' (`has`, `redirectToSignIn`). */
const REQUIRE_AUTH_OPTIONS: OptionTable = { ...REQUEST_AUTH_OPTIONS, ...ACCESS_OPTIONS };

/**
 * Refuses unauthenticated requests with 401 JSON, and with 403 JSON when a `has` condition fails; with
 * `redirectToSignIn: true`, a signed-out page load is redirected to `signInUrl` instead. Runs `clerkMiddleware()` itself when it was not installed before, or when given middleware
 * options of its own (e.g. `acceptsToken: 'api_key'` on one route); those inherit the options of the
 * `clerkMiddleware()` that ran before (`authorizedParties`, `audience`, keys…), the route's own winning.
 *
 * @example
 * app.get('/reports', requireAuth({ has: { permission: 'org:reports:read' } }), (req, res) => res.json(getAuth(req)));
 */
export function requireAuth(options: RequireAuthOptions = {}): ExpressHandler {
  checkOptions('requireAuth', options, REQUIRE_AUTH_OPTIONS);
  const { has, redirectToSignIn = false, ...middlewareOptions } = options;
  const ownOptions = Object.values(middlewareOptions).some((value) => value !== undefined);
  // With options of its own, keys are checked now, at startup. Without, a clerkMiddleware() created before may
  // hold keys that are not in the environment, so the authenticator waits for first use; but with no such
  // middleware and no key in the environment either, nothing could ever verify a token: that is a startup
  // error too, not a 500 on the first request (issue #25).
  if (!ownOptions && !appMiddlewareCreated && !hasKeySource(middlewareOptions)) {
    throw noKeyError('requireAuth', 'or create clerkMiddleware({ … }) before requireAuth()');
  }
  // Built now whenever it may be needed (own options, or no clerkMiddleware() yet), so that a key of the wrong shape
  // in the environment is refused at startup as well.
  let middleware: ExpressHandler | undefined =
    ownOptions || !appMiddlewareCreated ? authenticateWith(middlewareOptions, false, 'requireAuth') : undefined;
  // Per application-level options object: the route's options over the application's (SECURITY G.46), so that
  // `acceptsToken` on one route never drops the app's `authorizedParties`, `audience`, keys…
  const inherited = new WeakMap<object, ExpressHandler>();
  return (req, res, next) => {
    const check = (error?: unknown): void => {
      if (error !== undefined) return next(error);
      const state = getRequestState(req);
      const denial = state === undefined ? undefined : decideAccess(state, pickAuth(req.auth, 'any'), has);
      if (denial === undefined) return next();
      if (denial.status === 401 && redirectToSignIn) {
        const signInUrl = middlewareOptions.signInUrl ?? readAppOptions(req)?.signInUrl ?? signInUrlFromEnv();
        const target = signInRedirect(
          signInUrl,
          nodeRequestParts(req.headers, req.originalUrl ?? req.url, undefined, { method: req.method, protocol: req.protocol }),
        );
        if (target !== undefined) {
          res.status(307);
          res.setHeader('location', target);
          res.setHeader('cache-control', 'no-store');
          res.end();
          return;
        }
      }
      denial.headers.forEach((value, name) => res.setHeader(name, value));
      res.status(denial.status).json(denial.body);
    };
    // Options of its own (acceptsToken, say) mean this route authenticates for itself, whatever ran before.
    if (!ownOptions && getRequestState(req) !== undefined) return check();
    const app = ownOptions ? readAppOptions(req) : undefined;
    let handler: ExpressHandler;
    try {
      if (app === undefined) handler = middleware ??= authenticateWith(middlewareOptions, false, 'requireAuth');
      else {
        handler = inherited.get(app) ?? authenticateWith(inheritOptions(app, middlewareOptions), false, 'requireAuth');
        inherited.set(app, handler);
      }
    } catch (error) {
      return next(error);
    }
    handler(req, res, check);
  };
}
