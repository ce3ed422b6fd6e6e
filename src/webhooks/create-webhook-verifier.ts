// The verification pipeline: headers → timestamp → body bytes (capped) → signature → JSON → event validation.
// Each step that can fail returns a typed error; nothing here throws.
import { optionError } from '../kernel/check-options.js';
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

/** The body of a delivery, read only once its headers were found complete; capped at `maxBytes`. */
async function readInputBody(input: unknown, isWebRequest: boolean, maxBytes: number): Promise<Result<Uint8Array, WebhookError>> {
  if (isWebRequest) return readRequestBody(input as Request, maxBytes);
  let raw: unknown;
  try {
    const record = input as { rawBody?: unknown; body?: unknown };
    raw = 'rawBody' in record ? record.rawBody : record.body;
  } catch {
    // A throwing getter or Proxy trap: the body cannot be read.
    return failWebhook('body_not_raw', 'The body could not be read from the input.');
  }
  const body = toBodyBytes(raw);
  if (body.errors || body.data.byteLength <= maxBytes) return body;
  return failWebhook('body_too_large', `The body is larger than ${maxBytes} bytes.`, { maxBodyBytes: maxBytes });
}

function headersOf(input: unknown, isWebRequest: boolean): unknown {
  try {
    return isWebRequest ? (input as Request).headers : (input as { headers?: unknown }).headers;
  } catch {
    return undefined;
  }
}

/**
 * Verifies one delivery with an imported key and resolved options (shared by both public forms). The
 * headers and the timestamp are checked before the body is read, so an unsigned or stale request never
 * costs a body read (SECURITY G.44). Never throws, whatever the input (a Proxy, throwing getters).
 *
 * @example
 * const result = await verifyDelivery(signer, request, resolved);
 */
export async function verifyDelivery(signer: WebhookSigner, input: unknown, options: ResolvedWebhookOptions): Promise<WebhookResult> {
  try {
    return await verifyChecked(signer, input, options);
  } catch {
    return failWebhook('body_not_raw', 'The delivery could not be read.');
  }
}

async function verifyChecked(signer: WebhookSigner, input: unknown, options: ResolvedWebhookOptions): Promise<WebhookResult> {
  const isWebRequest = isRequest(input);
  if (!isWebRequest && (typeof input !== 'object' || input === null))
    return failWebhook('body_not_raw', 'Pass a Request, or { headers, rawBody }.');
  const headers = readDeliveryHeaders(headersOf(input, isWebRequest));
  if (headers.missing)
    return failWebhook('headers_missing', `Missing webhook header(s): ${headers.missing.join(', ')}.`, { missing: headers.missing });
  const { id, timestamp, signature }: DeliveryHeaders = headers.data;
  const time = checkTimestamp(timestamp, options);
  if (time.errors) return { ...time, webhookId: id };
  const body = await readInputBody(input, isWebRequest, options.maxBodyBytes);
  if (body.errors) return { ...body, webhookId: id };
  const expected = await signer(signedContent(id, timestamp, body.data));
  if (!matchesSignatureHeader(signature, expected)) {
    return { ...failWebhook('signature_invalid', 'No v1 signature in the webhook-signature header matches the body.'), webhookId: id };
  }
  const payload = parseEventPayload(body.data);
  if (payload.errors) return { ...payload, webhookId: id };
  const event = await validateEvent(payload.data, options.eventValidation, options.logger);
  if (event.errors) return { ...event, webhookId: id };
  return event.warnings ? { data: event.data, webhookId: id, warnings: event.warnings } : { data: event.data, webhookId: id };
}

/**
 * Creates a verifier for one endpoint: the secret is decoded and imported once, on first use. An unknown or
 * unusable option throws a `TypeError` here, naming it (STYLE rule 6); a secret that cannot be decoded is
 * reported by `verify` as `secret_invalid`, and deliveries are always results.
 *
 * @example
 * const verifier = createWebhookVerifier({ signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * const { data: event, errors } = await verifier.verify(request);
 */
export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  return buildWebhookVerifier(options, 'createWebhookVerifier');
}

/**
 * {@link createWebhookVerifier} for a caller that names itself in its `TypeError` (an adapter).
 *
 * @example
 * const verifier = buildWebhookVerifier(options, 'clerkWebhook');
 */
export function buildWebhookVerifier(options: WebhookVerifierOptions, component: string): WebhookVerifier {
  let resolved: Result<ResolvedWebhookOptions, WebhookError>;
  let secret: unknown;
  try {
    resolved = resolveWebhookOptions(options);
    secret = options.signingSecret;
  } catch {
    // Hostile options (a throwing getter) are a configuration mistake too.
    throw optionError(component, 'The options could not be read.');
  }
  if (resolved.errors) throw optionError(component, resolved.errors[0].message);
  const checked = resolved.data;
  let key: Promise<Result<WebhookSigner, WebhookError>> | undefined;
  return {
    async verify(input) {
      key ??= importSigningKey(secret);
      const imported = await key;
      if (imported.errors) return imported;
      return verifyDelivery(imported.data, input, checked);
    },
  };
}
