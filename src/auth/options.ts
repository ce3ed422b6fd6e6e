import { isObject, isString } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import { isSecretKey } from '../kernel/secret-key.js';
import { checkServiceUrl } from '../kernel/url-checks.js';
import type { RsaAlgorithm } from './algorithms.js';
import type { ClaimRules } from './claim-checks.js';
import type { VerifierTokenType } from './claims.js';
import { fail, type TokenError } from './errors.js';
import { CLAIM_RULES, firstInvalidOption, invalidOption, VERIFIER_RULES } from './option-rules.js';
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
  /** Allowed `typ` header values. Default `'JWT'`. A token without `typ` passes only when `'JWT'` is allowed. */
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
  tokenType: VerifierTokenType;
  fetch: () => typeof fetch;
  logger: AuthLogger | undefined;
}

/**
 * Validates claim options; a bad value gives `options_invalid` naming the option, never its value.
 *
 * @example
 * const { data: rules } = resolveClaimOptions({ clockSkewInMs: 0 });
 */
export function resolveClaimOptions(
  options: ClaimOptions,
  // Passed beside the options, not spread into a copy of them: a copy would drop options read through getters
  // or a prototype (a class instance), and so silently skip their checks.
  issuerOption: ClaimOptions['issuer'] = options.issuer,
): Result<{ rules: ClaimRules; algorithms: readonly RsaAlgorithm[]; now: () => number }, TokenError> {
  // An issuerOption other than options.issuer comes from a publishable key, which gives a valid URL.
  const problem = firstInvalidOption(options, CLAIM_RULES);
  if (problem) return problem;
  return {
    data: {
      rules: {
        clockSkewInMs: options.clockSkewInMs ?? 5000,
        headerTypes: listOf(options.headerType ?? 'JWT'),
        authorizedParties: allowList(options.authorizedParties),
        audience: allowList(options.audience),
        issuer: allowList(issuerOption),
      },
      algorithms: [...(options.algorithms ?? ['RS256'])],
      now: checkedClock(options.now),
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
  if (!isObject(options as unknown)) return invalidOption('options', 'an object');
  let issuer = options.issuer;
  if (issuer === undefined && options.publishableKey !== undefined) {
    issuer = isString(options.publishableKey) ? issuerFromPublishableKey(options.publishableKey) : undefined;
    if (issuer === undefined) return invalidOption('publishableKey', 'pk_test_ or pk_live_ followed by the encoded Frontend API host');
  }
  const claims = resolveClaimOptions(options, issuer);
  if (claims.errors) return claims;
  // The client's rule (SECRET_KEY), so a key `createClerkClient` accepts is never refused here.
  if (options.secretKey !== undefined && !isSecretKey(options.secretKey)) {
    return fail('secret_key_invalid', 'The secret key must be sk_test_ or sk_live_ followed by printable ASCII.');
  }
  const source = resolveSource(options);
  if (source.errors) return source;
  const problem = firstInvalidOption(options, VERIFIER_RULES);
  if (problem) return problem;
  const cache = options.tokenCache ?? true;
  return {
    data: {
      ...claims.data,
      ...callbacksOf(options),
      source: source.data,
      jwks: {
        ttlInMs: options.jwksCacheTtlInMs ?? 300_000,
        cooldownInMs: options.jwksCooldownInMs ?? 30_000,
        staleIfErrorInMs: options.jwksStaleIfErrorInMs ?? 3_600_000,
        timeoutInMs: options.jwksTimeoutInMs ?? 5000,
        maxBytes: options.jwksMaxBytes ?? 262_144,
        maxKeys: options.jwksMaxKeys ?? 32,
      },
      tokenCacheSize: cache === true ? 1024 : cache === false ? 0 : (cache.maxEntries ?? 1024),
      tokenType: options.tokenType ?? 'session',
    },
  };
}

/** The callbacks of a call that injects none; one object, so the common case allocates nothing. */
const DEFAULT_CALL: VerifyCall = { now: Date.now, fetch: () => globalThis.fetch, logger: undefined };

/**
 * The callbacks one verification uses (`now`, `fetch`, `logger`), from options already checked against
 * `CALLBACK_RULES`; shared by the verifiers and `verifyToken`, which lends them to a cached verifier.
 *
 * @example
 * const call = callbacksOf({ now: () => fakeTime });
 */
export function callbacksOf(options: Pick<TokenVerifierOptions, 'now' | 'fetch' | 'logger'>): VerifyCall {
  const { now, fetch: injected, logger } = options;
  if (!now && !injected && !logger) return DEFAULT_CALL;
  // `fetch` is looked up at call time so that a fetch installed (or mocked) after construction is used.
  return { now: checkedClock(now), fetch: () => injected ?? globalThis.fetch, logger };
}

function resolveSource(options: AnyVerifierOptions): Result<ResolvedOptions['source'], TokenError> {
  const { jwtKey, secretKey, jwksUrl } = options;
  if (jwtKey !== undefined) {
    if (!isString(jwtKey) && !isObject(jwtKey)) return invalidOption('jwtKey', 'a PEM string or a JWK');
    return { data: { kind: 'jwt-key', key: jwtKey } };
  }
  if (secretKey !== undefined) {
    // The secret key goes to {apiUrl}/v1/jwks: a query or fragment in apiUrl would bend that path.
    const apiUrl = checkServiceUrl(options.apiUrl ?? 'https://api.clerk.com', { allowQuery: false });
    if (!apiUrl) return invalidOption('apiUrl', 'an https URL');
    const url = `${apiUrl.replace(/\/+$/, '')}/v1/jwks`;
    return { data: { kind: 'backend-api', url, headers: { Authorization: `Bearer ${secretKey}` } } };
  }
  if (jwksUrl !== undefined) {
    const url = checkServiceUrl(jwksUrl, { allowQuery: true });
    if (!url) return invalidOption('jwksUrl', 'an https URL');
    return { data: { kind: 'jwks-url', url, headers: {} } };
  }
  return invalidOption('jwtKey', 'given, or secretKey or jwksUrl');
}

/** A string or list option as a fresh list. */
function listOf(value: string | readonly string[]): string[] {
  return isString(value) ? [value] : [...value];
}

/** An allow-list option; an empty list means "not checked", as in Clerk's SDKs. */
function allowList(value: string | readonly string[] | undefined): string[] | undefined {
  const list = value === undefined ? [] : listOf(value);
  return list.length > 0 ? list : undefined;
}

/**
 * Wraps an injected clock (`Date.now` when none is given) so that a time that is not a finite number throws
 * instead of flowing into the claim checks, where `NaN` would make every time comparison false and so accept
 * an expired token. The verifiers turn that exception into an `options_invalid` result: the check fails closed.
 *
 * @example
 * const now = checkedClock(() => fakeTime);
 */
export function checkedClock(now?: () => number): () => number {
  if (!now) return Date.now;
  return () => {
    const time = now();
    if (typeof time !== 'number' || !Number.isFinite(time)) throw new TypeError('The now option returned no usable time.');
    return time;
  };
}
