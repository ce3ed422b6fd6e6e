import type { Result } from '../core/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { splitCompactJwt } from './decode-jwt.js';
import type { TokenError } from './errors.js';
import { checkHeader } from './header-checks.js';
import { importKeyCached } from './key-import-cache.js';
import { resolveClaimOptions } from './options.js';
import { verifySignature } from './verify-signature.js';

/**
 * Checks only a token's signature (no claim at all): `data` is `true` or `false`; `errors` means the
 * token, its algorithm or the key is unusable.
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
    const split = splitCompactJwt(token);
    if (split.errors) return split;
    const header = checkHeader(split.data.header, resolved.data.algorithms);
    if (header.errors) return header;
    const entry = await importKeyCached(key, resolved.data.algorithms);
    if (entry.errors) return entry;
    if (entry.data.alg !== undefined && entry.data.alg !== header.data.alg) return { data: false };
    return { data: await verifySignature(entry.data, header.data.alg, split.data) };
  } catch {
    return { errors: [{ code: 'options_invalid', message: 'The options could not be read.' }] };
  }
}
