import type { MachineTokenType } from './token-types.js';

/**
 * What every verified machine token carries.
 *
 * @example
 * if (auth.tokenType !== 'session_token') console.log(auth.id, auth.subject, auth.scopes);
 */
export interface MachineAuthFields<Type extends MachineTokenType = MachineTokenType> {
  readonly tokenType: Type;
  readonly isAuthenticated: true;
  /** `ak_…`, `mt_…` or `oat_…` (for a JWT, its `jti`). */
  readonly id: string;
  /** Who the token stands for: `user_…`, `org_…`, `mch_…`. */
  readonly subject: string;
  readonly scopes: readonly string[];
  /** Custom claims of API keys and M2M tokens. */
  readonly claims: Readonly<Record<string, unknown>> | undefined;
}

/**
 * An API key's auth object: `userId` or `orgId` depending on its subject.
 *
 * @example
 * if (auth.tokenType === 'api_key') console.log(auth.name, auth.userId ?? auth.orgId);
 */
export interface ApiKeyAuthFields extends MachineAuthFields<'api_key'> {
  readonly name: string | undefined;
  readonly userId: string | undefined;
  readonly orgId: string | undefined;
}

/**
 * A machine-to-machine token's auth object.
 *
 * @example
 * if (auth.tokenType === 'm2m_token') console.log(auth.machineId);
 */
export interface M2MAuthFields extends MachineAuthFields<'m2m_token'> {
  readonly machineId: string;
}

/**
 * An OAuth access token's auth object.
 *
 * @example
 * if (auth.tokenType === 'oauth_token') console.log(auth.userId, auth.clientId);
 */
export interface OAuthAuthFields extends MachineAuthFields<'oauth_token'> {
  readonly userId: string;
  readonly clientId: string | undefined;
}

/**
 * The data of any verified machine token.
 *
 * @example
 * const fields: MachineAuthData = { tokenType: 'm2m_token', isAuthenticated: true, id: 'mt_1', subject: 'mch_1', scopes: [], claims: undefined, machineId: 'mch_1' };
 */
export type MachineAuthData = ApiKeyAuthFields | M2MAuthFields | OAuthAuthFields;

/**
 * A machine auth object: the data plus `getToken()` (the raw token) and `has()` (always `false`:
 * roles and permissions belong to sessions).
 *
 * @example
 * const auth = state.toAuth();
 * if (auth.tokenType === 'api_key') console.log(auth.scopes);
 */
export type MachineAuthObject = MachineAuthData & {
  getToken(): Promise<string>;
  has(params: unknown): false;
};

/**
 * Shapes a machine auth object from the verified fields common to all kinds.
 *
 * @example
 * const data = toMachineAuthData('m2m_token', { id: 'mt_1', subject: 'mch_1', scopes: [], claims: undefined });
 */
export function toMachineAuthData(
  type: MachineTokenType,
  base: {
    id: string;
    subject: string;
    scopes: readonly string[];
    claims: Readonly<Record<string, unknown>> | undefined;
    name?: string | undefined;
    clientId?: string | undefined;
  },
): MachineAuthData {
  const common = {
    isAuthenticated: true as const,
    id: base.id,
    subject: base.subject,
    scopes: Object.freeze([...base.scopes]),
    claims: base.claims,
  };
  if (type === 'api_key') {
    const userId = base.subject.startsWith('user_') ? base.subject : undefined;
    const orgId = base.subject.startsWith('org_') ? base.subject : undefined;
    return { ...common, tokenType: type, name: base.name, userId, orgId };
  }
  if (type === 'm2m_token') return { ...common, tokenType: type, machineId: base.subject };
  return { ...common, tokenType: type, userId: base.subject, clientId: base.clientId };
}

/**
 * Adds the functions to machine data; they are non-enumerable so the object serialises as data.
 *
 * @example
 * const auth = machineAuthObject(data, token);
 */
export function machineAuthObject(data: MachineAuthData, token: string): MachineAuthObject {
  const auth = { ...data, getToken: () => Promise.resolve(token), has: () => false as const };
  Object.defineProperties(auth, { getToken: { enumerable: false }, has: { enumerable: false } });
  return Object.freeze(auth) as MachineAuthObject;
}
