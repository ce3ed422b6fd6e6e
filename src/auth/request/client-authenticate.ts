import { authenticateRequest, type AuthClient, type AuthenticateRequestOptions } from './authenticate-request.js';
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
 * @example
 * const clerk = addAuthenticateRequest(client, { secretKey, apiUrl: undefined });
 */
export function addAuthenticateRequest<C extends object>(
  client: C,
  defaults: AuthenticateRequestOptions & { secretKey: string },
): C & { authenticateRequest: ClientAuthenticateRequest } {
  const method: ClientAuthenticateRequest = (request, options = {}) =>
    authenticateRequest(request, {
      ...defaults,
      ...options,
      client: options?.client ?? (client as AuthClient),
    });
  Object.defineProperty(client, 'authenticateRequest', { value: method });
  return client as C & { authenticateRequest: ClientAuthenticateRequest };
}
