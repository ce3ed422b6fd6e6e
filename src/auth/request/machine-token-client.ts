import type { AuthFailure } from './reasons.js';
import { toMachineAuthData, type MachineAuthData } from './machine-auth-object.js';
import type { MachineTokenType } from './token-types.js';

type VerifyResult = Promise<{ data?: unknown; errors?: readonly unknown[] | undefined }>;

/**
 * The slice of the Backend API client that verifies opaque machine tokens; `createClerkClient()` fits.
 * Taken by injection so that the auth entry never imports the generated client.
 *
 * @example
 * const client: MachineTokenClient = createClerkClient({ secretKey });
 */
export interface MachineTokenClient {
  apiKeys?: { verifyApiKey(params: { secret: string }): VerifyResult } | undefined;
  m2m?: { verifyM2mToken(params: { token: string }): VerifyResult } | undefined;
  oauthAccessTokens?: { verifyOAuthAccessToken(params: { access_token: string }): VerifyResult } | undefined;
}

/**
 * Asks the Backend API about a machine token through the injected client and shapes the answer.
 * Revoked and expired tokens are refused here, whatever the HTTP status.
 *
 * @example
 * const outcome = await verifyWithClient(clerk, 'api_key', 'ak_123');
 */
export async function verifyWithClient(
  client: MachineTokenClient | undefined,
  type: MachineTokenType,
  token: string,
): Promise<{ data: MachineAuthData; expiresAt: number | undefined } | AuthFailure> {
  const call = pickCall(client, type, token);
  if (call === undefined) {
    return { reason: 'machine_verification_unavailable', message: 'A machine token arrived but no client was given to verify it.' };
  }
  let result: Awaited<VerifyResult>;
  try {
    result = await call();
  } catch {
    return { reason: 'machine_verification_unavailable', message: 'The machine token could not be verified.' };
  }
  if (result.errors !== undefined && result.errors.length > 0) return fromErrors(result.errors);
  return fromData(type, result.data);
}

function pickCall(client: MachineTokenClient | undefined, type: MachineTokenType, token: string): (() => VerifyResult) | undefined {
  if (type === 'api_key' && client?.apiKeys) {
    const api = client.apiKeys;
    return () => api.verifyApiKey({ secret: token });
  }
  if (type === 'm2m_token' && client?.m2m) {
    const api = client.m2m;
    return () => api.verifyM2mToken({ token });
  }
  if (type === 'oauth_token' && client?.oauthAccessTokens) {
    const api = client.oauthAccessTokens;
    return () => api.verifyOAuthAccessToken({ access_token: token });
  }
  return undefined;
}

function fromErrors(errors: readonly unknown[]): AuthFailure {
  const status = (errors[0] as { status?: unknown } | undefined)?.status;
  // A 4xx answer is the API's "no such token"; anything else (network, 5xx, timeout) is not a verdict, and
  // neither is a 429 or 408: the API did not look at the token (found by the soak, test/soak).
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429 && status !== 408) {
    return { reason: 'machine_token_invalid', message: 'The Backend API does not accept this machine token.' };
  }
  return { reason: 'machine_verification_unavailable', message: 'The machine token could not be verified.' };
}

function fromData(type: MachineTokenType, data: unknown): { data: MachineAuthData; expiresAt: number | undefined } | AuthFailure {
  if (typeof data !== 'object' || data === null) return invalidAnswer();
  const record = data as Record<string, unknown>;
  if (record['active'] === false || record['expired'] === true) {
    return { reason: 'machine_token_expired', message: 'The machine token has expired.' };
  }
  if (record['revoked'] === true) return { reason: 'machine_token_revoked', message: 'The machine token has been revoked.' };
  const { id, subject, scopes, claims, name, client_id: clientId, expiration } = record;
  if (typeof id !== 'string' || typeof subject !== 'string') return invalidAnswer();
  const scopeList = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
  const claimRecord =
    typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  const auth = toMachineAuthData(type, {
    id,
    subject,
    scopes: scopeList,
    claims: claimRecord,
    name: typeof name === 'string' ? name : undefined,
    clientId: typeof clientId === 'string' ? clientId : undefined,
  });
  // `expiration` is documented in milliseconds for some kinds and seconds for others: only a value that is
  // unambiguously milliseconds bounds the cache.
  const expiresAt = typeof expiration === 'number' && expiration > 1e12 ? expiration : undefined;
  return { data: auth, expiresAt };
}

function invalidAnswer(): AuthFailure {
  return { reason: 'machine_verification_unavailable', message: 'The Backend API answer about the machine token was not understood.' };
}
