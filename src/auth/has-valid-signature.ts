import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { fail, type TokenError } from './errors.js';
import { sharedFixedKeySource } from './key-source.js';
import { resolveClaimOptions } from './options.js';
import { verifyCompact } from './verify-compact.js';

/**
 * Checks only a token's signature, no claim at all, through the same pipeline as `verifyJwt`.
 *
 * - `{ data: true }`: the signature verifies with `key` under an allowed algorithm.
 * - `{ data: false }`: the token and key are usable, but the signature does not verify.
 * - `{ errors }`: anything else, with the same code `verifyJwt` gives: a malformed token
 *   (`token_invalid`, `token_too_large`), an algorithm that is not allowed or not the one the key is
 *   pinned to (`token_invalid_algorithm`), or an unusable key (`jwk_invalid`).
 *
 * @example
 * const { data: valid } = await hasValidSignature(token, pem);
 */
export async function hasValidSignature(
  token: string,
  key: string | JsonWebKey,
  options: { algorithms?: readonly RsaAlgorithm[] } = {},
): Promise<Result<boolean, TokenError>> {
  try {
    const resolved = resolveClaimOptions(options);
    if (resolved.errors) return resolved;
    const { algorithms } = resolved.data;
    const keys = sharedFixedKeySource(key, algorithms);
    const verified = await verifyCompact(token, algorithms, keys, { nowMs: 0 }, () => ({ data: undefined }));
    if (verified.errors && verified.errors[0].code === 'token_invalid_signature') return { data: false };
    return verified.errors ? verified : { data: true };
  } catch {
    return fail('options_invalid', 'The options could not be read.');
  }
}
