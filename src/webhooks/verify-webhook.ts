import type { Result } from '../kernel/result.js';
import { verifyDelivery, type WebhookInput } from './create-webhook-verifier.js';
import { failWebhook, type WebhookError } from './errors.js';
import { resolveWebhookOptions, type ResolvedWebhookOptions, type WebhookVerifierOptions } from './options.js';
import type { WebhookSigner } from './signer.js';
import { importSigningKey } from './signing-key.js';
import type { WebhookResult } from './types.js';

// Imported keys by secret, so that a handler calling verifyWebhook per request decodes each secret once.
// Bounded: an application has a handful of endpoints, not an unbounded stream of secrets.
const MAX_KEYS = 16;
const keys = new Map<string, Promise<Result<WebhookSigner, WebhookError>>>();

function keyFor(secret: unknown): Promise<Result<WebhookSigner, WebhookError>> {
  if (typeof secret !== 'string') return importSigningKey(secret);
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value!);
    key = importSigningKey(secret);
    keys.set(secret, key);
  }
  return key;
}

/**
 * Verifies a Clerk webhook delivery (Standard Webhooks: HMAC-SHA256 over `id.timestamp.rawBody`) and
 * returns the typed, validated event, or errors with a reason code. Never throws.
 *
 * @example
 * const { data: event, errors, webhookId } = await verifyWebhook(request, { signingSecret: env.CLERK_WEBHOOK_SIGNING_SECRET });
 * if (errors) return new Response(errors[0].message, { status: 400 });
 * if (event.type === 'user.created') await createUser(webhookId, event.data.id);
 */
export async function verifyWebhook(input: WebhookInput, options: WebhookVerifierOptions): Promise<WebhookResult> {
  let resolved: Result<ResolvedWebhookOptions, WebhookError>;
  let key: Result<WebhookSigner, WebhookError>;
  try {
    resolved = resolveWebhookOptions(options);
    if (resolved.errors) return resolved;
    key = await keyFor(options.signingSecret);
  } catch {
    // Options read through a throwing getter or Proxy: a result, as promised, not an exception.
    return failWebhook('options_invalid', 'The options could not be read.');
  }
  if (key.errors) return key;
  return verifyDelivery(key.data, input, resolved.data);
}
