// The portable webhook signer, which `#webhook-signer` resolves to everywhere but under the `node` import
// condition (package.json `imports`).
import type { WebhookSignerFactory } from './signer.js';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/**
 * The web-standard signer: a non-extractable `crypto.subtle` HMAC key.
 *
 * @example
 * const signer = await webCryptoSigner(secretBytes);
 */
export const webCryptoSigner: WebhookSignerFactory = async (secret) => {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (content) => toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, content)));
};

export { webCryptoSigner as webhookSigner };
