// Node-only: `verifyWebhook(req, options?)` of the Express and Fastify adapters. The signing secret defaults to
// CLERK_WEBHOOK_SIGNING_SECRET, as in @clerk/express and @clerk/fastify; the body must still be raw bytes.
import { failWebhook } from '../webhooks/errors.js';
import { verifyWebhook as verifyDelivery, type WebhookInput, type WebhookResult, type WebhookVerifierOptions } from '../webhooks/index.js';

/**
 * Options of an adapter's `verifyWebhook`: the verifier's, with the secret optional.
 *
 * @example
 * const options: AdapterWebhookOptions = { toleranceInSeconds: 60 };
 */
export interface AdapterWebhookOptions extends Omit<WebhookVerifierOptions, 'signingSecret'> {
  /** The endpoint's signing secret; default `process.env.CLERK_WEBHOOK_SIGNING_SECRET`. */
  signingSecret?: string | undefined;
}

/**
 * Verifies one delivery, reading the secret from the environment when none is passed. A missing secret is a
 * `secret_invalid` result naming the variable (the caller answers 500, so Clerk retries after the fix).
 *
 * @example
 * const result = await verifyWithEnvSecret({ headers: req.headers, body: req.body }, {});
 */
export function verifyWithEnvSecret(input: WebhookInput, options: AdapterWebhookOptions | undefined): Promise<WebhookResult> {
  const given = options ?? {};
  const fromEnv = typeof process === 'object' ? process.env['CLERK_WEBHOOK_SIGNING_SECRET'] : undefined;
  const signingSecret = given.signingSecret ?? (fromEnv === '' ? undefined : fromEnv);
  if (signingSecret === undefined) {
    return Promise.resolve(
      failWebhook(
        'secret_invalid',
        'verifyWebhook: pass signingSecret or set CLERK_WEBHOOK_SIGNING_SECRET (the endpoint secret from the Clerk Dashboard).',
      ),
    );
  }
  return verifyDelivery(input, { ...given, signingSecret });
}
