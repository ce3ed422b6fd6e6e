// Public entry `clerk-bapi/webhooks`: verify Clerk webhook deliveries and get typed, validated events. Re-exports only.
export { verifyWebhook } from './verify-webhook.js';
export { createWebhookVerifier, type WebhookInput, type WebhookVerifier } from './create-webhook-verifier.js';
export type { WebhookVerifierOptions } from './options.js';
export type { WebhookError, WebhookErrorCode } from './errors.js';
export type { WebhookEvent, WebhookResult, UnknownWebhookEvent } from './types.js';
export type { Mismatch } from '../kernel/describe-mismatch.js';
export type { ResponseValidationMode } from '../kernel/validation-mode.js';
export type { RawBody } from './read-body.js';
export type { WebhookHeaders } from './read-headers.js';
export { knownWebhookEventTypes, WEBHOOKS_SPEC_VERSION } from '../generated/webhooks-events.js';
export type * from '../generated/webhooks-events.js';
