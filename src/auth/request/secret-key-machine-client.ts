// The Backend API calls request authentication needs for machine tokens, made with the secret key alone when
// no client was passed, as @clerk/backend does: the auth entry never imports the generated client (its size),
// so these three verify calls and the JWKS read are plain `fetch`es, bounded like the session JWKS fetch.
import { startAttempt } from '../../kernel/attempt-signal.js';
import { raceAbort } from '../../kernel/race-abort.js';
import { readBodyCapped } from '../../kernel/read-body.js';
import { checkServiceUrl } from '../../kernel/url-checks.js';
import type { JwksClient } from './machine-jwt-keys.js';
import type { MachineTokenClient } from './machine-token-client.js';

type Answer = { data?: unknown; errors?: readonly unknown[] | undefined };

/**
 * Settings of {@link createSecretKeyMachineClient}.
 *
 * @example
 * const settings: SecretKeyMachineClientOptions = { secretKey: 'sk_test_…', apiUrl: undefined, fetch: undefined };
 */
export interface SecretKeyMachineClientOptions {
  secretKey: string;
  apiUrl: string | undefined;
  fetch: typeof fetch | undefined;
}

const TIMEOUT_MS = 5000;
const MAX_BYTES = 65_536;

/**
 * A machine-token client over `fetch` with the secret key: `POST /v1/api_keys/verify`,
 * `/v1/m2m_tokens/verify`, `/v1/oauth_applications/access_tokens/verify` and `GET /v1/jwks`. Answers have
 * the client's shape (`{ data }` or `{ errors: [{ status }] }`); a network failure or timeout rejects, which
 * request authentication reports as `machine_verification_unavailable`. `undefined` when `apiUrl` is unusable.
 *
 * @example
 * const client = createSecretKeyMachineClient({ secretKey, apiUrl: undefined, fetch: undefined });
 */
export function createSecretKeyMachineClient(options: SecretKeyMachineClientOptions): (MachineTokenClient & JwksClient) | undefined {
  // The secret key goes to {apiUrl}/v1/…: a query or fragment in apiUrl would bend that path.
  const base = checkServiceUrl(options.apiUrl ?? 'https://api.clerk.com', { allowQuery: false });
  if (!base) return undefined;
  const root = `${base.replace(/\/+$/, '')}/v1`;
  const authorization = `Bearer ${options.secretKey}`;
  const call = (method: 'GET' | 'POST', path: string, body?: Record<string, string>): Promise<Answer> =>
    send(options.fetch ?? globalThis.fetch, method, `${root}${path}`, authorization, body);
  return {
    apiKeys: { verifyApiKey: ({ secret }) => call('POST', '/api_keys/verify', { secret }) },
    m2m: { verifyM2mToken: ({ token }) => call('POST', '/m2m_tokens/verify', { token }) },
    oauthAccessTokens: {
      verifyOAuthAccessToken: ({ access_token }) => call('POST', '/oauth_applications/access_tokens/verify', { access_token }),
    },
    jwks: { getJwks: () => call('GET', '/jwks') },
  };
}

async function send(
  fetchImpl: typeof fetch,
  method: 'GET' | 'POST',
  url: string,
  authorization: string,
  body: Record<string, string> | undefined,
): Promise<Answer> {
  const attempt = startAttempt(undefined, TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: authorization };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers, redirect: 'manual', signal: attempt.signal };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await raceAbort(fetchImpl(url, init), attempt.signal);
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      return { errors: [{ status: response.status }] };
    }
    const text = await raceAbort(readBodyCapped(response, MAX_BYTES, attempt.signal), attempt.signal);
    return { data: JSON.parse(text) as unknown };
  } finally {
    attempt.finish();
  }
}
