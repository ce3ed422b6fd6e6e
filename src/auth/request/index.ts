// Request authentication: tokens from requests, auth objects, has(), machine tokens. Re-exports only.
export {
  authenticateRequest,
  createRequestAuthenticator,
  type AuthClient,
  type AuthenticateRequestOptions,
  type RequestAuthenticator,
  type Unset,
} from './authenticate-request.js';
export {
  signedInAuthObject,
  signedOutAuthObject,
  toSerializableAuth,
  type GetTokenOptions,
  type SessionAuthFields,
  type SessionAuthObject,
  type SessionTokenClient,
  type SignedInAuthOptions,
} from './auth-object.js';
export { createHas, type AuthorizationFacts, type HasParams, type ReverificationConfig } from './has.js';
export type {
  ApiKeyAuthFields,
  M2MAuthFields,
  MachineAuthData,
  MachineAuthFields,
  MachineAuthObject,
  OAuthAuthFields,
} from './machine-auth-object.js';
export type { MachineTokenClient } from './machine-token-client.js';
export { parseCookies } from './parse-cookies.js';
export { prunePrivateMetadata, sanitizeAuthObject } from './private-metadata.js';
export type { RequestParts } from './read-token.js';
export type { AuthFailure, RequestAuthReason } from './reasons.js';
export type { AuthObject, HandshakeState, RequestState, SignedInState, SignedOutState, ToAuthOptions } from './request-state.js';
export type { CookieSessionOptions } from './handshake/instance.js';
export type { HandshakeReason, HandshakeRefusal, RefreshFailure } from './handshake/names.js';
export { decideAccess, type AccessDenial } from './decide-access.js';
export { debugRequestState } from './debug-request-state.js';
export type { AuthFor } from './auth-for.js';
export type { AuthEvent, AuthEventHook } from './security-events.js';
export type { AcceptsToken, MachineTokenType, TokenType } from './token-types.js';
