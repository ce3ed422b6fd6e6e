// Node-only: a synchronous node:crypto HMAC for webhook verification. It skips WebCrypto's thread-pool
// round trip, most of the cost of verifying one delivery. `#webhook-signer` resolves here under the `node` import
// condition (package.json `imports`).
import { createHmac, createSecretKey } from 'node:crypto';
import type { WebhookSignerFactory } from '../webhooks/signer.js';

/**
 * Imports the secret as a node:crypto `KeyObject` and signs with `createHmac('sha256', …)`.
 *
 * @example
 * useWebhookSigner(nodeWebhookSigner);
 */
export const nodeWebhookSigner: WebhookSignerFactory = async (secret) => {
  const key = createSecretKey(secret);
  return (content) => createHmac('sha256', key).update(content).digest('base64');
};

export { nodeWebhookSigner as webhookSigner };
