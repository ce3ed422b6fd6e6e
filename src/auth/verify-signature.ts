// The signature check comes from `#signature-check` (package.json `imports`): the package's import conditions pick
// a synchronous node:crypto check under `node` (src/node/node-signature-check.ts) and WebCrypto everywhere else
// (web-signature-check.ts). Nothing is installed at run time, so importing one entry changes no other.
import { signatureCheck } from '#signature-check';
import type { RsaAlgorithm } from './algorithms.js';
import type { CompactJwt } from './decode-jwt.js';
import type { RsaKeyEntry } from './rsa-key.js';

/**
 * Checks an RSASSA-PKCS1-v1_5 signature over `signingInput` with an imported key; `false` for any failure.
 * `signature` is the token's canonical base64url signature segment, so that a runtime with a native decoder
 * decodes it natively. May answer synchronously (a runtime's native fast path) or with a promise (WebCrypto).
 *
 * @example
 * const check: SignatureCheck = (key, alg, signature, input) => crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, decodeBase64Url(signature)!, encoder.encode(input));
 */
export type SignatureCheck = (key: CryptoKey, alg: RsaAlgorithm, signature: string, signingInput: string) => boolean | Promise<boolean>;

let activeCheck: SignatureCheck = signatureCheck;

/**
 * Replaces the signature check, for tests and benchmarks that compare checks in one process; the package itself
 * never calls it.
 *
 * @example
 * useSignatureCheck(() => Promise.reject(new Error('crashed'))); // a failing check reads as an invalid signature
 */
export function useSignatureCheck(check: SignatureCheck): void {
  activeCheck = check;
}

/**
 * Checks a split token's signature with a pre-imported key (jose's `jwtVerify` would re-parse the token
 * and re-check what the caller already checked). Never throws. A synchronous check (the `node` condition's)
 * is answered synchronously: no promise and no microtask hop on the hot path of every verification.
 *
 * @example
 * if (!(await verifySignature(entry, 'RS256', compact))) return fail('token_invalid_signature', '…');
 */
export function verifySignature(entry: RsaKeyEntry, alg: RsaAlgorithm, compact: CompactJwt): boolean | Promise<boolean> {
  const key = entry.cryptoKeys.get(alg);
  if (key === undefined) return false;
  try {
    const outcome = activeCheck(key, alg, compact.signatureSegment, compact.signingInput);
    return typeof outcome === 'boolean'
      ? outcome
      : outcome.then(
          (valid) => valid === true,
          () => false,
        );
  } catch {
    return false;
  }
}
