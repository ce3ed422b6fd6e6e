import type { RsaAlgorithm } from './algorithms.js';
import type { CompactJwt } from './decode-jwt.js';
import type { RsaKeyEntry } from './rsa-key.js';

const encoder = new TextEncoder();
const RSASSA = { name: 'RSASSA-PKCS1-v1_5' } as const;

/**
 * Checks an RSASSA-PKCS1-v1_5 signature over `signingInput` with an imported key; `false` for any failure.
 * May answer synchronously (a runtime's native fast path) or with a promise (WebCrypto).
 *
 * @example
 * const check: SignatureCheck = (key, alg, signature, input) => crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, encoder.encode(input));
 */
export type SignatureCheck = (
  key: CryptoKey,
  alg: RsaAlgorithm,
  signature: Uint8Array<ArrayBuffer>,
  signingInput: string,
) => boolean | Promise<boolean>;

/**
 * The portable check: `crypto.subtle.verify`, which every supported runtime has.
 *
 * @example
 * await webCryptoSignatureCheck(key, 'RS256', signature, 'header.payload');
 */
export const webCryptoSignatureCheck: SignatureCheck = (key, _alg, signature, signingInput) =>
  // WebCrypto rejects on some malformed inputs instead of resolving false; both mean "not valid".
  crypto.subtle.verify(RSASSA, key, signature, encoder.encode(signingInput)).catch(() => false);

let activeCheck: SignatureCheck = webCryptoSignatureCheck;

/**
 * Replaces the signature check for the whole process. Only runtime entry points call this (the `node`
 * export condition installs a synchronous `node:crypto` check); the key and algorithm checks around it stay.
 *
 * @example
 * useSignatureCheck(nodeSignatureCheck);
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
    const outcome = activeCheck(key, alg, compact.signature as Uint8Array<ArrayBuffer>, compact.signingInput);
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
