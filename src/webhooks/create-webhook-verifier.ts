// The verification pipeline: headers → timestamp → body bytes → signature → JSON → event validation.
// Each step that can fail returns a typed error; nothing here throws.
import type { Result } from '../kernel/result.js';
import { failWebhook, type WebhookError } from './errors.js';
import { resolveWebhookOptions, type ResolvedWebhookOptions, type WebhookVerifierOptions } from './options.js';
import { readRequestBody, toBodyBytes, type RawBody } from './read-body.js';
import { readDeliveryHeaders, type DeliveryHeaders, type WebhookHeaders } from './read-headers.js';
import { importSigningKey } from './signing-key.js';
import type { WebhookResult } from './types.js';
import { parseEventPayload, validateEvent } from './validate-event.js';
import type { WebhookSigner } from './signer.js';
import { matchesSignatureHeader, signedContent } from './verify-signature.js';

/**
 * A delivery to verify: a web `Request` (its body is read once), or its headers and raw body. An object
 * with `body` instead of `rawBody` (an Express `req`) is accepted when that body is still raw bytes.
 *
 * @example
 * const input: WebhookInput = { headers: req.headers, rawBody: req.body };
 */
export type WebhookInput = Request | { headers: WebhookHeaders; rawBody: RawBody } | { headers: WebhookHeaders; body: unknown };

/**
 * A verifier bound to one signing secret, decoded and imported once.
 *
 * @example
 * const result = await verifier.verify(request);
 */
export interface WebhookVerifier {
  verify(input: WebhookInput): Promise<WebhookResult>;
}

// The Standard Webhooks timestamp: whole seconds, at most 10 digits (no sign, fraction or trailing text).
const TIMESTAMP = /^\d{1,10}$/;

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

function checkTimestamp(header: string, options: ResolvedWebhookOptions): Result<number, WebhookError> {
  if (!TIMESTAMP.test(header)) return failWebhook('timestamp_invalid', 'The webhook-timestamp header is not a Unix time in seconds.');
  let nowMs: number;
  try {
    nowMs = options.now();
  } catch {
    nowMs = Number.NaN;
  }
  // A broken clock fails closed: it must not let every timestamp through.
  if (!Number.isFinite(nowMs)) return failWebhook('options_invalid', 'The clock did not return a finite number of milliseconds.');
  const timestamp = Number(header);
  const skew = Math.floor(nowMs / 1000) - timestamp;
  if (skew > options.toleranceInSeconds)
    return failWebhook('timestamp_too_old', `The delivery is older than ${options.toleranceInSeconds} s (a replay?).`);
  if (-skew > options.toleranceInSeconds)
    return failWebhook('timestamp_too_new', `The delivery is more than ${options.toleranceInSeconds} s in the future.`);
  return { data: timestamp };
}

async function readInput(input: unknown): Promise<Result<{ headers: unknown; body: Uint8Array }, WebhookError>> {
  if (isRequest(input)) {
    const body = await readRequestBody(input);
    return body.errors ? body : { data: { headers: input.headers, body: body.data } };
  }
  if (typeof input !== 'object' || input === null) return failWebhook('body_not_raw', 'Pass a Request, or { headers, rawBody }.');
  const record = input as { headers?: unknown; rawBody?: unknown; body?: unknown };
  const body = toBodyBytes('rawBody' in record ? record.rawBody : record.body);
  return body.errors ? body : { data: { headers: record.headers, body: body.data } };
}

/**
 * Verifies one delivery with an imported key and resolved options (shared by both public forms).
 *
 * @example
 * const result = await verifyDelivery(signer, request, resolved);
 */
export async function verifyDelivery(signer: WebhookSigner, input: unknown, options: ResolvedWebhookOptions): Promise<WebhookResult> {
  const read = await readInput(input);
  if (read.errors) return read;
  const headers = readDeliveryHeaders(read.data.headers);
  if (headers.missing)
    return failWebhook('headers_missing', `Missing webhook header(s): ${headers.missing.join(', ')}.`, { missing: headers.missing });
  const { id, timestamp, signature }: DeliveryHeaders = headers.data;
  const time = checkTimestamp(timestamp, options);
  if (time.errors) return { ...time, webhookId: id };
  const expected = await signer(signedContent(id, timestamp, read.data.body));
  if (!matchesSignatureHeader(signature, expected)) {
    return { ...failWebhook('signature_invalid', 'No v1 signature in the webhook-signature header matches the body.'), webhookId: id };
  }
  const payload = parseEventPayload(read.data.body);
  if (payload.errors) return { ...payload, webhookId: id };
  const event = await validateEvent(payload.data, options.eventValidation, options.logger);
  if (event.errors) return { ...event, webhookId: id };
  return event.warnings ? { data: event.data, webhookId: id, warnings: event.warnings } : { data: event.data, webhookId: id };
}

/**
 * Creates a verifier for one endpoint: the secret is decoded and imported once, on first use. Bad options
 * are reported by `verify` as `options_invalid`/`secret_invalid` results, never thrown.
 *
 * @example
 * const verifier = createWebhookVerifier({ signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * const { data: event, errors } = await verifier.verify(request);
 */
export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  const resolved = resolveWebhookOptions(options);
  const secret: unknown = typeof options === 'object' && options !== null ? options.signingSecret : undefined;
  let key: Promise<Result<WebhookSigner, WebhookError>> | undefined;
  return {
    async verify(input) {
      if (resolved.errors) return resolved;
      key ??= importSigningKey(secret);
      const imported = await key;
      if (imported.errors) return imported;
      return verifyDelivery(imported.data, input, resolved.data);
    },
  };
}
