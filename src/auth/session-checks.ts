import { isRecord, isString, isStringArray } from '../kernel/guards.js';
import type { NonEmptyArray, Result } from '../kernel/result.js';
import type { SessionClaims, SessionOrganization, TemplateClaims, VerifiedSession, VerifiedTemplateToken } from './claims.js';
import { claimError, refuseToken, type TokenError } from './errors.js';
import { frozenOrgPermissions } from './org-permissions.js';

/** Token categories (`cat` header) that may be used as a session; any other value is refused. */
const SESSION_CATEGORIES: ReadonlySet<unknown> = new Set([undefined, 'cl_B7d4PD111AAA', 'cl_I7d4PD111III']);
/** The JWT-template category; absent is accepted too, since older template tokens carry no `cat`. */
const TEMPLATE_CATEGORIES: ReadonlySet<unknown> = new Set([undefined, 'cl_B7d4PD222AAA']);

type Claims = Readonly<Record<string, unknown>>;

/**
 * Checks what makes a verified JWT a Clerk session token and shapes the result: the `cat` header,
 * `sub`/`sid`, a non-machine subject, and the type of every claim {@link SessionClaims} promises.
 *
 * @example
 * const { data, errors } = toVerifiedSession(header, payload);
 */
export function toVerifiedSession(header: Claims, payload: Claims): Result<VerifiedSession, TokenError> {
  const { sub, sid } = payload;
  const refused = refuseKind(header, sub, SESSION_CATEGORIES, 'a session token', 'a session');
  if (refused) return refused;
  if (!isString(sid) || sid === '') return invalid('sid');
  const wrong = firstIllTypedClaim(payload);
  if (wrong !== undefined) return invalid(wrong);
  const claims = payload as SessionClaims;
  // Results are frozen: a cached verification is handed out again, and no caller may change it for the next.
  return { data: Object.freeze({ claims, userId: sub as string, sessionId: sid, org: organizationOf(claims) }) };
}

/**
 * Checks what makes a verified JWT a Clerk JWT-template token (`cat` absent or the template category, a
 * non-machine `sub` if any) and shapes the result; custom claims are left as they are, typed `unknown`.
 *
 * @example
 * const { data, errors } = toVerifiedTemplate(header, payload);
 */
export function toVerifiedTemplate(header: Claims, payload: Claims): Result<VerifiedTemplateToken, TokenError> {
  const sub = payload['sub'] as string | undefined;
  const refused = refuseKind(header, sub, TEMPLATE_CATEGORIES, 'a JWT-template token', 'a user', false);
  if (refused) return refused;
  const claims = payload as TemplateClaims;
  return { data: Object.freeze({ tokenType: 'jwt_template', claims, userId: sub }) };
}

/**
 * What both kinds check first, in this order: the `cat` header, then `sub`, which must be a non-empty string
 * (and present when `required`) and not a machine (`mch_`).
 */
function refuseKind(
  header: Claims,
  sub: unknown,
  categories: ReadonlySet<unknown>,
  kind: string,
  subject: string,
  required = true,
): { errors: NonEmptyArray<TokenError> } | undefined {
  if (!categories.has(header['cat'])) return refuseToken('token_type_mismatch', `category (cat) is not ${kind}`);
  if (sub === undefined ? required : !isString(sub) || sub === '') return invalid('sub');
  if (isString(sub) && sub.startsWith('mch_')) return refuseToken('token_type_mismatch', `subject is a machine, not ${subject}`);
  return undefined;
}

function invalid(claim: string): { errors: NonEmptyArray<TokenError> } {
  return { errors: [claimError(claim, 'is missing or has the wrong type')] };
}

/**
 * The type every optional claim of {@link SessionClaims} must have when present, in the order checked; a wrong
 * one is refused rather than handed out under a type that lies.
 */
const CLAIM_TYPES: Readonly<Record<string, (value: unknown) => boolean>> = {
  jti: isString,
  sts: isString,
  fea: isString,
  pla: isString,
  org_id: isString,
  org_role: isString,
  org_slug: isString,
  v: (v) => v === 1 || v === 2,
  act: (act) => isRecord(act) && isString(act['sub']),
  fva: (fva) => Array.isArray(fva) && fva.length === 2 && fva.every(Number.isFinite),
  org_permissions: isStringArray,
  o: (o) => isRecord(o) && isString(o['id']) && ['slg', 'rol', 'per', 'fpm'].every((name) => o[name] === undefined || isString(o[name])),
};

/** The table as a list, built once: `Object.entries` on every verified token allocated a dozen pairs each time. */
const CLAIM_TYPE_LIST = Object.entries(CLAIM_TYPES);

function firstIllTypedClaim(payload: Claims): string | undefined {
  for (const [name, check] of CLAIM_TYPE_LIST) if (payload[name] !== undefined && !check(payload[name])) return name;
  return undefined;
}

function organizationOf(claims: SessionClaims): SessionOrganization | undefined {
  if (claims.v === 2) {
    const o = claims.o;
    if (o === undefined) return undefined;
    const permissions = frozenOrgPermissions(claims.fea, o.per, o.fpm);
    // Version 2 drops the `org:` prefix on the wire; Clerk's SDKs add it back.
    const role = o.rol === undefined ? undefined : `org:${o.rol}`;
    return Object.freeze({ id: o.id, slug: o.slg, role, permissions });
  }
  if (claims.org_id === undefined) return undefined;
  return Object.freeze({
    id: claims.org_id,
    slug: claims.org_slug,
    role: claims.org_role,
    permissions: claims.org_permissions ?? Object.freeze([]),
  });
}
