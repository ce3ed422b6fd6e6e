// The HMAC-SHA256 primitive behind verification comes from `#webhook-signer` (package.json `imports`): the
// package's import conditions pick a synchronous node:crypto HMAC under `node` (src/node/webhook-signer.ts), which
// skips WebCrypto's thread-pool round trip, and WebCrypto everywhere else (web-signer.ts).
import { webhookSigner } from '#webhook-signer';

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

let active: WebhookSignerFactory = webhookSigner;

/**
 * Replaces the signer factory for secrets imported from now on, for tests and benchmarks that compare signers in
 * one process; the package itself never calls it.
 *
 * @example
 * useWebhookSigner(webCryptoSigner);
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
