import { decodeJwt, type JwtPayload } from '../decode-jwt.js';
import { verifyJwt } from '../verify-jwt.js';
import type { RsaAlgorithm } from '../algorithms.js';
import { toMachineAuthData, type MachineAuthData } from './machine-auth-object.js';
import { createMachineJwtKeys, type JwksClient } from './machine-jwt-keys.js';
import { verifyWithClient, type MachineTokenClient } from './machine-token-client.js';
import type { AuthFailure } from './reasons.js';
import type { TokenKind } from './token-types.js';

/**
 * Settings of {@link createMachineTokenVerifier}.
 *
 * @example
 * const options: MachineTokenVerifierOptions = { client: clerk, cacheTtlInMs: 10_000, maxEntries: 1000, now: Date.now };
 */
export interface MachineTokenVerifierOptions {
  client: (MachineTokenClient & JwksClient) | undefined;
  /** Verifies machine JWTs locally; without it, keys come from the client's JWKS (`jwks.getJwks`). */
  jwtKey: string | JsonWebKey | undefined;
  clockSkewInMs: number | undefined;
  algorithms: readonly RsaAlgorithm[] | undefined;
  /** Checked on machine JWTs as on sessions: when set, `aud` must carry one of them. */
  audience?: string | readonly string[] | undefined;
  /** Checked on machine JWTs as on sessions: when set, `iss` must be one of them. */
  issuer?: string | readonly string[] | undefined;
  /** Checked on machine JWTs that carry an `azp`: it must be one of them (machine tokens need not carry one). */
  authorizedParties?: readonly string[] | undefined;
  /** How long a Backend API verdict is reused; `0` turns the cache off. */
  cacheTtlInMs: number;
  maxEntries: number;
  now: () => number;
  /** Caches to share between verifiers built per call for one client; default fresh ones. */
  shared?: MachineTokenCaches | undefined;
}

/**
 * What a machine token verifier keeps between requests: Backend API verdicts and the JWKS read through the client.
 *
 * @example
 * const caches = createMachineTokenCaches(clerk, Date.now);
 */
export interface MachineTokenCaches {
  verdicts: Map<string, CachedVerdict>;
  jwksKeys: ReturnType<typeof createMachineJwtKeys> | undefined;
}

/**
 * Creates the caches of one client (the JWKS is read through it when it offers `jwks.getJwks`).
 *
 * @example
 * const caches = createMachineTokenCaches(clerk, Date.now);
 */
export function createMachineTokenCaches(client: JwksClient | undefined, now: () => number): MachineTokenCaches {
  const jwksKeys = client?.jwks === undefined ? undefined : createMachineJwtKeys({ client, now, ttlInMs: 300_000, cooldownInMs: 30_000 });
  return { verdicts: new Map(), jwksKeys };
}

/**
 * A Backend API verdict kept until `until` (ms since the epoch).
 *
 * @example
 * const entry: CachedVerdict = { data, until: Date.now() + 10_000 };
 */
export interface CachedVerdict {
  data: MachineAuthData;
  until: number;
}

/**
 * Verifies machine tokens: opaque ones through the injected client, JWTs locally.
 *
 * @example
 * const outcome = await verifier.verify({ type: 'api_key', form: 'opaque' }, 'ak_123');
 */
export interface MachineTokenVerifier {
  verify(kind: TokenKind & { type: MachineAuthData['tokenType'] }, token: string): Promise<{ data: MachineAuthData } | AuthFailure>;
}

const M2M_CATEGORY = 'cl_B7d4PD333AAA';
const OAUTH_TYPES = ['at+jwt', 'application/at+jwt'];
const RESERVED_CLAIMS: ReadonlySet<string> = new Set(['iss', 'sub', 'exp', 'nbf', 'iat', 'jti', 'aud', 'scopes']);

/**
 * Creates a machine token verifier with a short, bounded cache of Backend API verdicts (successes only,
 * never past the token's own expiry), so a burst of requests with one API key costs one API call while a
 * revocation takes effect within the TTL.
 *
 * @example
 * const verifier = createMachineTokenVerifier({ client: clerk, jwtKey: undefined, clockSkewInMs: undefined, algorithms: undefined, cacheTtlInMs: 10_000, maxEntries: 1000, now: Date.now });
 */
export function createMachineTokenVerifier(options: MachineTokenVerifierOptions): MachineTokenVerifier {
  const { verdicts: cache, jwksKeys } = options.shared ?? createMachineTokenCaches(options.client, options.now);

  async function verifyOpaque(type: MachineAuthData['tokenType'], token: string): Promise<{ data: MachineAuthData } | AuthFailure> {
    const hit = cache.get(token);
    if (hit !== undefined) {
      if (hit.until > options.now()) return { data: hit.data };
      cache.delete(token);
    }
    const outcome = await verifyWithClient(options.client, type, token);
    if ('reason' in outcome || options.cacheTtlInMs === 0) return outcome;
    const until = Math.min(options.now() + options.cacheTtlInMs, outcome.expiresAt ?? Infinity);
    cache.set(token, { data: outcome.data, until });
    if (cache.size > options.maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    return { data: outcome.data };
  }

  return {
    verify(kind, token) {
      if (kind.form === 'jwt' && options.jwtKey !== undefined)
        return verifyMachineJwt(kind.type, token, options, async () => options.jwtKey);
      if (kind.form === 'jwt' && jwksKeys !== undefined) {
        return verifyMachineJwt(kind.type, token, options, (kid) => jwksKeys.find(kid), jwksKeys.failing);
      }
      return verifyOpaque(kind.type, token);
    },
  };
}

async function verifyMachineJwt(
  type: MachineAuthData['tokenType'],
  token: string,
  options: MachineTokenVerifierOptions,
  findKey: (kid: string | undefined) => Promise<string | JsonWebKey | undefined>,
  keySetFailing?: () => boolean,
): Promise<{ data: MachineAuthData } | AuthFailure> {
  if (type === 'api_key') return invalid('API keys are opaque, never JWTs.');
  const decoded = decodeJwt(token);
  if (decoded.errors) return invalid(decoded.errors[0].message);
  const { cat: category, kid } = decoded.data.header;
  if (type === 'm2m_token' && category !== undefined && category !== M2M_CATEGORY)
    return invalid('The token category (cat) is not a machine token.');
  const key = await findKey(typeof kid === 'string' ? kid : undefined);
  if (key === undefined) {
    // No key because the JWKS could not be read is the server's failure, not the token's: reported (and logged) as such.
    if (keySetFailing?.() === true) {
      return {
        reason: 'machine_verification_unavailable',
        message: 'The instance JWKS could not be read through the client, so the machine token could not be verified.',
      };
    }
    return invalid('No key of the instance matches the machine token.');
  }
  const verified = await verifyJwt(token, {
    key,
    now: options.now,
    headerType: type === 'oauth_token' ? OAUTH_TYPES : 'JWT',
    ...(options.clockSkewInMs === undefined ? {} : { clockSkewInMs: options.clockSkewInMs }),
    ...(options.algorithms === undefined ? {} : { algorithms: options.algorithms }),
    // The application's audience and issuer bind machine JWTs too (SECURITY G.46): a token for another API
    // or from another issuer is refused.
    ...(options.audience === undefined ? {} : { audience: options.audience }),
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
  });
  if (verified.errors) {
    const code = verified.errors[0].code;
    if (code === 'token_expired') return { reason: 'machine_token_expired', message: 'The machine token has expired.' };
    return invalid(verified.errors[0].message);
  }
  // `azp` names a browser origin on sessions; machine tokens usually have none, but one they carry must be allowed.
  const azp = verified.data['azp'];
  const parties = options.authorizedParties;
  if (azp !== undefined && parties !== undefined && parties.length > 0 && (typeof azp !== 'string' || !parties.includes(azp))) {
    return invalid('The authorized party (azp) of the machine token is not allowed.');
  }
  return fromPayload(type, verified.data);
}

function fromPayload(type: 'm2m_token' | 'oauth_token', payload: JwtPayload): { data: MachineAuthData } | AuthFailure {
  const { sub, jti } = payload;
  if (typeof sub !== 'string' || sub === '') return invalid('The machine token has no subject.');
  if (type === 'm2m_token' && !sub.startsWith('mch_')) return invalid('The M2M token subject is not a machine.');
  const id = typeof jti === 'string' ? jti : '';
  if (type === 'oauth_token') {
    const { scp, scope, client_id: clientId } = payload;
    const scopes = Array.isArray(scp) ? scp : typeof scope === 'string' ? scope.split(' ') : [];
    return {
      data: toMachineAuthData(type, {
        id,
        subject: sub,
        scopes: scopes.filter((s): s is string => typeof s === 'string' && s !== ''),
        claims: undefined,
        clientId: typeof clientId === 'string' ? clientId : undefined,
      }),
    };
  }
  const scopes = typeof payload['scopes'] === 'string' ? payload['scopes'].split(' ').filter(Boolean) : [];
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload)) if (!RESERVED_CLAIMS.has(name)) claims[name] = value;
  return { data: toMachineAuthData(type, { id, subject: sub, scopes, claims: Object.keys(claims).length > 0 ? claims : undefined }) };
}

function invalid(message: string): AuthFailure {
  return { reason: 'machine_token_invalid', message };
}
