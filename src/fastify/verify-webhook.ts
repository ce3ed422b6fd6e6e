// `verifyWebhook(request)` for Fastify routes, as @clerk/fastify exports it: the secret defaults to
// CLERK_WEBHOOK_SIGNING_SECRET; the body must reach the route raw.
import { verifyWithEnvSecret, type AdapterWebhookOptions } from '../node/adapter-webhook.js';
import type { WebhookResult } from '../webhooks/index.js';
import type { NodeHeaders } from '../node/adapter-auth.js';

/**
 * The slice of a Fastify request the function reads: headers, and the raw body as `rawBody` (the
 * `fastify-raw-body` plugin) or `body` (a string or Buffer content-type parser).
 *
 * @example
 * const request: FastifyWebhookRequest = { headers: {}, body: '{"type":"user.created"}' };
 */
export interface FastifyWebhookRequest {
  headers: NodeHeaders;
  body?: unknown;
  rawBody?: unknown;
}

/**
 * Verifies a Clerk webhook delivery on a Fastify request (or a Fetch `Request`) and returns the typed, validated
 * event or errors; never throws. The body must be raw: register a string or buffer parser for
 * `application/json` on the webhook route's scope, or `fastify-raw-body`; a parsed object is refused (`body_not_raw`).
 *
 * @example
 * app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
 * app.post('/webhooks', async (request, reply) => {
 *   const { data: event, errors } = await verifyWebhook(request); // CLERK_WEBHOOK_SIGNING_SECRET
 *   if (errors) return reply.code(400).send({ error: errors[0].code });
 *   return { received: event.type };
 * });
 */
export function verifyWebhook(request: FastifyWebhookRequest | Request, options: AdapterWebhookOptions = {}): Promise<WebhookResult> {
  if (typeof Request !== 'undefined' && request instanceof Request) return verifyWithEnvSecret(request, options);
  const { headers, rawBody, body } = request as FastifyWebhookRequest;
  return verifyWithEnvSecret({ headers, body: rawBody ?? body }, options);
}
