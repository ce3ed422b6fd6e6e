import type { Result } from '../core/result.js';
import { checkHeaderType, checkRegisteredClaims, type ClaimRules } from './claim-checks.js';
import type { VerifiedSession } from './claims.js';
import { MAX_TOKEN_LENGTH, decodePayload, splitCompactJwt, type CompactJwt } from './decode-jwt.js';
import { fail, type TokenError } from './errors.js';
import { checkHeader } from './header-checks.js';
import { createJwksEngine } from './jwks-engine.js';
import { createFixedKeySource, type KeySource } from './key-source.js';
import type { RsaKeyEntry } from './rsa-key.js';
import { resolveVerifierOptions, type ResolvedOptions, type TokenVerifierOptions } from './options.js';
import { redact } from './redact.js';
import { toVerifiedSession } from './session-checks.js';
import { createTokenCache } from './token-cache.js';
import { verifySignature } from './verify-signature.js';

/**
 * A reusable session token verifier: it imports keys once and keeps its JWKS and verified-token caches.
 *
 * @example
 * const verifier = createTokenVerifier({ secretKey: 'sk_live_…', authorizedParties: ['https://app.example.com'] });
 * const { data, errors } = await verifier.verify(token);
 */
export interface TokenVerifier {
  /** Verifies a session token; never throws. */
  verify(token: string): Promise<Result<VerifiedSession, TokenError>>;
}

/**
 * Creates a {@link TokenVerifier}. Bad options are programmer errors and throw a `TypeError` here,
 * at construction (STYLE rule 6); verification outcomes are always results.
 *
 * Serialising or inspecting the verifier shows only its key source kind, never the secret key.
 *
 * @example
 * const verifier = createTokenVerifier({ jwtKey: jwtKeyPem });
 * const { data } = await verifier.verify(token);
 * if (data) console.log(data.userId);
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const resolved = resolveVerifierOptions(options);
  if (resolved.errors) throw new TypeError(`${resolved.errors[0].code}: ${resolved.errors[0].message}`);
  return buildVerifier(resolved.data);
}

/**
 * Builds a verifier from already validated options; shared with the convenience `verifyToken`.
 *
 * @example
 * const verifier = buildVerifier(resolved);
 */
export function buildVerifier(options: ResolvedOptions): TokenVerifier {
  const { algorithms, rules, now } = options;
  const keys = createKeySource(options);
  const cache = createTokenCache(options.tokenCacheSize);

  async function verify(token: string): Promise<Result<VerifiedSession, TokenError>> {
    try {
      return await verifyOrThrow(token);
    } catch {
      // Only injected callbacks can throw here (a `now` that fails or returns no usable time, say):
      // refuse the token rather than let an exception out.
      return fail('options_invalid', 'Verification could not run: an injected option (now, fetch) failed.');
    }
  }

  async function verifyOrThrow(token: string): Promise<Result<VerifiedSession, TokenError>> {
    if (typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH) {
      const hit = cache.get(token);
      if (hit !== undefined) {
        // Only the signature outcome is reused: time, azp, aud and iss are checked again, and the
        // entry is dropped as soon as its key is no longer the current one for its kid.
        if (keys.isCurrent(hit.kid, hit.key)) {
          const problem = checkRegisteredClaims(hit.session.claims, rules, now());
          if (problem === undefined) return { data: hit.session };
          cache.delete(token);
          return { errors: [problem] };
        }
        cache.delete(token);
      }
    }
    const split = splitCompactJwt(token);
    if (split.errors) return split;
    const header = checkHeader(split.data.header, algorithms);
    if (header.errors) return header;
    let key: RsaKeyEntry | undefined = keys.peek(header.data.kid);
    if (key === undefined) {
      const loaded = await keys.getKey(header.data.kid);
      if (loaded.errors) return loaded;
      key = loaded.data;
    }
    if (key.alg !== undefined && key.alg !== header.data.alg) {
      return fail('token_invalid_algorithm', 'The token algorithm does not match the key.');
    }
    // The payload is decoded and checked while WebCrypto verifies on its own thread, but the
    // signature outcome is reported first (RFC 8725 §3.3): a forged, expired token reports the forgery.
    const signature = verifySignature(key, header.data.alg, split.data);
    const session = checkPayload(split.data, rules, now());
    if (!(await signature)) return fail('token_invalid_signature', 'The token signature is invalid.');
    if (session.errors) return session;
    cache.set(token, { kid: header.data.kid, key, session: session.data });
    return session;
  }

  return redact({ verify }, { type: 'TokenVerifier', keySource: options.source.kind });
}

function checkPayload(compact: CompactJwt, rules: ClaimRules, nowMs: number): Result<VerifiedSession, TokenError> {
  const payload = decodePayload(compact.payloadSegment);
  if (payload.errors) return payload;
  const problem = checkHeaderType(compact.header, rules) ?? checkRegisteredClaims(payload.data, rules, nowMs);
  return problem === undefined ? toVerifiedSession(compact.header, payload.data) : { errors: [problem] };
}

function createKeySource(options: ResolvedOptions): KeySource {
  const { source, jwks } = options;
  if (source.kind === 'jwt-key') return createFixedKeySource(source.key, options.algorithms);
  return createJwksEngine({
    algorithms: options.algorithms,
    now: options.now,
    ttlInMs: jwks.ttlInMs,
    cooldownInMs: jwks.cooldownInMs,
    staleIfErrorInMs: jwks.staleIfErrorInMs,
    maxKeys: jwks.maxKeys,
    request: () => ({
      url: source.url,
      headers: source.headers,
      fetch: options.fetch(),
      timeoutInMs: jwks.timeoutInMs,
      maxBytes: jwks.maxBytes,
      bapi: source.kind === 'backend-api',
    }),
  });
}
