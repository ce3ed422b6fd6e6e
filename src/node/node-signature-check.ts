// Node-only: a synchronous node:crypto signature check. It skips WebCrypto's thread-pool round trip,
// which is most of the cost of one RS256 verification. `#signature-check` resolves here under the `node` import
// condition (package.json `imports`).
import { KeyObject, verify } from 'node:crypto';
import { HASH_OF, type RsaAlgorithm } from '../auth/algorithms.js';
import { isCanonicalBase64Url } from '../kernel/base64url.js';
import type { SignatureCheck } from '../auth/verify-signature.js';

const HASH: Readonly<Record<RsaAlgorithm, string>> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/** CryptoKey → KeyObject, converted once per key (keys are imported once and reused). */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/**
 * Verifies RSASSA-PKCS1-v1_5 (a base64url signature segment) with `node:crypto.verify` on the already imported and
 * checked key.
 *
 * @example
 * useSignatureCheck(nodeSignatureCheck);
 */
export const nodeSignatureCheck: SignatureCheck = (key, alg, signature, signingInput) => {
  // The key was imported for exactly one algorithm; refuse to verify it under another hash.
  const keyHash = (key.algorithm as RsaHashedKeyAlgorithm).hash?.name;
  if (keyHash !== HASH_OF[alg]) return false;
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  // Node's decoder is lenient (`+`, `/`, padding, whitespace, stray bits): only canonical base64url, which it reads
  // exactly, is decoded. Buffer.from decodes natively into Node's buffer pool; the bytes never leave this function.
  if (!isCanonicalBase64Url(signature)) return false;
  return verify(HASH[alg], Buffer.from(signingInput, 'latin1'), keyObject, Buffer.from(signature, 'base64url'));
};

export { nodeSignatureCheck as signatureCheck };
