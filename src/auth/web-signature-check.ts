// The portable signature check, which `#signature-check` resolves to everywhere but under the `node` import
// condition (package.json `imports`): `crypto.subtle.verify`, which every supported runtime has.
import { decodeBase64Url } from '../kernel/base64url.js';
import type { SignatureCheck } from './verify-signature.js';

const encoder = new TextEncoder();
const RSASSA = { name: 'RSASSA-PKCS1-v1_5' } as const;

/**
 * Checks an RSASSA-PKCS1-v1_5 signature (a base64url segment) with WebCrypto; `false` for any failure.
 *
 * @example
 * await webCryptoSignatureCheck(key, 'RS256', signatureSegment, 'header.payload');
 */
export const webCryptoSignatureCheck: SignatureCheck = (key, _alg, signature, signingInput) => {
  const bytes = decodeBase64Url(signature);
  if (bytes === undefined) return false;
  // WebCrypto rejects on some malformed inputs instead of resolving false; both mean "not valid".
  return crypto.subtle.verify(RSASSA, key, bytes, encoder.encode(signingInput)).catch(() => false);
};

export { webCryptoSignatureCheck as signatureCheck };
