import { isString } from '../../../kernel/guards.js';
import { fetchJwks } from '../../jwks-fetch.js';
import { absoluteHttpUrl } from './instance.js';

/**
 * Resolves a `__clerk_handshake_nonce` to the `Set-Cookie` lines the Frontend API stored for it; `undefined`
 * when it cannot (no secret key, the Backend API refused or could not be reached, an answer of another shape).
 *
 * @example
 * const directives = await resolveNonce('nonce_123');
 */
export type HandshakeNonceResolver = (nonce: string) => Promise<readonly string[] | undefined>;

const MAX_NONCE_LENGTH = 256;

/**
 * The default resolver: `GET <apiUrl>/v1/clients/handshake_payload?nonce=…` with the secret key, as
 * `@clerk/backend`'s `clients.getHandshakePayload`; one attempt, 5 s, 64 KiB, redirects refused.
 *
 * @example
 * const resolve = createNonceResolver({ secretKey: 'sk_live_…', apiUrl: undefined, fetch: undefined });
 */
export function createNonceResolver(options: {
  secretKey: string | undefined;
  apiUrl: string | undefined;
  fetch: typeof fetch | undefined;
}): HandshakeNonceResolver {
  const { secretKey, fetch: injected } = options;
  return async (nonce) => {
    const api = absoluteHttpUrl(options.apiUrl ?? 'https://api.clerk.com');
    if (!isString(secretKey) || api === undefined || !isString(nonce) || nonce === '' || nonce.length > MAX_NONCE_LENGTH) return undefined;
    const url = new URL(`${api.href.replace(/\/+$/, '')}/v1/clients/handshake_payload`);
    url.searchParams.set('nonce', nonce);
    const answer = await fetchJwks({
      url: url.href,
      headers: { Authorization: `Bearer ${secretKey}` },
      fetch: injected ?? globalThis.fetch,
      timeoutInMs: 5000,
      maxBytes: 65_536,
      bapi: true,
    });
    if (answer.errors) return undefined;
    const directives = (answer.data as { directives?: unknown } | null)?.directives;
    return Array.isArray(directives) && directives.every(isString) ? directives : undefined;
  };
}
