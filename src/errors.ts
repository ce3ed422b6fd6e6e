// Public entry `clerk-bapi/errors`: the error shapes and closed code unions of the client and the auth layer.
// Types only, so importing it costs nothing at run time.
export type { ApiError, ApiErrorCode } from './client/api-error.js';
export type { TokenError, TokenErrorCode } from './auth/errors.js';
export type { ClerkError, NonEmptyArray, Result } from './kernel/result.js';
