/**
 * How fresh a factor verification must be: a preset, or a custom level and age.
 * Presets: `strict_mfa` (multi-factor, 10 min), `strict` (second factor, 10), `moderate` (60), `lax` (1440).
 *
 * @example
 * const config: ReverificationConfig = { level: 'second_factor', afterMinutes: 30 };
 */
export type ReverificationConfig =
  | 'strict_mfa'
  | 'strict'
  | 'moderate'
  | 'lax'
  | { level: 'first_factor' | 'second_factor' | 'multi_factor'; afterMinutes: number };

/**
 * The conditions of `has()`; every condition given must hold.
 *
 * @example
 * const check: HasParams = { role: 'org:admin', permission: 'org:invoices:read' };
 */
export interface HasParams {
  role?: string | undefined;
  permission?: string | undefined;
  /** `feature`, `o:feature`/`org:feature` or `u:feature`/`user:feature`. */
  feature?: string | undefined;
  /** Same scoping as `feature`. */
  plan?: string | undefined;
  reverification?: ReverificationConfig | undefined;
}

/**
 * The facts `has()` decides on, taken from verified claims.
 *
 * @example
 * const facts: AuthorizationFacts = { userId: 'user_1', orgId: 'org_1', orgRole: 'org:admin', orgPermissions: [], factorVerificationAge: [0, -1], features: 'o:reports', plans: undefined };
 */
export interface AuthorizationFacts {
  userId: string | undefined;
  orgId: string | undefined;
  orgRole: string | undefined;
  orgPermissions: readonly string[] | undefined;
  factorVerificationAge: readonly [number, number] | undefined;
  /** The raw `fea` claim. */
  features: string | undefined;
  /** The raw `pla` claim. */
  plans: string | undefined;
}

type Outcome = 'pass' | 'fail' | 'skip';

const PRESETS: Readonly<Record<string, { level: string; afterMinutes: number }>> = {
  strict_mfa: { level: 'multi_factor', afterMinutes: 10 },
  strict: { level: 'second_factor', afterMinutes: 10 },
  moderate: { level: 'second_factor', afterMinutes: 60 },
  lax: { level: 'second_factor', afterMinutes: 1440 },
};
const LEVELS: ReadonlySet<unknown> = new Set(['first_factor', 'second_factor', 'multi_factor']);
const ORG_SCOPES: ReadonlySet<string> = new Set(['o', 'org', 'organization']);
const USER_SCOPES: ReadonlySet<string> = new Set(['u', 'user']);
/** Scopes of `fea`/`pla` entries: `ou`/`uo` grant to both the organization and the user. */
const ORG_CLAIM_SCOPES: ReadonlySet<string> = new Set(['o', 'ou', 'uo']);
const USER_CLAIM_SCOPES: ReadonlySet<string> = new Set(['u', 'ou', 'uo']);
/** `scope:name`, split at the first colon; an entry without one makes the whole claim malformed. */
const SCOPED_ENTRY = /^([^:]*):(.*)$/s;

/**
 * Builds the `has()` of an auth object with the semantics of Clerk's `createCheckAuthorization`:
 * at least one condition must be asked, and every asked condition must pass. It fails closed: no user,
 * missing or malformed claims, or a condition of the wrong type all give `false`, and it never throws.
 *
 * @example
 * const has = createHas(facts);
 * if (!has({ role: 'org:admin' })) return forbidden();
 */
export function createHas(facts: AuthorizationFacts): (params: HasParams) => boolean {
  return (params) => {
    try {
      if (!facts.userId || typeof params !== 'object' || params === null) return false;
      const outcomes = [checkOrg(params, facts), checkBilling(params, facts), checkReverification(params, facts)];
      return outcomes.includes('pass') && !outcomes.includes('fail');
    } catch {
      return false;
    }
  };
}

function withOrgPrefix(value: string): string {
  return value.replace(/^(org:)*/, 'org:');
}

function checkOrg(params: HasParams, facts: AuthorizationFacts): Outcome {
  const { role, permission } = params;
  if (role === undefined && permission === undefined) return 'skip';
  if ((role !== undefined && typeof role !== 'string') || (permission !== undefined && typeof permission !== 'string')) return 'fail';
  if (!facts.orgId) return 'fail';
  if (role !== undefined && (!facts.orgRole || withOrgPrefix(facts.orgRole) !== withOrgPrefix(role))) return 'fail';
  if (permission !== undefined && !(facts.orgPermissions ?? []).includes(withOrgPrefix(permission))) return 'fail';
  return 'pass';
}

function checkBilling(params: HasParams, facts: AuthorizationFacts): Outcome {
  const { feature, plan } = params;
  if (feature === undefined && plan === undefined) return 'skip';
  if (feature !== undefined && !claimGrants(facts.features, feature)) return 'fail';
  if (plan !== undefined && !claimGrants(facts.plans, plan)) return 'fail';
  return 'pass';
}

/** Does a `scope:name` list (`fea`, `pla`) grant `wanted`? A malformed claim grants nothing. */
function claimGrants(claim: string | undefined, wanted: unknown): boolean {
  if (typeof wanted !== 'string' || typeof claim !== 'string' || claim === '') return false;
  const entries = claim.split(',').map((raw) => SCOPED_ENTRY.exec(raw.trim()));
  if (entries.some((entry) => entry === null)) return false;
  const granted = (scopes: ReadonlySet<string>): string[] =>
    entries.flatMap((entry) => (entry !== null && scopes.has(entry[1] as string) ? [entry[2] as string] : []));
  const org = granted(ORG_CLAIM_SCOPES);
  const user = granted(USER_CLAIM_SCOPES);
  // Clerk reads `scope:id` from the first two `:`-separated parts of the condition.
  const [first = '', second] = wanted.split(':');
  if (second === undefined) return org.includes(first) || user.includes(first);
  const id = second || first;
  if (ORG_SCOPES.has(first)) return org.includes(id);
  if (USER_SCOPES.has(first)) return user.includes(id);
  return false;
}

function checkReverification(params: HasParams, facts: AuthorizationFacts): Outcome {
  const wanted = params.reverification;
  if (wanted === undefined) return 'skip';
  const config = typeof wanted === 'string' ? PRESETS[wanted] : wanted;
  const age = facts.factorVerificationAge;
  if (typeof config !== 'object' || config === null || !Array.isArray(age) || age.length !== 2) return 'fail';
  const { level, afterMinutes } = config;
  if (!LEVELS.has(level) || typeof afterMinutes !== 'number' || !(afterMinutes > 0)) return 'fail';
  const [first, second] = age;
  if (!isFactorAge(first) || !isFactorAge(second) || (first === -1 && second === -1)) return 'fail';
  const firstFresh = first !== -1 && afterMinutes > first;
  const secondFresh = second !== -1 && afterMinutes > second;
  if (level === 'first_factor') return firstFresh ? 'pass' : 'fail';
  // A user without a second factor satisfies a second-factor check with a fresh first factor, as in Clerk.
  if (second === -1) return firstFresh ? 'pass' : 'fail';
  if (level === 'second_factor') return secondFresh ? 'pass' : 'fail';
  if (first === -1) return 'fail';
  return firstFresh && secondFresh ? 'pass' : 'fail';
}

function isFactorAge(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (value === -1 || value >= 0);
}
