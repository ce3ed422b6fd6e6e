// The portable signature check, which `#signature-check` resolves to everywhere but under the `node` import
// condition (package.json `imports`): `crypto.subtle.verify`, which every supported runtime has.
import type { SignatureCheck } from './verify-signature.js';

const encoder = new TextEncoder();
const RSASSA = { name: 'RSASSA-PKCS1-v1_5' } as const;

/**
 * Checks an RSASSA-PKCS1-v1_5 signature with WebCrypto; `false` for any failure.
 *
 * @example
 * await webCryptoSignatureCheck(key, 'RS256', signature, 'header.payload');
 */
export const webCryptoSignatureCheck: SignatureCheck = (key, _alg, signature, signingInput) =>
  // WebCrypto rejects on some malformed inputs instead of resolving false; both mean "not valid".
  crypto.subtle.verify(RSASSA, key, signature, encoder.encode(signingInput)).catch(() => false);

export { webCryptoSignatureCheck as signatureCheck };
