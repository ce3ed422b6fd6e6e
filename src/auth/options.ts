import { isObject, isString } from '../core/guards.js';
import type { Result } from '../core/result.js';
import { numberInRange } from '../core/number-checks.js';
import { isSecretKey } from '../core/secret-key.js';
import { checkServiceUrl } from '../core/url-checks.js';
import { isRsaAlgorithm, type RsaAlgorithm } from './algorithms.js';
import type { ClaimRules } from './claim-checks.js';
import type { TokenType } from './claims.js';
import { fail, type TokenError } from './errors.js';
import type { VerifyCall } from './create-token-verifier.js';
import type { AuthLogger } from './key-source.js';
import { issuerFromPublishableKey } from './publishable-key.js';

/**
 * Claim rules shared by {@link TokenVerifierOptions} and `verifyJwt`.
 *
 * @example
 * const options: ClaimOptions = { authorizedParties: ['https://app.example.com'], clockSkewInMs: 5000 };
 */
export interface ClaimOptions {
  /** Allowed `azp` values, compared exactly; when set, a token without `azp` is refused. */
  authorizedParties?: readonly string[];
  /** Accepted `aud` values; when set, a token without `aud` is refused. */
  audience?: string | readonly string[];
  /** Expected `iss`; when set, a token without `iss` is refused. */
  issuer?: string | readonly string[];
  /** Tolerated clock difference, 0–300000 ms. Default 5000. */
  clockSkewInMs?: number;
  /** Allowed `alg` values. Default `['RS256']`. */
  algorithms?: readonly RsaAlgorithm[];
  /** Allowed `typ` header values when the header is present. Default `'JWT'`. */
  headerType?: string | readonly string[];
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * Options of {@link createTokenVerifier} and `verifyToken`. The key comes from `jwtKey`, else the
 * Backend API JWKS (`secretKey`), else `jwksUrl`.
 *
 * @example
 * const options: TokenVerifierOptions = { secretKey: 'sk_test_…', authorizedParties: ['https://app.example.com'] };
 */
export interface TokenVerifierOptions extends ClaimOptions {
  /** PEM SPKI public key (literal `\n` sequences allowed) or an RSA JWK: verification without network. */
  jwtKey?: string | JsonWebKey;
  /** `sk_test_…` / `sk_live_…`, sent as `Authorization: Bearer` to `{apiUrl}/v1/jwks` only. */
  secretKey?: string;
  /** Default `https://api.clerk.com`. */
  apiUrl?: string;
  /** A public JWKS URL, e.g. the Frontend API's `/.well-known/jwks.json`; used without credentials. */
  jwksUrl?: string;
  /** Derives `issuer` (`https://<frontend-api-host>`) when `issuer` is not given. */
  publishableKey?: string;
  /** How long a fetched key set is fresh. Default 300000 (5 min). */
  jwksCacheTtlInMs?: number;
  /** Minimum time between two JWKS fetches after the first (unknown `kid`, failures). Default 30000. */
  jwksCooldownInMs?: number;
  /** How long past its TTL a last-good key set is still served while refreshes fail. Default 3600000. */
  jwksStaleIfErrorInMs?: number;
  /** Per-request timeout, covering the body. Default 5000. */
  jwksTimeoutInMs?: number;
  /** Response size cap. Default 262144 (256 KB). */
  jwksMaxBytes?: number;
  /** Key-count cap. Default 32. */
  jwksMaxKeys?: number;
  /** The verified-token cache: `false` turns it off. Default `{ maxEntries: 1024 }`. */
  tokenCache?: boolean | { maxEntries?: number };
  /** Injected `fetch`; default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** `'session'` (the default): only session tokens verify; see {@link TemplateVerifierOptions} for the opt-in. */
  tokenType?: 'session';
  /** Where skipped JWKS keys are reported (one `warn` per skipped key and fetch). Default `console.warn`. */
  logger?: AuthLogger;
}

/**
 * Options of a verifier for JWT-template tokens: `tokenType: 'jwt_template'` is the explicit opt-in under
 * which template tokens (`cat: cl_B7d4PD222AAA`, or no `cat`) verify and their custom claims come back
 * typed `unknown`. Session verification always refuses template tokens.
 *
 * @example
 * const options: TemplateVerifierOptions = { secretKey: 'sk_test_…', tokenType: 'jwt_template' };
 */
export interface TemplateVerifierOptions extends Omit<TokenVerifierOptions, 'tokenType'> {
  tokenType: 'jwt_template';
}

/**
 * Options of either kind of verifier, as the implementation reads them.
 *
 * @example
 * const options: AnyVerifierOptions = { jwtKey: pem, tokenType: 'jwt_template' };
 */
export type AnyVerifierOptions = TokenVerifierOptions | TemplateVerifierOptions;

/** Options after validation, with every default applied. */
export interface ResolvedOptions {
  algorithms: readonly RsaAlgorithm[];
  rules: ClaimRules;
  now: () => number;
  source:
    | { kind: 'jwt-key'; key: string | JsonWebKey }
    | { kind: 'backend-api' | 'jwks-url'; url: string; headers: Record<string, string> };
  jwks: { ttlInMs: number; cooldownInMs: number; staleIfErrorInMs: number; timeoutInMs: number; maxBytes: number; maxKeys: number };
  tokenCacheSize: number;
  tokenType: TokenType;
  fetch: () => typeof fetch;
  logger: AuthLogger | undefined;
}

const STRINGS = 'a non-empty string or list of them';

/**
 * Validates claim options; a bad value gives `options_invalid` naming the option, never its value.
 *
 * @example
 * const { data: rules } = resolveClaimOptions({ clockSkewInMs: 0 });
 */
export function resolveClaimOptions(
  options: ClaimOptions,
): Result<{ rules: ClaimRules; algorithms: readonly RsaAlgorithm[]; now: () => number }, TokenError> {
  const skew = numberInRange(options.clockSkewInMs, 5000, 0, 300_000);
  if (skew === undefined) return invalid('clockSkewInMs', 'a number of milliseconds from 0 to 300000');
  const algorithms = options.algorithms ?? ['RS256'];
  if (!Array.isArray(algorithms) || algorithms.length === 0 || !algorithms.every(isRsaAlgorithm)) {
    return invalid('algorithms', 'a non-empty list of RS256, RS384, RS512');
  }
  const authorizedParties = stringList(options.authorizedParties);
  const audience = stringList(options.audience);
  const issuer = stringList(options.issuer);
  const headerTypes = stringList(options.headerType ?? 'JWT');
  if (authorizedParties === null) return invalid('authorizedParties', 'a list of non-empty strings');
  if (audience === null) return invalid('audience', STRINGS);
  if (issuer === null) return invalid('issuer', STRINGS);
  if (!headerTypes) return invalid('headerType', STRINGS);
  if (!isOptionalFunction(options.now)) return invalid('now', 'a function');
  return {
    data: {
      rules: {
        clockSkewInMs: skew,
        headerTypes,
        // An empty allow-list means "not checked", as in Clerk's SDKs.
        authorizedParties: authorizedParties?.length ? authorizedParties : undefined,
        audience: audience?.length ? audience : undefined,
        issuer: issuer?.length ? issuer : undefined,
      },
      algorithms: [...algorithms],
      now: options.now === undefined ? Date.now : checkedClock(options.now),
    },
  };
}

/**
 * Validates every verifier option and picks the key source.
 *
 * @example
 * const { data, errors } = resolveVerifierOptions({ jwtKey: pem });
 */
export function resolveVerifierOptions(options: AnyVerifierOptions): Result<ResolvedOptions, TokenError> {
  if (!isObject(options as unknown)) return invalid('options', 'an object');
  let issuer = options.issuer;
  if (issuer === undefined && options.publishableKey !== undefined) {
    issuer = isString(options.publishableKey) ? issuerFromPublishableKey(options.publishableKey) : undefined;
    if (issuer === undefined) return invalid('publishableKey', 'pk_test_ or pk_live_ followed by the encoded Frontend API host');
  }
  const claims = resolveClaimOptions(issuer === undefined ? options : { ...options, issuer });
  if (claims.errors) return claims;
  // The client's rule (SECRET_KEY), so a key `createClerkClient` accepts is never refused here.
  if (options.secretKey !== undefined && !isSecretKey(options.secretKey)) {
    return fail('secret_key_invalid', 'The secret key must be sk_test_ or sk_live_ followed by printable ASCII.');
  }
  const source = resolveSource(options);
  if (source.errors) return source;
  const jwks = {
    ttlInMs: numberInRange(options.jwksCacheTtlInMs, 300_000, 1000, 86_400_000),
    cooldownInMs: numberInRange(options.jwksCooldownInMs, 30_000, 1000, 3_600_000),
    staleIfErrorInMs: numberInRange(options.jwksStaleIfErrorInMs, 3_600_000, 0, 604_800_000),
    timeoutInMs: numberInRange(options.jwksTimeoutInMs, 5000, 1, 60_000),
    maxBytes: numberInRange(options.jwksMaxBytes, 262_144, 1024, 10_485_760),
    maxKeys: numberInRange(options.jwksMaxKeys, 32, 1, 1000),
  };
  for (const [name, value] of Object.entries(jwks)) if (value === undefined) return invalid(`jwks ${name}`, 'in range');
  const cache = options.tokenCache ?? true;
  const tokenCacheSize =
    cache === false ? 0 : cache === true ? 1024 : numberInRange(isObject(cache) ? cache['maxEntries'] : NaN, 1024, 1, 100_000);
  if (tokenCacheSize === undefined) return invalid('tokenCache', 'a boolean or { maxEntries: 1–100000 }');
  const call = resolveCallbacks(options);
  if (call.errors) return call;
  const tokenType: TokenType = options.tokenType ?? 'session';
  if (tokenType !== 'session' && tokenType !== 'jwt_template') return invalid('tokenType', "'session' or 'jwt_template'");
  return {
    data: { ...claims.data, ...call.data, source: source.data, jwks: jwks as ResolvedOptions['jwks'], tokenCacheSize, tokenType },
  };
}

/** The callbacks of a call that injects none; one object, so the common case allocates nothing. */
const DEFAULT_CALL: VerifyCall = { now: Date.now, fetch: () => globalThis.fetch, logger: undefined };

/**
 * Validates the callbacks one verification uses (`now`, `fetch`, `logger`); shared by the verifiers and the
 * per-call check of `verifyToken`, which lends them to a cached verifier.
 *
 * @example
 * const { data: call } = resolveCallbacks({ now: () => fakeTime });
 */
export function resolveCallbacks(options: Pick<TokenVerifierOptions, 'now' | 'fetch' | 'logger'>): Result<VerifyCall, TokenError> {
  const { now, fetch: injected, logger } = options;
  if (now === undefined && injected === undefined && logger === undefined) return { data: DEFAULT_CALL };
  if (!isOptionalFunction(now)) return invalid('now', 'a function');
  if (!isOptionalFunction(injected)) return invalid('fetch', 'a function');
  if (!isOptionalLogger(logger)) return invalid('logger', 'an object with a warn method');
  // `fetch` is looked up at call time so that a fetch installed (or mocked) after construction is used.
  return { data: { now: now === undefined ? Date.now : checkedClock(now), fetch: () => injected ?? globalThis.fetch, logger } };
}

function resolveSource(options: AnyVerifierOptions): Result<ResolvedOptions['source'], TokenError> {
  const { jwtKey, secretKey, jwksUrl } = options;
  if (jwtKey !== undefined) {
    if (!isString(jwtKey) && !isObject(jwtKey)) return invalid('jwtKey', 'a PEM string or a JWK');
    return { data: { kind: 'jwt-key', key: jwtKey } };
  }
  if (secretKey !== undefined) {
    // The secret key goes to {apiUrl}/v1/jwks: a query or fragment in apiUrl would bend that path.
    const apiUrl = checkServiceUrl(options.apiUrl ?? 'https://api.clerk.com', { allowQuery: false });
    if (apiUrl === undefined) return invalid('apiUrl', 'an https URL');
    const url = `${apiUrl.replace(/\/+$/, '')}/v1/jwks`;
    return { data: { kind: 'backend-api', url, headers: { Authorization: `Bearer ${secretKey}` } } };
  }
  if (jwksUrl !== undefined) {
    const url = checkServiceUrl(jwksUrl, { allowQuery: true });
    if (url === undefined) return invalid('jwksUrl', 'an https URL');
    return { data: { kind: 'jwks-url', url, headers: {} } };
  }
  return invalid('jwtKey', 'given, or secretKey or jwksUrl');
}

/**
 * Whether a callback option (`now`, `fetch`) is absent or a function.
 *
 * @example
 * isOptionalFunction(Date.now); // true
 */
export function isOptionalFunction(value: unknown): value is ((...args: never[]) => unknown) | undefined {
  return value === undefined || typeof value === 'function';
}

/**
 * Whether the `logger` option is absent or an object with a `warn` method.
 *
 * @example
 * isOptionalLogger(console); // true
 */
export function isOptionalLogger(value: unknown): value is AuthLogger | undefined {
  return value === undefined || (isObject(value) && typeof value['warn'] === 'function');
}

/** `undefined` when absent, `null` when malformed. */
function stringList(value: unknown): readonly string[] | undefined | null {
  if (value === undefined) return undefined;
  const list = isString(value) ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => isString(item) && item !== '')) return null;
  return [...list];
}

function invalid(option: string, expected: string): ReturnType<typeof fail> {
  return fail('options_invalid', `The ${option} option must be ${expected}.`, { option });
}

/**
 * Wraps an injected clock so that a time that is not a finite number throws instead of flowing into the
 * claim checks, where `NaN` would make every time comparison false and so accept an expired token.
 * The verifiers turn that exception into an `options_invalid` result: the check fails closed.
 *
 * @example
 * const now = checkedClock(() => fakeTime);
 */
export function checkedClock(now: () => number): () => number {
  return () => {
    const time = now();
    if (typeof time !== 'number' || !Number.isFinite(time)) throw new TypeError('The now option returned no usable time.');
    return time;
  };
}
