import { optionError } from '../kernel/check-options.js';
import { isPromiseLike, isString } from '../kernel/guards.js';
import { defineRedactedView } from '../kernel/redacted-view.js';
import type { Result } from '../kernel/result.js';
import { checkRegisteredClaims, readCheckedClaims } from './claim-checks.js';
import type { VerifiedSession, VerifiedTemplateToken } from './claims.js';
import { MAX_TOKEN_LENGTH } from './decode-jwt.js';
import { fail, type TokenError } from './errors.js';
import { createJwksEngine } from './jwks-engine.js';
import { describeJwtKeyProblem } from '../kernel/key-shape.js';
import { createFixedKeySource, type KeySource } from './key-source.js';
import { resolveVerifierOptions, type ResolvedOptions } from './options.js';
import type { AnyVerifierOptions, TemplateVerifierOptions, TokenVerifierOptions, VerifyCall } from './verifier-options.js';

export type { VerifyCall } from './verifier-options.js';
import { toVerifiedSession, toVerifiedTemplate } from './session-checks.js';
import { createTokenCache } from './token-cache.js';
import { verifyCompact, type VerifiedCompact } from './verify-compact.js';

/**
 * A reusable token verifier: it imports keys once and keeps its JWKS and verified-token caches.
 *
 * @example
 * const verifier = createTokenVerifier({ secretKey: 'sk_live_…', authorizedParties: ['https://app.example.com'] });
 * const { data, errors } = await verifier.verify(token);
 */
export interface TokenVerifier<T = VerifiedSession> {
  /** Verifies a token; never throws. */
  verify(token: string): Promise<Result<T, TokenError>>;
}

/**
 * A verifier that can also run with another call's callbacks; internal to the auth layer.
 *
 * @example
 * await verifier.verifyWith(token, { now: () => fakeNow, fetch: () => fakeFetch, logger: undefined });
 */
export interface SharedVerifier extends TokenVerifier<VerifiedSession | VerifiedTemplateToken> {
  verifyWith(token: string, call: VerifyCall): Promise<Result<VerifiedSession | VerifiedTemplateToken, TokenError>>;
}

/**
 * Creates a {@link TokenVerifier} with its own key-set cache. Bad options are programmer errors and
 * throw a `TypeError` here, at construction (STYLE rule 6); verification outcomes are always results.
 * With `tokenType: 'jwt_template'` it verifies JWT-template tokens instead of session tokens.
 *
 * Serialising or inspecting the verifier shows only its key source kind, never the secret key.
 *
 * @example
 * const verifier = createTokenVerifier({ jwtKey: jwtKeyPem });
 * const { data } = await verifier.verify(token);
 * if (data) console.log(data.userId);
 */
export function createTokenVerifier(options: TemplateVerifierOptions): TokenVerifier<VerifiedTemplateToken>;
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier<VerifiedSession>;
export function createTokenVerifier(options: AnyVerifierOptions): TokenVerifier<VerifiedSession | VerifiedTemplateToken>;
export function createTokenVerifier(options: AnyVerifierOptions): TokenVerifier<VerifiedSession | VerifiedTemplateToken> {
  return buildTokenVerifier(options, 'createTokenVerifier');
}

/**
 * {@link createTokenVerifier} for a caller that names itself in its `TypeError`s (the request authenticator,
 * an adapter).
 *
 * @example
 * const verifier = buildTokenVerifier({ jwtKey: pem }, 'clerkMiddleware');
 */
export function buildTokenVerifier(options: AnyVerifierOptions, component: string): TokenVerifier<VerifiedSession | VerifiedTemplateToken> {
  const resolved = resolveVerifierOptions(options);
  if (resolved.errors) throw optionError(component, resolved.errors[0].message);
  // WebCrypto imports the key asynchronously, on first use; its structure is checked now, so that an unusable key
  // fails at startup instead of making every request a 401.
  const keyProblem = options.jwtKey === undefined ? undefined : describeJwtKeyProblem(options.jwtKey);
  if (keyProblem) throw optionError(component, `The jwtKey option ${keyProblem}.`);
  const verifier = buildVerifier(resolved.data, createKeySource(resolved.data));
  return defineRedactedView({ verify: verifier.verify }, { type: 'TokenVerifier', keySource: resolved.data.source.kind });
}

type Verified = VerifiedSession | VerifiedTemplateToken;

/**
 * Builds a verifier from already validated options over a key source; shared with the convenience
 * `verifyToken`, which passes a key source shared by every verifier of the same key set.
 *
 * @example
 * const verifier = buildVerifier(resolved, createKeySource(resolved));
 */
export function buildVerifier(options: ResolvedOptions, keys: KeySource): SharedVerifier {
  const { algorithms, rules } = options;
  const shape: (header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>) => Result<Verified, TokenError> =
    options.tokenType === 'jwt_template' ? toVerifiedTemplate : toVerifiedSession;
  const cache = createTokenCache<Verified>(options.tokenCacheSize);

  function verifyWith(token: string, call: VerifyCall): Promise<Result<Verified, TokenError>> {
    // Only injected callbacks can throw here (a `now` that fails or returns no usable time, say): refuse the
    // token rather than let an exception out, whether it was thrown at once or by a pending step.
    try {
      const outcome = run(token, call);
      // Promise.resolve adopts a promise of another realm too (an edge runtime's VM may hand out the host's).
      return isPromiseLike(outcome) ? Promise.resolve(outcome).catch(injectedFailure) : Promise.resolve(outcome);
    } catch {
      return Promise.resolve(injectedFailure());
    }
  }

  /** Synchronous on the hot path (a cache hit, or a loaded key and a synchronous signature check). */
  function run(token: string, call: VerifyCall): Result<Verified, TokenError> | Promise<Result<Verified, TokenError>> {
    const nowMs = call.now();
    if (isString(token) && token.length <= MAX_TOKEN_LENGTH) {
      const hit = cache.get(token);
      if (hit) {
        // Only the signature outcome is reused: time, azp, aud and iss are checked again, and the
        // entry is dropped as soon as its key is no longer the fresh, current one for its kid.
        if (keys.peek(hit.kid, nowMs) === hit.key) {
          const problem = checkRegisteredClaims(hit.value.claims, rules, nowMs);
          if (!problem) return { data: hit.value };
          cache.delete(token);
          return { errors: [problem] };
        }
        cache.delete(token);
      }
    }
    const verified = verifyCompact<Verified>(
      token,
      algorithms,
      keys,
      { nowMs, now: call.now, fetch: call.fetch, logger: call.logger },
      (compact) => {
        const payload = readCheckedClaims(compact, rules, nowMs);
        return payload.errors ? payload : shape(compact.header, payload.data);
      },
    );
    return isPromiseLike(verified) ? Promise.resolve(verified).then((outcome) => remember(token, outcome)) : remember(token, verified);
  }

  function remember(token: string, verified: Result<VerifiedCompact<Verified>, TokenError>): Result<Verified, TokenError> {
    if (verified.errors) return verified;
    // The verified compact (value, kid, key) is the cache entry as it is: no copy per token.
    cache.set(token, verified.data);
    return { data: verified.data.value };
  }

  // The verifier's own callbacks: the resolved options are a VerifyCall.
  return { verify: (token) => verifyWith(token, options), verifyWith };
}

function injectedFailure(): Result<never, TokenError> {
  return fail('options_invalid', 'Verification could not run: an injected option (now, fetch) failed.');
}

/**
 * The key source the options name: the fixed `jwtKey`, or a JWKS engine for the Backend API or a JWKS URL.
 *
 * @example
 * const keys = createKeySource(resolved);
 */
export function createKeySource(options: ResolvedOptions): KeySource {
  const { source, jwks } = options;
  if (source.kind === 'jwt-key') return createFixedKeySource(source.key, options.algorithms);
  return createJwksEngine({ ...source, ...jwks, bapi: source.kind === 'backend-api', algorithms: options.algorithms });
}
