// Turns a Clerk signing secret (`whsec_<base64>`) into an HMAC-SHA256 signer, once.
import type { Result } from '../kernel/result.js';
import { failWebhook, type WebhookError } from './errors.js';
import { activeWebhookSigner, type WebhookSigner } from './signer.js';

const PREFIX = 'whsec_';
// Standard base64 with optional padding; the Standard Webhooks secret is 24–64 random bytes.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The raw bytes of a signing secret, with or without its `whsec_` prefix; `undefined` when it is not base64.
 *
 * @example
 * decodeSigningSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')?.length; // 24
 */
export function decodeSigningSecret(secret: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof secret !== 'string') return undefined;
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return undefined;
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * Imports the signing secret into the installed HMAC signer; a bad secret is a `secret_invalid` result
 * whose message never quotes the secret.
 *
 * @example
 * const { data: signer } = await importSigningKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
 */
export async function importSigningKey(secret: unknown): Promise<Result<WebhookSigner, WebhookError>> {
  const bytes = decodeSigningSecret(secret);
  if (bytes === undefined || bytes.length === 0) {
    return failWebhook('secret_invalid', 'The signing secret is missing or is not base64 (expected "whsec_…" from the Clerk Dashboard).');
  }
  try {
    return { data: await activeWebhookSigner()(bytes) };
  } catch {
    return failWebhook('secret_invalid', 'The signing secret could not be imported as an HMAC key.');
  }
}
