// Node-only: shared by the Express and Fastify adapters. Reads the CLERK_* environment variables (the
// only place outside src/node/ entry points that may), builds one authenticator at startup, and turns
// Node's header object into the parts authentication reads.
import { createClerkClient } from '../client/create-clerk-client.js';
import { checkOptions, type OptionTable } from '../kernel/check-options.js';
import { describeSecretKeyProblem } from '../kernel/secret-key.js';
import { describeJwtKeyProblem } from '../kernel/key-shape.js';
import { issuerFromPublishableKey } from '../auth/publishable-key.js';
import { buildRequestAuthenticator, REQUEST_AUTH_OPTIONS } from '../auth/request/authenticate-request.js';
import {
  signedOutAuthObject,
  type AcceptsToken,
  type AuthObject,
  type AuthenticateRequestOptions,
  type RequestAuthenticator,
  type RequestParts,
  type RequestState,
  type SessionAuthObject,
} from '../auth/index.js';
import { readSessionIdParam } from '../auth/request/session-id-param.js';
import { toRequestAuth, unwrapRequestAuth } from './request-auth.js';

/**
 * Node's incoming header map, as Express and Fastify expose it.
 *
 * @example
 * const headers: NodeHeaders = { authorization: 'Bearer eyJ…', cookie: '__session=…' };
 */
export type NodeHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Builds the authenticator of an adapter: options first, then `CLERK_SECRET_KEY`, `CLERK_PUBLISHABLE_KEY`,
 * `CLERK_JWT_KEY`, `CLERK_API_URL`, `CLERK_SIGN_IN_URL`, `CLERK_DOMAIN`, `CLERK_PROXY_URL`, `CLERK_IS_SATELLITE`. An unknown or unusable option, or a missing key, is a `TypeError` now, at
 * startup, naming the adapter and the option. `extras` are the adapter's own options (`has`, `hookName`): known
 * names, checked and used by the adapter, never passed on. With a secret key and no `client`, a Backend API
 * client is created for machine and template tokens.
 *
 * @example
 * const authenticator = createAdapterAuthenticator({}, 'clerkMiddleware');
 */
export function createAdapterAuthenticator(
  options: AuthenticateRequestOptions,
  adapter: string,
  extras: OptionTable = {},
): RequestAuthenticator {
  checkOptions(adapter, options, { ...REQUEST_AUTH_OPTIONS, ...extras });
  const own: Record<string, unknown> = { ...options };
  for (const name in extras) delete own[name];
  const env = readEnv();
  checkEnvKeys(adapter, options, env);
  // Checked here, not left to createClerkClient below: the error names the option as the application passed it.
  if (options.secretKey !== undefined) {
    const problem = describeSecretKeyProblem(options.secretKey);
    if (problem) throw new TypeError(`${adapter}: The secretKey option ${problem.replace(/^secretKey /, '')}`);
  }
  const secretKey = options.secretKey ?? env.CLERK_SECRET_KEY;
  const jwtKey = options.jwtKey ?? env.CLERK_JWT_KEY;
  const apiUrl = options.apiUrl ?? env.CLERK_API_URL;
  if (secretKey === undefined && jwtKey === undefined && options.jwksUrl === undefined) throw noKeyError(adapter);
  const client = options.client ?? (secretKey === undefined ? undefined : createClerkClient({ secretKey, apiUrl }));
  return buildRequestAuthenticator(
    {
      ...own,
      secretKey,
      jwtKey,
      apiUrl,
      publishableKey: options.publishableKey ?? env.CLERK_PUBLISHABLE_KEY,
      // The multi-domain settings @clerk/express and @clerk/fastify read from the environment too.
      signInUrl: options.signInUrl ?? env.CLERK_SIGN_IN_URL,
      domain: options.domain ?? env.CLERK_DOMAIN,
      proxyUrl: options.proxyUrl ?? env.CLERK_PROXY_URL,
      isSatellite: options.isSatellite ?? envFlag(env.CLERK_IS_SATELLITE),
      client,
    },
    adapter,
  );
}

/**
 * The startup error of an adapter that has no key at all: it names every way to give one.
 *
 * @example
 * throw noKeyError('clerkMiddleware');
 */
export function noKeyError(adapter: string, hint?: string): TypeError {
  return new TypeError(
    `${adapter}: no key configured. Set CLERK_SECRET_KEY or CLERK_JWT_KEY, or pass secretKey, jwtKey or jwksUrl` +
      `${hint === undefined ? '' : `, ${hint}`} (a publishable key alone cannot verify a token).`,
  );
}

/**
 * Whether the environment, or the options, name a key that can verify a session token (`secretKey`, `jwtKey`,
 * `jwksUrl`, or `CLERK_SECRET_KEY` / `CLERK_JWT_KEY`); the shapes are checked when the authenticator is built.
 *
 * @example
 * if (!hasKeySource(options)) throw noKeyError('requireAuth');
 */
export function hasKeySource(options: AuthenticateRequestOptions): boolean {
  const env = readEnv();
  return (
    options.secretKey !== undefined ||
    options.jwtKey !== undefined ||
    options.jwksUrl !== undefined ||
    env.CLERK_SECRET_KEY !== undefined ||
    env.CLERK_JWT_KEY !== undefined
  );
}

/**
 * The parts of a Node request that authentication reads. Node keeps only the first of several
 * `Authorization` headers in `headers`; `rawHeaders` (the header lines as received) shows them all, and
 * several are passed on as a list, which authentication refuses (SECURITY G.43), as it does on the web adapter.
 *
 * @example
 * const parts = nodeRequestParts(req.headers, req.originalUrl, req.rawHeaders);
 */
export function nodeRequestParts(
  headers: NodeHeaders,
  url: string | undefined,
  rawHeaders?: readonly string[] | undefined,
  request?: { method?: string | undefined; protocol?: string | undefined },
): RequestParts {
  const sessionIdParam = typeof url === 'string' ? readSessionIdParam(url) : undefined;
  let authorization = headers['authorization'];
  if (authorization !== undefined && Array.isArray(rawHeaders)) {
    const all = authorizationLines(rawHeaders);
    if (all.length > 1) authorization = all;
  }
  return {
    authorization,
    cookie: headers['cookie'],
    sessionIdParam,
    method: request?.method,
    url,
    protocol: request?.protocol === 'https' ? 'https' : 'http',
    header: (name) => {
      const value = headers[name];
      return typeof value === 'string' ? value : value?.[0];
    },
  };
}

/** Every `Authorization` value of Node's `rawHeaders` (name, value, name, value…). */
function authorizationLines(rawHeaders: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (typeof name === 'string' && name.length === 13 && name.toLowerCase() === 'authorization') values.push(String(rawHeaders[i + 1]));
  }
  return values;
}

const APP_OPTIONS = Symbol('clerk-bapi.appOptions');

/**
 * Records on a request the options of the application-level middleware that authenticated it, so that a
 * route-level check with options of its own inherits them (SECURITY G.46).
 *
 * @example
 * storeAppOptions(req, options);
 */
export function storeAppOptions(req: object, options: AuthenticateRequestOptions): void {
  (req as { [APP_OPTIONS]?: AuthenticateRequestOptions })[APP_OPTIONS] = options;
}

/**
 * The options {@link storeAppOptions} recorded, if an application-level middleware ran.
 *
 * @example
 * const appOptions = readAppOptions(req);
 */
export function readAppOptions(req: object): AuthenticateRequestOptions | undefined {
  return (req as { [APP_OPTIONS]?: AuthenticateRequestOptions })[APP_OPTIONS];
}

/**
 * The application's options overridden by a route's (only those the route sets), for a route-level check.
 *
 * @example
 * inheritOptions({ authorizedParties: ['https://app.example.com'] }, { acceptsToken: 'api_key' });
 */
export function inheritOptions(app: AuthenticateRequestOptions, route: AuthenticateRequestOptions): AuthenticateRequestOptions {
  const merged: Record<string, unknown> = { ...app };
  for (const [name, value] of Object.entries(route)) if (value !== undefined) merged[name] = value;
  return merged as AuthenticateRequestOptions;
}

/**
 * The redirect of a handshake state for a Node response: `307` with `Location`, `Cache-Control`, the
 * `x-clerk-auth-*` headers and every `Set-Cookie` as its own header; `undefined` for other states.
 *
 * @example
 * const redirect = handshakeRedirect(state);
 * if (redirect) { res.writeHead(redirect.status, redirect.headers); res.end(); }
 */
export function handshakeRedirect(state: RequestState): { status: 307; headers: Record<string, string | string[]> } | undefined {
  if (state.status !== 'handshake') return undefined;
  const headers: Record<string, string | string[]> = {};
  state.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = state.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return { status: 307, headers };
}

/**
 * The keys read from the environment, checked before use so that the error names the variable a key came from
 * (`CLERK_JWT_KEY is an EC key; …`) rather than an option the application never passed.
 */
function checkEnvKeys(adapter: string, options: AuthenticateRequestOptions, env: ReturnType<typeof readEnv>): void {
  const refuse = (name: string, problem: string): never => {
    // Some reasons end with a full stop of their own (describeSecretKeyProblem's), others do not.
    throw new TypeError(`${adapter}: The ${name} environment variable ${problem.replace(/\.$/, '')}.`);
  };
  if (options.jwtKey === undefined && env.CLERK_JWT_KEY !== undefined) {
    const problem = describeJwtKeyProblem(env.CLERK_JWT_KEY);
    if (problem) refuse('CLERK_JWT_KEY', problem);
  }
  if (options.secretKey === undefined && env.CLERK_SECRET_KEY !== undefined) {
    const problem = describeSecretKeyProblem(env.CLERK_SECRET_KEY);
    if (problem) refuse('CLERK_SECRET_KEY', problem.replace(/^secretKey /, ''));
  }
  if (options.publishableKey === undefined && env.CLERK_PUBLISHABLE_KEY !== undefined) {
    if (issuerFromPublishableKey(env.CLERK_PUBLISHABLE_KEY) === undefined)
      refuse('CLERK_PUBLISHABLE_KEY', 'must be pk_test_ or pk_live_ followed by the encoded Frontend API host');
  }
}

const ENV_NAMES = [
  'CLERK_SECRET_KEY',
  'CLERK_PUBLISHABLE_KEY',
  'CLERK_JWT_KEY',
  'CLERK_API_URL',
  'CLERK_SIGN_IN_URL',
  'CLERK_DOMAIN',
  'CLERK_PROXY_URL',
  'CLERK_IS_SATELLITE',
] as const;

function readEnv(): Record<(typeof ENV_NAMES)[number], string | undefined> {
  const env = typeof process === 'object' ? process.env : {};
  // An empty variable (`CLERK_JWT_KEY=`) means "not set", not "an empty key".
  return Object.fromEntries(ENV_NAMES.map((name) => [name, env[name] === '' ? undefined : env[name]])) as Record<
    (typeof ENV_NAMES)[number],
    string | undefined
  >;
}

/**
 * `CLERK_IS_SATELLITE` read as `@clerk/express` reads it: `true` (any case) or a positive number is true, anything
 * else false; unset is `undefined`, so the option decides.
 */
function envFlag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value.toLowerCase() === 'true' || Number.parseInt(value, 10) > 0;
}

/**
 * `CLERK_SIGN_IN_URL`, where `requireAuth({ redirectToSignIn: true })` sends a page load when neither it nor the
 * application-level middleware names a `signInUrl` (as `@clerk/express` does).
 *
 * @example
 * const target = options.signInUrl ?? readAppOptions(req)?.signInUrl ?? signInUrlFromEnv();
 */
export function signInUrlFromEnv(): string | undefined {
  return readEnv().CLERK_SIGN_IN_URL;
}

/**
 * The auth object an adapter's `getAuth` returns: a session object unless other kinds are asked for, so
 * a machine token never reads as a session.
 *
 * @example
 * const auth = pickAuth(req.auth, undefined); // a session auth object
 */
export function pickAuth(given: AuthObject | undefined, accepts: AcceptsToken | undefined): AuthObject {
  // `req.auth` is a function carrying the fields (request-auth.ts): its plain object is what is returned.
  const auth = unwrapRequestAuth(given);
  if (auth === undefined) return signedOutAuthObject();
  if (accepts === 'any') return auth;
  const kinds: readonly string[] = typeof accepts === 'string' ? [accepts] : (accepts ?? ['session_token']);
  return kinds.includes(auth.tokenType) ? auth : signedOutAuthObject();
}

/**
 * An adapter's `getAuth`: a session auth object by default, any kind with `{ acceptsToken }`.
 *
 * @example
 * const getAuth: GetAuth<{ auth?: AuthObject }> = createGetAuth();
 */
export interface GetAuth<Req> {
  (req: Req, options?: { acceptsToken?: 'session_token' | undefined }): SessionAuthObject;
  (req: Req, options: { acceptsToken: AcceptsToken }): AuthObject;
}

/**
 * Builds an adapter's `getAuth`, reading the auth object the adapter stored on the request.
 *
 * @example
 * export const getAuth: GetAuth<ExpressLikeRequest> = createGetAuth();
 */
export function createGetAuth<Req extends { auth?: AuthObject | undefined }>(): GetAuth<Req> {
  return ((req: Req, options?: { acceptsToken?: AcceptsToken | undefined }) => {
    // As @clerk/express: a route that reads auth where the middleware never ran is a set-up mistake, not a
    // signed-out user (which would silently hide the missing middleware).
    if (req?.auth === undefined && (typeof req !== 'object' || req === null || readRequestState(req) === undefined)) {
      throw new Error(
        'getAuth: no auth on this request. Add clerkMiddleware() (Express) or register clerkPlugin (Fastify) before this route.',
      );
    }
    return pickAuth(req.auth, options?.acceptsToken);
  }) as GetAuth<Req>;
}

const REQUEST_STATE = Symbol('clerk-bapi.requestState');

/**
 * Stores the request state and its auth object on a framework request object.
 *
 * @example
 * storeAuth(req, state);
 */
export function storeAuth(req: { auth?: AuthObject | undefined }, state: RequestState): void {
  (req as { [REQUEST_STATE]?: RequestState })[REQUEST_STATE] = state;
  // Callable (`req.auth()`, current @clerk/express) and carrying the fields (`req.auth.userId`, the older form).
  req.auth = toRequestAuth(state.toAuth(), pickAuth);
}

/**
 * The request state an adapter stored, if it ran.
 *
 * @example
 * const state = readRequestState(req);
 */
export function readRequestState(req: object): RequestState | undefined {
  return (req as { [REQUEST_STATE]?: RequestState })[REQUEST_STATE];
}
