// Express adapter: one line for a verified, typed webhook route. 400 for a delivery that fails
// verification (Clerk retries it, then marks it failed), 200 once the handler succeeds, 500 when the
// handler throws or the route is misconfigured, so that Clerk retries after the fix.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
// Through the Node entry: Express runs on Node, where the native HMAC is the fast path.
import {
  createWebhookVerifier,
  type WebhookEvent,
  type WebhookErrorCode,
  type WebhookResult,
  type WebhookVerifierOptions,
} from '../webhooks/index.js';
import { checkOptions, FUNCTION, type OptionTable } from '../kernel/check-options.js';
import { WEBHOOK_OPTIONS } from '../webhooks/options.js';
import { readRawBody } from './read-raw-body.js';
import { refuseIncompleteHeaders } from '../webhooks/read-headers.js';

/**
 * Options of {@link clerkWebhook}: the verifier's, with the secret optional (read from the environment).
 *
 * @example
 * const options: ClerkWebhookOptions = { signingSecret: process.env.CLERK_WEBHOOK_SIGNING_SECRET };
 */
export interface ClerkWebhookOptions extends Omit<WebhookVerifierOptions, 'signingSecret'> {
  /** The endpoint's signing secret; default `process.env.CLERK_WEBHOOK_SIGNING_SECRET`. */
  signingSecret?: string | undefined;
  /** Cap on a body this route reads itself (when no body parser ran). Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Receives what the handler threw (the response is 500). Default `console.error`. */
  onError?: ((error: unknown, req: Request) => void) | undefined;
}

/**
 * What the handler receives beside the event: the delivery's id (stable across retries: de-duplicate on it)
 * and Express's request and response, and `warnings` when the event deviates from its schema (see `WebhookResult`).
 *
 * @example
 * const handler: ClerkWebhookHandler = async (event, { webhookId }) => { await store(webhookId, event); };
 */
export interface ClerkWebhookContext {
  webhookId: string;
  warnings: WebhookResult['warnings'];
  req: Request;
  res: Response;
}

/**
 * A webhook handler; when it returns without sending a response, the route answers 200.
 *
 * @example
 * const handler: ClerkWebhookHandler = (event) => { if (event.type === 'user.created') console.log(event.data.id); };
 */
export type ClerkWebhookHandler = (event: WebhookEvent, context: ClerkWebhookContext) => unknown;

/** The route's own options beside the verifier's. */
const CLERK_WEBHOOK_OPTIONS: OptionTable = {
  ...WEBHOOK_OPTIONS,
  onError: FUNCTION,
};

// Failures of the server's own set-up, not of the delivery: 500, so that Clerk retries once it is fixed.
const SERVER_SIDE: ReadonlySet<WebhookErrorCode> = new Set(['secret_invalid', 'body_not_raw', 'options_invalid']);

function reportError(error: unknown): void {
  console.error('[clerk-bapi] webhook handler failed', error);
}

function resolveSecret(options: ClerkWebhookOptions): string {
  const secret = options.signingSecret ?? process.env['CLERK_WEBHOOK_SIGNING_SECRET'];
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError(
      'clerkWebhook: pass signingSecret or set CLERK_WEBHOOK_SIGNING_SECRET (the endpoint secret from the Clerk Dashboard).',
    );
  }
  return secret;
}

/**
 * An Express route handler that verifies Clerk webhook deliveries and calls `handler` with the typed,
 * validated event. Works with or without `express.raw()` on the route; refuses a body parsed by `express.json()`.
 *
 * @example
 * app.post('/webhooks/clerk', clerkWebhook({}, async (event, { webhookId }) => {
 *   if (event.type === 'user.created') await users.insertOnce(webhookId, event.data.id);
 * }));
 */
export function clerkWebhook(options: ClerkWebhookOptions, handler: ClerkWebhookHandler): RequestHandler {
  checkOptions('clerkWebhook', options, CLERK_WEBHOOK_OPTIONS);
  const { maxBodyBytes = 1_048_576, onError = reportError, ...verifierOptions } = options;
  const verifier = createWebhookVerifier({ ...verifierOptions, maxBodyBytes, signingSecret: resolveSecret(options) });
  return async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
    // Headers first: an unsigned request never costs a body read (SECURITY G.44).
    const refusal = refuseIncompleteHeaders(req.headers);
    if (refusal) {
      res.status(400).json({ error: refusal.errors[0].code, message: refusal.errors[0].message });
      return;
    }
    const read = await readRawBody(req, maxBodyBytes);
    if ('failure' in read) {
      res.status(read.failure === 'too_large' ? 413 : 400).json({ error: `body_${read.failure}` });
      return;
    }
    const result = await verifier.verify({ headers: req.headers, rawBody: read.body as never });
    if (result.errors) {
      const [error] = result.errors;
      const status = SERVER_SIDE.has(error.code) ? 500 : error.code === 'body_too_large' ? 413 : 400;
      res.status(status).json({ error: error.code, message: error.message });
      return;
    }
    try {
      await handler(result.data, { webhookId: result.webhookId, warnings: result.warnings, req, res });
    } catch (error) {
      try {
        onError(error, req);
      } catch {
        // A failing error reporter must not hide the 500.
      }
      if (!res.headersSent) res.status(500).json({ error: 'handler_failed' });
      return;
    }
    if (!res.headersSent) res.status(200).json({ received: true });
  };
}
