// The HMAC-SHA256 primitive behind verification, swappable like the auth layer's signature check: WebCrypto
// everywhere, and on Node (the `node` export condition) a synchronous node:crypto HMAC, which skips
// WebCrypto's thread-pool round trip, most of the cost of one verification.

/**
 * Computes the base64 HMAC-SHA256 of `content` with one imported secret.
 *
 * @example
 * const signature = await signer(new TextEncoder().encode('msg_1.1614265330.{}'));
 */
export type WebhookSigner = (content: Uint8Array<ArrayBuffer>) => string | Promise<string>;

/**
 * Imports a decoded signing secret into a {@link WebhookSigner}; rejects when the runtime refuses the key.
 *
 * @example
 * const signer = await webCryptoSigner(secretBytes);
 */
export type WebhookSignerFactory = (secret: Uint8Array<ArrayBuffer>) => Promise<WebhookSigner>;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/**
 * The web-standard signer: a non-extractable `crypto.subtle` HMAC key.
 *
 * @example
 * useWebhookSigner(webCryptoSigner);
 */
export const webCryptoSigner: WebhookSignerFactory = async (secret) => {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (content) => toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, content)));
};

let active: WebhookSignerFactory = webCryptoSigner;

/**
 * Installs the signer factory used for secrets imported from now on (verifiers keep the signer they imported).
 *
 * @example
 * useWebhookSigner(nodeWebhookSigner);
 */
export function useWebhookSigner(factory: WebhookSignerFactory): void {
  active = factory;
}

/**
 * The signer factory currently installed.
 *
 * @example
 * const signer = await activeWebhookSigner()(secretBytes);
 */
export function activeWebhookSigner(): WebhookSignerFactory {
  return active;
}
