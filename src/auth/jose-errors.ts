import { fail, type TokenError, type TokenErrorCode } from './errors.js';
import type { NonEmptyArray } from '../core/result.js';

/**
 * The one place where a `jose` (or WebCrypto) exception becomes a {@link TokenError}, so that
 * `jose`'s classes never leak out. The original message is dropped: it may quote key material.
 *
 * Every exception becomes `fallback`, with its class name as `cause`: jose is called only to import
 * keys (`importSPKI`, `importJWK`, always kty RSA with a checked RS* alg), where it throws a `TypeError`
 * or passes on WebCrypto's `DOMException`. Its own classes cannot occur there (`JOSENotSupported` needs an
 * alg or kty we never pass), and verification and claims are our code, so no code of jose's is mapped.
 *
 * @example
 * try { await importSPKI(pem, 'RS256'); } catch (error) { return mapJoseError(error, 'jwk_invalid'); }
 */
export function mapJoseError(
  error: unknown,
  fallback: TokenErrorCode,
): { data?: never; errors: NonEmptyArray<TokenError> } {
  const name = error instanceof Error ? error.name : 'Error';
  return fail(fallback, messageFor(fallback), { cause: name });
}

function messageFor(code: TokenErrorCode): string {
  switch (code) {
    case 'jwk_invalid':
      return 'The key could not be imported as an RSA public key.';
    default:
      return `Verification failed (${code}).`;
  }
}
