import { findOptionProblem, FUNCTION, optionError, range, type OptionRule, type OptionTable } from '../../kernel/check-options.js';
import type { Result } from '../../kernel/result.js';
import type { VerifiedSession } from '../claims.js';
import { buildTokenVerifier, type TokenVerifier } from '../create-token-verifier.js';
import type { TokenError } from '../errors.js';
import { TOKEN_VERIFIER_OPTIONS } from '../option-rules.js';
import type { TokenVerifierOptions } from '../options.js';
import { verifyToken } from '../verifier-registry.js';
import type { SessionTokenClient } from './auth-object.js';
import { createMachineTokenCaches, createMachineTokenVerifier, type MachineTokenCaches } from './machine-tokens.js';
import type { JwksClient } from './machine-jwt-keys.js';
import type { MachineTokenClient } from './machine-token-client.js';
import { runAuthentication, type AuthenticationContext } from './run-authentication.js';
import type { RequestParts } from './read-token.js';
import { readSessionIdParam } from './session-id-param.js';
import type { RequestState } from './request-state.js';
import { signedOutState } from './request-state.js';
import { createSecretKeyMachineClient } from './secret-key-machine-client.js';
import { reportServerSide } from './report-server-side.js';
import { isSecretKey } from '../../kernel/secret-key.js';
import type { AuthEventHook } from './security-events.js';
import { normalizeAcceptsToken, type AcceptsToken } from './token-types.js';
import { resolveInstance, type CookieSessionOptions } from './handshake/instance.js';
import { createNonceResolver, type HandshakeNonceResolver } from './handshake/nonce-payload.js';
import { createHandshakeVerifier, type HandshakeVerifier } from './handshake/verify-handshake-token.js';
import { createOrganizationSyncMatcher, type OrganizationSyncMatcher, type OrganizationSyncOptions } from './organization-sync.js';

/**
 * Every option may also be given as `undefined` (e.g. an unset environment variable), meaning "not set".
 *
 * @example
 * const options: Unset<{ a?: string }> = { a: undefined };
 */
export type Unset<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The Backend API client slice request authentication can use: machine token verification and template tokens.
 *
 * @example
 * const client: AuthClient = createClerkClient({ secretKey });
 */
export type AuthClient = MachineTokenClient & JwksClient & Partial<SessionTokenClient>;

/**
 * Options of `authenticateRequest`: the session token verifier's options plus the token kinds to
 * accept, a client for machine tokens and template tokens, and an audit hook.
 *
 * @example
 * const options: AuthenticateRequestOptions = { jwtKey: env.CLERK_JWT_KEY, authorizedParties: ['https://app.example.com'] };
 */
export interface AuthenticateRequestOptions extends Unset<TokenVerifierOptions>, Unset<CookieSessionOptions> {
  /** Token kinds this route accepts. Default `'session_token'`. */
  acceptsToken?: AcceptsToken | undefined;
  /**
   * Verifies `ak_`/`mt_`/`oat_` tokens and mints template tokens; pass `createClerkClient(...)`. Without it, machine
   * tokens are verified with `secretKey` through the Backend API's verify endpoints.
   */
  client?: AuthClient | undefined;
  /** How long a Backend API verdict on a machine token is reused, 0–60000 ms. Default 10000. */
  machineTokenCacheTtlInMs?: number | undefined;
  /** Receives one event per request, verified or rejected, with its reason code; never a token. */
  onAuthEvent?: AuthEventHook | undefined;
  /** Activates the organization (or personal account) a page's URL names, by a handshake (Clerk's option). */
  organizationSyncOptions?: OrganizationSyncOptions | undefined;
  /**
   * Resolves `__clerk_handshake_nonce` to its `Set-Cookie` lines. Default: the Backend API's
   * `GET /v1/clients/handshake_payload` with `secretKey`.
   */
  resolveHandshakeNonce?: HandshakeNonceResolver | undefined;
}

/**
 * A reusable request authenticator: options are checked once, and keys and caches are kept.
 *
 * @example
 * const authenticator = createRequestAuthenticator({ jwtKey });
 * const state = await authenticator.authenticateRequest(request);
 */
export interface RequestAuthenticator {
  /** Authenticates a Fetch API `Request`; never throws. */
  authenticateRequest(request: Request): Promise<RequestState>;
  /** Authenticates from the raw header values, for adapters that do not hold a `Request`; never throws. */
  authenticateParts(parts: RequestParts): Promise<RequestState>;
}

/**
 * Every option of request authentication: the token verifier's, the request's own, and the cookie-session
 * (handshake) options; `null` marks those checked where they are used.
 */
export const REQUEST_AUTH_OPTIONS: OptionTable = {
  ...TOKEN_VERIFIER_OPTIONS,
  acceptsToken: [
    (value) => normalizeAcceptsToken(value) !== undefined,
    "'session_token', 'api_key', 'm2m_token', 'oauth_token', a list of them, or 'any'",
  ],
  client: null,
  machineTokenCacheTtlInMs: range(0, 60_000),
  onAuthEvent: FUNCTION,
  // Cookie sessions and the handshake: checked together where they are resolved (resolveInstance, the
  // organization sync matcher, the nonce resolver).
  proxyUrl: null,
  isSatellite: null,
  domain: null,
  signInUrl: null,
  satelliteAutoSync: null,
  allowedRedirectOrigins: null,
  organizationSyncOptions: null,
  resolveHandshakeNonce: null,
} satisfies Record<keyof AuthenticateRequestOptions, OptionRule | null>;

const MACHINE_CACHE_MAX = 1000;
const machineCaches = new WeakMap<object, MachineTokenCaches>();

/**
 * Creates a {@link RequestAuthenticator}. Bad or missing key configuration throws a `TypeError` here,
 * at startup, rather than giving a 401 on every request.
 *
 * @example
 * const authenticator = createRequestAuthenticator({ secretKey: 'sk_live_…', publishableKey: 'pk_live_…' });
 */
export function createRequestAuthenticator(options: AuthenticateRequestOptions): RequestAuthenticator {
  return buildRequestAuthenticator(options, 'createRequestAuthenticator');
}

/**
 * {@link createRequestAuthenticator} for a caller that names itself in its `TypeError`s (an adapter).
 *
 * @example
 * const authenticator = buildRequestAuthenticator(options, 'clerkMiddleware');
 */
export function buildRequestAuthenticator(options: AuthenticateRequestOptions, component: string): RequestAuthenticator {
  if (typeof options !== 'object' || options === null) throw optionError(component, 'The options must be an object.');
  const problem = findOptionProblem(options, REQUEST_AUTH_OPTIONS);
  if (problem) throw optionError(component, problem.message);
  const client = machineClientOf(options);
  // Session tokens only: `tokenType` is 'session' in these options' type.
  const verifier = buildTokenVerifier(verifierOptionsOf(options), component) as TokenVerifier<VerifiedSession>;
  const context = buildContext(
    options,
    client,
    (token) => verifier.verify(token),
    createMachineTokenCaches(client, options.now ?? Date.now),
  );
  if (typeof context === 'string') throw optionError(component, context);
  return {
    authenticateRequest: (request) => runOnRequest(request, context),
    authenticateParts: (parts) => runAuthentication(parts, context),
  };
}

/**
 * Authenticates a Fetch API `Request` from its `Authorization: Bearer` header or `__session` cookie and
 * returns a request state (`signed-in` or `signed-out` with a reason). Never throws: bad options give
 * `signed-out` with `options_invalid`. Repeated calls with the same options share keys and caches.
 *
 * @example
 * const state = await authenticateRequest(request, { jwtKey: env.CLERK_JWT_KEY });
 * if (!state.isAuthenticated) return new Response('Unauthorized', { status: 401, headers: state.headers });
 * const { userId } = state.toAuth();
 */
export async function authenticateRequest(request: Request, options: AuthenticateRequestOptions): Promise<RequestState> {
  try {
    const problem = findOptionProblem(options, REQUEST_AUTH_OPTIONS);
    if (problem) return unusableOptions(options, problem.message);
    const verifierOnly = verifierOptionsOf(options);
    const client = machineClientOf(options);
    let cache = client === undefined ? undefined : machineCaches.get(client);
    if (cache === undefined) {
      cache = createMachineTokenCaches(client, options.now ?? Date.now);
      if (client !== undefined) machineCaches.set(client, cache);
    }
    const context = buildContext(options, client, (token) => verifyToken(token, verifierOnly), cache);
    if (typeof context === 'string') return unusableOptions(options, context);
    return await runOnRequest(request, context);
  } catch {
    return unusableOptions(undefined, 'The options could not be read.');
  }
}

/** Signed out with `options_invalid`, and the server log told why (once per window, not on every request). */
function unusableOptions(options: AuthenticateRequestOptions | undefined, message: string): RequestState {
  const failure = { reason: 'options_invalid', message } as const;
  let logger: AuthenticateRequestOptions['logger'];
  let now: () => number = Date.now;
  try {
    logger = options?.logger;
    if (typeof options?.now === 'function') now = options.now;
  } catch {
    // A throwing getter: the default logger and clock.
  }
  reportServerSide(logger, failure, undefined, now);
  return signedOutState(failure, undefined);
}

function runOnRequest(request: Request, context: AuthenticationContext): Promise<RequestState> {
  let parts: RequestParts;
  try {
    // A plain object or Node's IncomingMessage has no headers.get(): say so, rather than a silent session-token-and-uat-missing.
    if (typeof request?.headers?.get !== 'function' || typeof request.url !== 'string') return Promise.resolve(notARequest());
    const url = request.url;
    const sessionIdParam = readSessionIdParam(url);
    const headers = request.headers;
    parts = {
      authorization: headers.get('authorization'),
      cookie: headers.get('cookie'),
      sessionIdParam,
      method: request.method,
      url,
      header: (name) => headers.get(name),
    };
  } catch {
    return Promise.resolve(signedOutState({ reason: 'request_invalid', message: 'The request could not be read.' }, undefined));
  }
  return runAuthentication(parts, context);
}

function notARequest(): RequestState {
  const message =
    'authenticateRequest needs a Fetch API Request; for a Node request use clerk-bapi/express or /fastify, or authenticateParts.';
  return signedOutState({ reason: 'request_invalid', message }, undefined);
}

/** The context of options already checked against {@link REQUEST_AUTH_OPTIONS}, or a message naming a bad cookie-session option. */

function buildContext(
  options: AuthenticateRequestOptions,
  client: AuthClient | undefined,
  verifySession: (token: string) => Promise<Result<VerifiedSession, TokenError>>,
  shared: MachineTokenCaches,
): AuthenticationContext | string {
  const accepts = normalizeAcceptsToken(options.acceptsToken)!;
  // Machine tokens asked for by name with no way to verify them: refused now, not a 401 on every request (SECURITY G.45).
  if (accepts !== 'any' && client === undefined) {
    if (accepts.includes('api_key'))
      return "acceptsToken includes 'api_key', which only the Backend API can verify: pass secretKey or client.";
    if (options.jwtKey === undefined && (accepts.includes('m2m_token') || accepts.includes('oauth_token'))) {
      return 'acceptsToken includes machine tokens, which need secretKey, client or jwtKey to be verified.';
    }
  }
  const ttl = options.machineTokenCacheTtlInMs ?? 10_000;
  const hook = options.onAuthEvent;
  const now = options.now ?? Date.now;
  const instance = resolveInstance(options);
  if (typeof instance === 'string') return instance;
  let matchOrganization: OrganizationSyncMatcher;
  try {
    matchOrganization = createOrganizationSyncMatcher(options.organizationSyncOptions);
  } catch (error) {
    return (error as Error).message;
  }
  const resolveNonce =
    options.resolveHandshakeNonce ?? createNonceResolver({ secretKey: options.secretKey, apiUrl: options.apiUrl, fetch: options.fetch });
  if (typeof resolveNonce !== 'function') return 'The resolveHandshakeNonce option must be a function.';
  // Built on the first handshake return only: most requests never need it.
  let verifier: HandshakeVerifier | undefined;
  const verifyHandshake: HandshakeVerifier = (token) => (verifier ??= createHandshakeVerifier(verifierOptions(options)))(token);
  const machine = createMachineTokenVerifier({
    client,
    jwtKey: options.jwtKey,
    clockSkewInMs: options.clockSkewInMs,
    algorithms: options.algorithms,
    audience: options.audience,
    issuer: options.issuer,
    authorizedParties: options.authorizedParties,
    cacheTtlInMs: ttl,
    maxEntries: MACHINE_CACHE_MAX,
    now,
    shared,
  });
  return {
    accepts,
    verifySession,
    machine,
    client,
    publishableKey: typeof options.publishableKey === 'string' ? options.publishableKey : undefined,
    onAuthEvent: hook,
    logger: options.logger,
    instance,
    now,
    handshake: { verifyHandshake, resolveNonce },
    matchOrganization: options.organizationSyncOptions === undefined ? undefined : matchOrganization,
  };
}

/**
 * The verifier's options: a production satellite's session tokens are issued by `clerk.<domain>`, so without an
 * explicit `issuer` both that host and the publishable key's are accepted.
 */
function verifierOptionsOf(options: AuthenticateRequestOptions): TokenVerifierOptions {
  const copy = verifierOptions(options);
  const { isSatellite, domain, publishableKey } = options;
  if (copy.issuer !== undefined || isSatellite !== true || typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_live_'))
    return copy;
  const instance = resolveInstance(options);
  if (typeof instance === 'string' || instance.issuerHost === undefined || instance.frontendApiHost === undefined || domain === undefined)
    return copy;
  return { ...copy, issuer: [`https://${instance.frontendApiHost}`, `https://${instance.issuerHost}`] };
}

// Clients built from a secret key, so that repeated convenience calls share their verdict and JWKS caches.
const derivedClients = new Map<string, AuthClient | undefined>();
const MAX_DERIVED_CLIENTS = 16;

/**
 * The client machine tokens are verified with: the one passed, else one built from `secretKey` (as
 * @clerk/backend does), else none.
 */
function machineClientOf(options: AuthenticateRequestOptions): AuthClient | undefined {
  if (options.client !== undefined) return options.client;
  const { secretKey, apiUrl, fetch } = options;
  if (!isSecretKey(secretKey)) return undefined;
  if (fetch !== undefined) return createSecretKeyMachineClient({ secretKey, apiUrl, fetch });
  const id = `${apiUrl ?? ''}\n${secretKey}`;
  if (derivedClients.has(id)) return derivedClients.get(id);
  if (derivedClients.size >= MAX_DERIVED_CLIENTS) derivedClients.delete(derivedClients.keys().next().value!);
  const client = createSecretKeyMachineClient({ secretKey, apiUrl, fetch: undefined });
  derivedClients.set(id, client);
  return client;
}

/**
 * The token verifier's options alone, without `undefined` values, so that an unset environment variable reads
 * as "option not given" and the request's own options never reach the verifier.
 */
function verifierOptions(options: AuthenticateRequestOptions): TokenVerifierOptions {
  const copy: Record<string, unknown> = {};
  for (const name in TOKEN_VERIFIER_OPTIONS) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined) copy[name] = value;
  }
  return copy as TokenVerifierOptions;
}
