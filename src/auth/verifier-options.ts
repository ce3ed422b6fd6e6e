// The verifier's option types, on their own so that the option table (option-rules.ts), the resolver
// (options.ts) and the verifier (create-token-verifier.ts) all import them without importing each other.
import type { RsaAlgorithm } from './algorithms.js';
import type { AuthLogger } from './key-source.js';

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
  /** The Backend API version path segment of the JWKS URL (`{apiUrl}/{apiVersion}/jwks`). Default `v1`. */
  apiVersion?: string;
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
  /**
   * The verified-token cache: `false` turns it off. Default `{ maxEntries: 1024 }`. A cache of 64 entries or more that
   * turns over without a single hit stops caching fresh tokens until one is verified again within its reach.
   */
  tokenCache?: boolean | { maxEntries?: number };
  /** Injected `fetch`; default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** `'session'` (the default): only session tokens verify; see {@link TemplateVerifierOptions} for the opt-in. */
  tokenType?: 'session';
  /**
   * Where the server's own problems are reported: skipped JWKS keys (one `warn` per skipped key and fetch), and a
   * JWKS that cannot be loaded (timeout, non-2xx, not JSON, refused secret key) or, in request authentication, a
   * machine token that cannot be verified, once per cause per 60 s. Never a token or a secret. Default `console.warn`.
   */
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

/**
 * The callbacks one verification uses: lent per call by the convenience `verifyToken`, so that a new
 * closure on every call neither builds a new verifier nor a new key-set cache.
 *
 * @example
 * const call: VerifyCall = { now: Date.now, fetch: () => globalThis.fetch, logger: undefined };
 */
export interface VerifyCall {
  now: () => number;
  fetch: () => typeof fetch;
  logger: AuthLogger | undefined;
}
