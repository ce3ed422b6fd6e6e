// `verifyWebhook(req)` for Express routes, as @clerk/express exports it: the secret defaults to
// CLERK_WEBHOOK_SIGNING_SECRET and the body is read raw when no body parser consumed it.
import type { Request as ExpressRequest } from 'express';
import { failWebhook } from '../webhooks/errors.js';
import { refuseIncompleteHeaders } from '../webhooks/read-headers.js';
import { verifyWithEnvSecret, type AdapterWebhookOptions } from '../node/adapter-webhook.js';
import type { WebhookResult } from '../webhooks/index.js';
import { readRawBody } from './read-raw-body.js';

/**
 * Options of the Express `verifyWebhook`: the verifier's, the secret optional, and a cap on a body read here.
 *
 * @example
 * const options: VerifyWebhookOptions = { signingSecret: process.env.MY_SECRET };
 */
export interface VerifyWebhookOptions extends AdapterWebhookOptions {
  /** Cap on a body this function reads itself (when no body parser ran). Default 1 MiB. */
  maxBodyBytes?: number | undefined;
}

/**
 * Verifies a Clerk webhook delivery on an Express request (or a Fetch `Request`) and returns the typed,
 * validated event or errors; never throws. Use `express.raw({ type: 'application/json' })` on the route or no
 * body parser at all; a body parsed by `express.json()` is refused (`body_not_raw`).
 *
 * @example
 * app.post('/webhooks', async (req, res) => {
 *   const { data: event, errors } = await verifyWebhook(req); // CLERK_WEBHOOK_SIGNING_SECRET
 *   if (errors) return res.status(400).json({ error: errors[0].code });
 *   if (event.type === 'user.created') console.log(event.data.id);
 *   res.sendStatus(200);
 * });
 */
export async function verifyWebhook(req: ExpressRequest | Request, options: VerifyWebhookOptions = {}): Promise<WebhookResult> {
  const { maxBodyBytes = 1_048_576, ...verifierOptions } = options ?? {};
  if (typeof Request !== 'undefined' && req instanceof Request) return verifyWithEnvSecret(req, verifierOptions);
  const expressReq = req as ExpressRequest;
  // Headers first: an unsigned request never costs a body read (SECURITY G.44).
  const refusal = refuseIncompleteHeaders(expressReq.headers);
  if (refusal) return refusal;
  const read = await readRawBody(expressReq, maxBodyBytes);
  if ('failure' in read) {
    return read.failure === 'too_large'
      ? failWebhook('body_too_large', `The body is larger than ${maxBodyBytes} bytes.`, { maxBodyBytes })
      : failWebhook('body_not_raw', 'The body could not be read.');
  }
  return verifyWithEnvSecret({ headers: expressReq.headers, body: read.body }, { ...verifierOptions, maxBodyBytes });
}
