export { createTokenVerifier, type TokenVerifier } from './create-token-verifier.js';
export { verifyToken } from './verifier-registry.js';
export { verifyJwt, type VerifyJwtOptions } from './verify-jwt.js';
export { signJwt, type SignJwtOptions } from './sign-jwt.js';
export { decodeJwt, type DecodedJwt, type JwtHeader, type JwtPayload } from './decode-jwt.js';
export { hasValidSignature } from './has-valid-signature.js';
export type { TokenErrorCode, TokenError } from './errors.js';
export type { ClaimOptions, TemplateVerifierOptions, TokenVerifierOptions } from './options.js';
export type { RsaAlgorithm } from './algorithms.js';
export type {
  RegisteredClaims,
  SessionActor,
  SessionClaims,
  SessionClaimsBase,
  SessionClaimsV1,
  SessionClaimsV2,
  SessionClaimsWithCustom,
  SessionOrganization,
  SessionOrganizationClaim,
  TemplateClaims,
  VerifierTokenType,
  VerifiedSession,
  VerifiedTemplateToken,
  VerifiedToken,
} from './claims.js';
export * from './request/index.js';
export type { AuthLogger } from './key-source.js';
