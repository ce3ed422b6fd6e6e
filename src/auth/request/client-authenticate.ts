import type { AuthClient, AuthenticateRequestOptions } from './authenticate-request.js';
import type { RequestState } from './request-state.js';

/**
 * The `authenticateRequest` method of a Backend API client.
 *
 * @example
 * const state = await clerk.authenticateRequest(request, { authorizedParties: ['https://app.example.com'] });
 */
export type ClientAuthenticateRequest = (request: Request, options?: AuthenticateRequestOptions) => Promise<RequestState>;

/**
 * Gives a Backend API client an `authenticateRequest(request, options?)` method: the client's secret key
 * and API URL are the defaults, and the client itself verifies machine tokens and mints template tokens.
 * The method is non-enumerable, like the client's `toJSON`.
 *
 * The request authentication (handshake, cookies, machine tokens: about 21 KB gzip) is loaded on the method's
 * first call, through a dynamic `import()`: an app that bundles with code splitting and only calls the API does
 * not load it at startup (bench/RESULTS.md, "Whole-client bundle"). A single-file bundle still carries it.
 *
 * @example
 * const clerk = addAuthenticateRequest(client, { secretKey, apiUrl: undefined });
 */
export function addAuthenticateRequest<C extends object>(
  client: C,
  defaults: AuthenticateRequestOptions & { secretKey: string },
): C & { authenticateRequest: ClientAuthenticateRequest } {
  const method: ClientAuthenticateRequest = async (request, options = {}) => {
    const { authenticateRequest } = await import('./authenticate-request.js');
    return authenticateRequest(request, {
      ...defaults,
      ...options,
      client: options?.client ?? (client as AuthClient),
    });
  };
  Object.defineProperty(client, 'authenticateRequest', { value: method });
  return client as C & { authenticateRequest: ClientAuthenticateRequest };
}
