import type { SessionActor, SessionClaims, SessionClaimsWithCustom, VerifiedSession } from '../claims.js';
import { decodeOrgPermissions } from '../org-permissions.js';
import { createHas, type HasParams } from './has.js';

/**
 * Options of `getToken()`: a JWT template name, optionally with a lifetime override.
 *
 * @example
 * const token = await auth.getToken({ template: 'supabase' });
 */
export interface GetTokenOptions {
  template?: string | undefined;
  expiresInSeconds?: number | undefined;
}

/**
 * The slice of the Backend API client that `getToken({ template })` needs; `createClerkClient()` fits.
 *
 * @example
 * const client: SessionTokenClient = createClerkClient({ secretKey });
 */
export interface SessionTokenClient {
  sessions: {
    createSessionTokenFromTemplate(
      sessionId: string,
      templateName: string,
      params?: { expires_in_seconds?: number | null },
    ): Promise<{ data?: { jwt?: string } | undefined; errors?: unknown }>;
  };
}

/**
 * The fields of a session auth object, without its functions: safe to serialise.
 *
 * @example
 * const fields: SessionAuthFields = toSerializableAuth(auth);
 */
export interface SessionAuthFields {
  readonly tokenType: 'session_token';
  readonly isAuthenticated: boolean;
  readonly userId: string | undefined;
  readonly sessionId: string | undefined;
  /** Typed with the application's global `CustomJwtSessionClaims`. */
  readonly sessionClaims: SessionClaimsWithCustom | undefined;
  /** `active`, `pending`, …; kept on a signed-out object when a pending session was treated as signed out. */
  readonly sessionStatus: string | undefined;
  readonly actor: SessionActor | undefined;
  readonly orgId: string | undefined;
  /** Always `org:`-prefixed. */
  readonly orgRole: string | undefined;
  readonly orgSlug: string | undefined;
  readonly orgPermissions: readonly string[] | undefined;
  /** Minutes since the first and second factor verification; `-1` when never. */
  readonly factorVerificationAge: readonly [number, number] | undefined;
}

/**
 * The auth object of a request: identity fields plus `getToken()` and `has()`.
 *
 * @example
 * const auth: SessionAuthObject = state.toAuth();
 * if (auth.isAuthenticated && auth.has({ permission: 'org:invoices:read' })) console.log(auth.orgId);
 */
export interface SessionAuthObject extends SessionAuthFields {
  /** The raw session token, or a template token minted through the Backend API; `undefined` when signed out or on failure. */
  getToken(options?: GetTokenOptions): Promise<string | undefined>;
  /** Do the claims grant every given condition? Fails closed. */
  has(params: HasParams): boolean;
}

/**
 * Options of {@link signedInAuthObject}.
 *
 * @example
 * const options: SignedInAuthOptions = { token, client: clerk };
 */
export interface SignedInAuthOptions {
  /** The verified raw token, returned by `getToken()`. */
  token?: string | undefined;
  /** Mints template tokens for `getToken({ template })`. */
  client?: SessionTokenClient | undefined;
}

/**
 * Builds the signed-in auth object from verified session claims (either token version).
 * Claims of the wrong type are left out rather than trusted, so `has()` fails closed on them.
 *
 * @example
 * const auth = signedInAuthObject(verified.claims, { token });
 * auth.has({ role: 'org:admin' });
 */
export function signedInAuthObject(claims: SessionClaims, options: SignedInAuthOptions = {}): SessionAuthObject {
  return buildSignedInAuthObject(claims, options, undefined);
}

/**
 * {@link signedInAuthObject} of a verified session: the organization permissions the verifier decoded are reused
 * (same claims, same frozen list) instead of decoded again on every request.
 *
 * @example
 * const auth = sessionAuthObject(verified, { token });
 */
export function sessionAuthObject(session: VerifiedSession, options: SignedInAuthOptions): SessionAuthObject {
  return buildSignedInAuthObject(session.claims, options, session.org?.permissions);
}

function buildSignedInAuthObject(
  claims: SessionClaims,
  options: SignedInAuthOptions,
  decodedPermissions: readonly string[] | undefined,
): SessionAuthObject {
  const org = organizationFields(claims, decodedPermissions);
  const fields: SessionAuthFields = {
    tokenType: 'session_token',
    isAuthenticated: true,
    userId: stringOrUndefined(claims.sub),
    sessionId: stringOrUndefined(claims.sid),
    // The custom claims are the application's declaration; nothing here checks them.
    sessionClaims: claims as SessionClaimsWithCustom,
    sessionStatus: stringOrUndefined(claims.sts),
    actor: isActor(claims.act) ? claims.act : undefined,
    ...org,
    factorVerificationAge: factorAge(claims.fva),
  };
  const has = createHas({
    userId: fields.userId,
    orgId: org.orgId,
    orgRole: org.orgRole,
    orgPermissions: org.orgPermissions,
    factorVerificationAge: fields.factorVerificationAge,
    features: stringOrUndefined(claims.fea),
    plans: stringOrUndefined(claims.pla),
  });
  const getToken = createGetToken(fields.sessionId, options);
  return withFunctions(fields, getToken, has);
}

/**
 * Builds the signed-out auth object; `sessionStatus` records a pending session that was treated as signed out.
 *
 * @example
 * const auth = signedOutAuthObject();
 * auth.has({ role: 'org:admin' }); // false
 */
export function signedOutAuthObject(sessionStatus?: string): SessionAuthObject {
  const fields: SessionAuthFields = {
    tokenType: 'session_token',
    isAuthenticated: false,
    userId: undefined,
    sessionId: undefined,
    sessionClaims: undefined,
    sessionStatus,
    actor: undefined,
    orgId: undefined,
    orgRole: undefined,
    orgSlug: undefined,
    orgPermissions: undefined,
    factorVerificationAge: undefined,
  };
  return withFunctions(
    fields,
    () => Promise.resolve(undefined),
    () => false,
  );
}

/**
 * Drops an auth object's functions, leaving plain data (for `JSON.stringify`, a cache or a client).
 *
 * @example
 * res.json(toSerializableAuth(getAuth(req)));
 */
export function toSerializableAuth<T extends { getToken: unknown; has: unknown }>(auth: T): Omit<T, 'getToken' | 'has'> {
  const { getToken: _getToken, has: _has, ...rest } = auth;
  return rest;
}

function withFunctions(
  fields: SessionAuthFields,
  getToken: SessionAuthObject['getToken'],
  has: SessionAuthObject['has'],
): SessionAuthObject {
  const auth = { ...fields } as SessionAuthObject;
  // Non-enumerable, so spreading or serialising an auth object copies data only. One `defineProperty` each: an auth
  // object is built on every request, and `defineProperties` costs several times more.
  Object.defineProperty(auth, 'getToken', { value: getToken });
  Object.defineProperty(auth, 'has', { value: has });
  return Object.freeze(auth);
}

function createGetToken(sessionId: string | undefined, options: SignedInAuthOptions): SessionAuthObject['getToken'] {
  return async (request = {}) => {
    if (sessionId === undefined) return undefined;
    const { template, expiresInSeconds } = request ?? {};
    if (template === undefined && expiresInSeconds === undefined) return options.token;
    if (options.client === undefined || typeof template !== 'string' || template === '') return undefined;
    try {
      const params = expiresInSeconds === undefined ? undefined : { expires_in_seconds: expiresInSeconds };
      const result = await options.client.sessions.createSessionTokenFromTemplate(sessionId, template, params);
      return typeof result.data?.jwt === 'string' ? result.data.jwt : undefined;
    } catch {
      return undefined;
    }
  };
}

function organizationFields(
  claims: SessionClaims,
  decodedPermissions: readonly string[] | undefined,
): Pick<SessionAuthFields, 'orgId' | 'orgRole' | 'orgSlug' | 'orgPermissions'> {
  if (claims.v === 2) {
    const o: unknown = claims.o;
    if (typeof o !== 'object' || o === null) return { orgId: undefined, orgRole: undefined, orgSlug: undefined, orgPermissions: undefined };
    const { id, rol, slg, per, fpm } = o as Record<string, unknown>;
    const role = stringOrUndefined(rol);
    const permissions =
      decodedPermissions ??
      Object.freeze(
        decodeOrgPermissions({
          fea: stringOrUndefined(claims.fea),
          per: stringOrUndefined(per),
          fpm: stringOrUndefined(fpm),
        }),
      );
    return {
      orgId: stringOrUndefined(id),
      // Version 2 drops the `org:` prefix on the wire; Clerk's SDKs add it back.
      orgRole: role ? `org:${role}` : undefined,
      orgSlug: stringOrUndefined(slg),
      orgPermissions: permissions,
    };
  }
  const permissions: unknown = claims.org_permissions;
  return {
    orgId: stringOrUndefined(claims.org_id),
    orgRole: stringOrUndefined(claims.org_role),
    orgSlug: stringOrUndefined(claims.org_slug),
    // A frozen copy: the claims' own array may be shared (the verified-token cache), and a handler pushing onto
    // `auth.orgPermissions` must not grant itself, or a later request, a permission `has()` would then see.
    orgPermissions:
      Array.isArray(permissions) && permissions.every((p) => typeof p === 'string') ? Object.freeze([...permissions]) : undefined,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isActor(value: unknown): value is SessionActor {
  return typeof value === 'object' && value !== null && typeof (value as { sub?: unknown }).sub === 'string';
}

function factorAge(value: unknown): readonly [number, number] | undefined {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ? (value as unknown as readonly [number, number])
    : undefined;
}
