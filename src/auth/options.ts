import { isObject, isString } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import { isSecretKey } from '../kernel/secret-key.js';
import { checkServiceUrl } from '../kernel/url-checks.js';
import type { RsaAlgorithm } from './algorithms.js';
import type { ClaimRules } from './claim-checks.js';
import type { VerifierTokenType } from './claims.js';
import { fail, type TokenError } from './errors.js';
import { CLAIM_RULES, firstInvalidOption, invalidOption, unknownVerifierOption, VERIFIER_RULES } from './option-rules.js';
import type { AuthLogger } from './key-source.js';
import { issuerFromPublishableKey } from './publishable-key.js';
import type { AnyVerifierOptions, ClaimOptions, TokenVerifierOptions, VerifyCall } from './verifier-options.js';

export type {
  AnyVerifierOptions,
  ClaimOptions,
  TemplateVerifierOptions,
  TokenVerifierOptions,
  VerifyCall,
} from './verifier-options.js';

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
  const unknown = unknownVerifierOption(options);
  if (unknown) return unknown;
  let issuer = options.issuer;
  if (issuer === undefined && options.publishableKey !== undefined) {
    issuer = isString(options.publishableKey) ? issuerFromPublishableKey(options.publishableKey) : undefined;
    if (issuer === undefined) return invalidOption('publishableKey', 'pk_test_ or pk_live_ followed by the encoded Frontend API host');
  }
  const claims = resolveClaimOptions(options, issuer);
  if (claims.errors) return claims;
  // The client's rule (SECRET_KEY), so a key `createClerkClient` accepts is never refused here.
  if (options.secretKey !== undefined && !isSecretKey(options.secretKey)) {
    return fail('secret_key_invalid', 'The secretKey option must be sk_test_ or sk_live_ followed by letters, digits, _ or -.', {
      option: 'secretKey',
    });
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
    const url = `${apiUrl.replace(/\/+$/, '')}/${options.apiVersion ?? 'v1'}/jwks`;
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
