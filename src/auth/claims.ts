/**
 * The actor of an impersonated session (`act` claim).
 *
 * @example
 * const actor: SessionActor = { sub: 'user_admin' };
 */
export interface SessionActor {
  readonly sub: string;
  readonly [claim: string]: unknown;
}

/**
 * The registered claims every verified Clerk token has or may have (`exp` is required by every verifier);
 * other claims are `unknown` until a narrower type says more.
 *
 * @example
 * const claims: RegisteredClaims = { exp: 1_700_000_060, iss: 'https://clerk.example.com' };
 */
export interface RegisteredClaims {
  readonly sub?: string;
  readonly exp: number;
  readonly iat?: number;
  readonly nbf?: number;
  readonly iss?: string;
  readonly azp?: string;
  readonly aud?: string | readonly string[];
  readonly jti?: string;
  readonly [claim: string]: unknown;
}

/**
 * Claims shared by both session token formats.
 *
 * @example
 * const claims: SessionClaimsBase = { sub: 'user_1', sid: 'sess_1', exp: 1_700_000_060 };
 */
export interface SessionClaimsBase extends RegisteredClaims {
  readonly sub: string;
  readonly sid: string;
  readonly act?: SessionActor;
  /** Minutes since the first and second factor verification; `-1` when never verified. */
  readonly fva?: readonly [number, number];
  /** Session status, e.g. `active` or `pending`. */
  readonly sts?: string;
  readonly [claim: string]: unknown;
}

/**
 * A version 1 session token: organization claims as flat `org_*` fields.
 *
 * @example
 * const claims: SessionClaimsV1 = { sub: 'user_1', sid: 'sess_1', exp: 1, org_id: 'org_1', org_role: 'org:admin' };
 */
export interface SessionClaimsV1 extends SessionClaimsBase {
  readonly v?: 1;
  readonly org_id?: string;
  readonly org_role?: string;
  readonly org_slug?: string;
  readonly org_permissions?: readonly string[];
}

/**
 * The compact organization claim of a version 2 session token.
 *
 * @example
 * const o: SessionOrganizationClaim = { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3' };
 */
export interface SessionOrganizationClaim {
  readonly id: string;
  readonly slg?: string;
  readonly rol?: string;
  /** Comma-separated permission names. */
  readonly per?: string;
  /** Comma-separated decimal bitmasks, one per organization feature, selecting from `per`. */
  readonly fpm?: string;
}

/**
 * A version 2 session token: organization in `o`, features in `fea`, plans in `pla`.
 *
 * @example
 * const claims: SessionClaimsV2 = { v: 2, sub: 'user_1', sid: 'sess_1', exp: 1, fea: 'o:reports' };
 */
export interface SessionClaimsV2 extends SessionClaimsBase {
  readonly v: 2;
  readonly o?: SessionOrganizationClaim;
  /** Comma-separated `scope:feature` entries, scope `o`, `u`, `ou` or `uo`. */
  readonly fea?: string;
  /** Comma-separated `scope:plan` entries. */
  readonly pla?: string;
}

/**
 * The claims of a verified Clerk session token, either format (discriminate on `v`).
 *
 * @example
 * if (claims.v === 2) console.log(claims.o?.id); else console.log(claims.org_id);
 */
export type SessionClaims = SessionClaimsV1 | SessionClaimsV2;

/**
 * The active organization of a session, the same for both token formats.
 *
 * @example
 * const org: SessionOrganization = { id: 'org_1', role: 'org:admin', slug: 'acme', permissions: ['org:reports:read'] };
 */
export interface SessionOrganization {
  readonly id: string;
  readonly slug: string | undefined;
  /** Always prefixed, e.g. `org:admin`. */
  readonly role: string | undefined;
  /** `org:<feature>:<permission>` strings (decoded from `fpm` in version 2 tokens). */
  readonly permissions: readonly string[];
}

/**
 * The data of a successful session token verification.
 *
 * @example
 * const { data } = await verifyToken(token, options);
 * if (data) console.log(data.userId, data.org?.permissions);
 */
export interface VerifiedSession {
  /** The token's claims, copied field by field and frozen. */
  readonly claims: SessionClaims;
  readonly userId: string;
  readonly sessionId: string;
  readonly org: SessionOrganization | undefined;
}

/**
 * The claims of a verified JWT-template token: the registered claims Clerk always sets, and the
 * template's custom claims, which this library cannot know and so types as `unknown`.
 *
 * @example
 * const claims: TemplateClaims = { sub: 'user_1', exp: 1, role: 'admin' };
 * if (typeof claims['role'] === 'string') console.log(claims['role']);
 */
export type TemplateClaims = RegisteredClaims;

/**
 * The data of a successful verification under `tokenType: 'jwt_template'`.
 *
 * @example
 * const { data } = await verifyToken(token, { secretKey, tokenType: 'jwt_template' });
 * if (data) console.log(data.userId, data.claims['role']);
 */
export interface VerifiedTemplateToken {
  readonly tokenType: 'jwt_template';
  /** The token's claims, copied field by field and frozen. */
  readonly claims: TemplateClaims;
  /** The `sub` claim, when the template sets one. */
  readonly userId: string | undefined;
}

/**
 * Which kind of Clerk token a verifier accepts (its `tokenType` option): session tokens (the default) or
 * JWT-template tokens. Not to be confused with `TokenType`, the kind of token a request carried.
 *
 * @example
 * const tokenType: VerifierTokenType = 'jwt_template';
 */
export type VerifierTokenType = 'session' | 'jwt_template';

/**
 * The data a verifier gives for its token type.
 *
 * @example
 * type Data = VerifiedToken<'jwt_template'>; // VerifiedTemplateToken
 */
export type VerifiedToken<K extends VerifierTokenType = 'session'> = K extends 'jwt_template' ? VerifiedTemplateToken : VerifiedSession;

declare global {
  /**
   * Your session token's custom claims (Dashboard → Sessions → Customize session token), declared once for the
   * whole app as with Clerk's SDKs; they then type `auth.sessionClaims`. Only declared: never checked at runtime.
   *
   * @example
   * declare global {
   *   interface CustomJwtSessionClaims { metadata: { role?: 'admin' | 'member' } }
   * }
   */
  interface CustomJwtSessionClaims {}
}

/**
 * The claims of a verified session as the auth object types them: Clerk's, plus the application's
 * `CustomJwtSessionClaims`.
 *
 * @example
 * const role = auth.sessionClaims?.metadata?.role; // typed once CustomJwtSessionClaims declares it
 */
export type SessionClaimsWithCustom = SessionClaims & CustomJwtSessionClaims;
