// Public entry of clerk-bapi: the Backend API client and the token verification layer. Re-exports only.
export { createClerkClient } from './client/create-clerk-client.js';
export type {
  ApiError,
  ApiErrorCode,
  ApiFailure,
  ApiResult,
  ApiSuccess,
  BackoffOptions,
  ClerkClient,
  ClerkClientOptions,
  ClientLogger,
  Paginator,
  RequestOptions,
  ResponseValidationMode,
} from './client/create-clerk-client.js';
export type { ClerkError, NonEmptyArray, Result } from './kernel/result.js';
export type { Mismatch } from './kernel/describe-mismatch.js';
export { SPEC_VERSION } from './generated/operations.js';
export type { components, operations as OperationTypes, paths } from './generated/types.js';
// A named type per component schema (`User`) and per operation (`CreateUserParams`, `GetUserData`).
export type * from './generated/models.js';
export * from './auth/index.js';
