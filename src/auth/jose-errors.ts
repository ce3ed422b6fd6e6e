import { fail, type TokenError, type TokenErrorCode } from './errors.js';
import type { NonEmptyArray } from '../core/result.js';

/** jose's error codes (`jose/errors`), mapped to ours; anything else becomes the caller's fallback. */
const CODES: Readonly<Record<string, TokenErrorCode>> = {
  ERR_JWT_EXPIRED: 'token_expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'token_invalid_signature',
  ERR_JOSE_ALG_NOT_ALLOWED: 'token_invalid_algorithm',
  ERR_JWS_INVALID: 'token_invalid',
  ERR_JWT_INVALID: 'token_invalid',
  ERR_JWK_INVALID: 'jwk_invalid',
  ERR_JWKS_INVALID: 'jwk_invalid',
  ERR_JWKS_NO_MATCHING_KEY: 'jwk_kid_mismatch',
  ERR_JWKS_TIMEOUT: 'jwks_timeout',
  ERR_JOSE_NOT_SUPPORTED: 'jwk_invalid',
};

/**
 * The one place where a `jose` (or WebCrypto) exception becomes a {@link TokenError}, so that
 * `jose`'s classes never leak out. The original message is dropped: it may quote key material.
 *
 * @example
 * try { await importSPKI(pem, 'RS256'); } catch (error) { return mapJoseError(error, 'jwk_invalid'); }
 */
export function mapJoseError(
  error: unknown,
  fallback: TokenErrorCode,
): { data?: never; errors: NonEmptyArray<TokenError> } {
  const joseCode = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const code = (typeof joseCode === 'string' ? CODES[joseCode] : undefined) ?? fallback;
  const name = error instanceof Error ? error.name : 'Error';
  return fail(code, messageFor(code), { cause: name });
}

function messageFor(code: TokenErrorCode): string {
  switch (code) {
    case 'jwk_invalid':
      return 'The key could not be imported as an RSA public key.';
    case 'token_invalid_signature':
      return 'The token signature is invalid.';
    default:
      return `Verification failed (${code}).`;
  }
}
