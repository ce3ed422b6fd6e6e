/**
 * The signature algorithms a verifier can allow; Clerk signs session tokens with RS256.
 *
 * @example
 * const algorithms: RsaAlgorithm[] = ['RS256'];
 */
export type RsaAlgorithm = 'RS256' | 'RS384' | 'RS512';

/** The hash WebCrypto binds to a key imported for each algorithm. */
export const HASH_OF: Readonly<Record<RsaAlgorithm, string>> = { RS256: 'SHA-256', RS384: 'SHA-384', RS512: 'SHA-512' };

/**
 * Narrows an unknown value to a supported algorithm name, by exact (case-sensitive) match.
 *
 * @example
 * isRsaAlgorithm('RS256'); // true
 * isRsaAlgorithm('none'); // false
 */
export function isRsaAlgorithm(value: unknown): value is RsaAlgorithm {
  return value === 'RS256' || value === 'RS384' || value === 'RS512';
}
