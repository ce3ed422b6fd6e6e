import { decodeJwt } from '../decode-jwt.js';

/**
 * Machine token kinds: API keys (`ak_`), machine-to-machine tokens (`mt_` or a JWT whose `sub` starts
 * with `mch_`) and OAuth access tokens (`oat_` or a JWT with `typ: at+jwt`).
 *
 * @example
 * const type: MachineTokenType = 'm2m_token';
 */
export type MachineTokenType = 'api_key' | 'm2m_token' | 'oauth_token';

/**
 * Every token kind a request may carry.
 *
 * @example
 * const type: TokenType = 'session_token';
 */
export type TokenType = 'session_token' | MachineTokenType;

/**
 * Which token kinds a route accepts: one kind, a list, or `'any'`. Default `'session_token'`.
 *
 * @example
 * const accepts: AcceptsToken = ['session_token', 'api_key'];
 */
export type AcceptsToken = TokenType | readonly TokenType[] | 'any';

/**
 * How a token is shaped: opaque tokens go to the Backend API, JWTs are verified with a key.
 *
 * @example
 * const kind: TokenKind = { type: 'api_key', form: 'opaque' };
 */
export interface TokenKind {
  type: TokenType;
  form: 'opaque' | 'jwt';
}

const OAUTH_JWT_TYPES: ReadonlySet<unknown> = new Set(['at+jwt', 'application/at+jwt']);
const TOKEN_TYPES: ReadonlySet<unknown> = new Set(['session_token', 'api_key', 'm2m_token', 'oauth_token']);

/**
 * Tells the token kind from its prefix, or for a JWT from its unverified `typ` header and `sub` claim.
 * The decision only routes the token to a verifier: nothing is trusted before verification.
 *
 * @example
 * classifyToken('ak_123'); // { type: 'api_key', form: 'opaque' }
 */
export function classifyToken(token: string): TokenKind {
  if (token.startsWith('ak_')) return { type: 'api_key', form: 'opaque' };
  if (token.startsWith('mt_')) return { type: 'm2m_token', form: 'opaque' };
  if (token.startsWith('oat_')) return { type: 'oauth_token', form: 'opaque' };
  const decoded = decodeJwt(token);
  if (!decoded.errors) {
    if (OAUTH_JWT_TYPES.has(decoded.data.header['typ'])) return { type: 'oauth_token', form: 'jwt' };
    const sub = decoded.data.payload['sub'];
    if (typeof sub === 'string' && sub.startsWith('mch_')) return { type: 'm2m_token', form: 'jwt' };
  }
  return { type: 'session_token', form: 'jwt' };
}

/**
 * Checks an `acceptsToken` option; `undefined` when it is malformed.
 *
 * @example
 * normalizeAcceptsToken(['api_key']); // ['api_key']
 */
export function normalizeAcceptsToken(value: unknown): readonly TokenType[] | 'any' | undefined {
  if (value === undefined) return ['session_token'];
  if (value === 'any') return 'any';
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item) => TOKEN_TYPES.has(item))) return undefined;
  return list as TokenType[];
}

/**
 * Is this token kind accepted?
 *
 * @example
 * isAccepted('api_key', ['session_token']); // false
 */
export function isAccepted(type: TokenType, accepts: readonly TokenType[] | 'any'): boolean {
  return accepts === 'any' || accepts.includes(type);
}
