import type { RsaAlgorithm } from './algorithms.js';
import type { CompactJwt } from './decode-jwt.js';
import type { RsaKeyEntry } from './rsa-key.js';

const encoder = new TextEncoder();
const RSASSA = { name: 'RSASSA-PKCS1-v1_5' } as const;

/**
 * Checks a split token's signature with a pre-imported key, straight through `crypto.subtle.verify`
 * (jose's `jwtVerify` would re-parse the token and re-check what the caller already checked).
 *
 * @example
 * if (!(await verifySignature(entry, 'RS256', compact))) return fail('token_invalid_signature', '…');
 */
export function verifySignature(entry: RsaKeyEntry, alg: RsaAlgorithm, compact: CompactJwt): Promise<boolean> {
  const key = entry.cryptoKeys.get(alg);
  if (key === undefined) return Promise.resolve(false);
  // WebCrypto rejects (or throws) on some malformed inputs instead of returning false; both mean "not valid".
  try {
    const signature = compact.signature as Uint8Array<ArrayBuffer>;
    return crypto.subtle.verify(RSASSA, key, signature, encoder.encode(compact.signingInput)).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
