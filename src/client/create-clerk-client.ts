import { addAuthenticateRequest, type ClientAuthenticateRequest } from '../auth/request/client-authenticate.js';
import { createApiClient, type ApiClient } from './create-api-client.js';
import type { ClientOptions } from './client-options.js';
import { operations, SPEC_VERSION } from '../generated/operations.js';
import type { OperationSignatures, ResourceMap } from '../generated/operation-types.js';

export type { ApiError, ApiErrorCode } from './api-error.js';
export type { ApiFailure, ApiResult, ApiSuccess } from './api-result.js';
export type { ClientLogger } from '../kernel/logger.js';
export type { BackoffOptions, ResponseValidationMode } from './client-options.js';
export type { Paginator } from './paginate.js';
export type { RequestOptions } from './request-options.js';

/**
 * Options of {@link createClerkClient}: `secretKey` plus optional transport and validation settings.
 *
 * @example
 * const options: ClerkClientOptions = { secretKey: 'sk_test_…', responseValidation: 'warn' };
 */
export type ClerkClientOptions = ClientOptions;

/**
 * The Backend API client: one namespace per resource, one typed method per operation.
 *
 * @example
 * const getUser: ClerkClient['users']['getUser'] = clerk.users.getUser;
 */
export type ClerkClient = ApiClient<OperationSignatures, ResourceMap> & {
  /** Authenticates a Fetch API `Request` with this client's keys; machine tokens are verified through the client. */
  authenticateRequest: ClientAuthenticateRequest;
};

/**
 * Creates a Backend API client; throws a `TypeError` at once for bad options (a `pk_` key, say),
 * and never afterwards: every call resolves to `{ data }` or `{ errors }`.
 *
 * @example
 * const clerk = createClerkClient({ secretKey: 'sk_test_…' });
 * const { data, errors } = await clerk.users.getUser('user_123');
 * for await (const user of clerk.users.getUserList.all({ limit: 100 })) console.log(user.id);
 */
export function createClerkClient(options: ClerkClientOptions): ClerkClient {
  const client = createApiClient<OperationSignatures, ResourceMap>(operations, SPEC_VERSION, options);
  const { secretKey, apiUrl, apiVersion, publishableKey, jwtKey, audience, domain, proxyUrl, isSatellite } = options;
  // What @clerk/backend's client passes on to authenticateRequest; an empty apiVersion (a mock) keeps the JWKS path's v1.
  return addAuthenticateRequest(client, {
    secretKey,
    apiUrl,
    ...(apiVersion ? { apiVersion } : {}),
    publishableKey,
    jwtKey,
    audience,
    domain,
    proxyUrl,
    isSatellite,
  });
}
