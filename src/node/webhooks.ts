// The `node` export condition of `clerk-bapi/webhooks`: the same API, with the native HMAC installed.
import { useWebhookSigner } from '../webhooks/signer.js';
import { nodeWebhookSigner } from './webhook-signer.js';

useWebhookSigner(nodeWebhookSigner);

export * from '../webhooks/index.js';
