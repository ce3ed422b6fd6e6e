import type { ClerkError, NonEmptyArray } from '../kernel/result.js';

/**
 * Every reason a webhook delivery can be refused; a closed union so callers can switch on it exhaustively.
 *
 * - `headers_missing`: no complete `webhook-id`/`webhook-timestamp`/`webhook-signature` set (nor the `svix-*` one).
 * - `timestamp_invalid`: the timestamp header is not 1–10 decimal digits.
 * - `timestamp_too_old`, `timestamp_too_new`: outside the tolerance (±300 s by default): a replay or a bad clock.
 * - `signature_invalid`: no `v1,` signature in the header matches (wrong secret, altered id, timestamp or body).
 * - `secret_invalid`: the signing secret is missing or not base64 (with or without the `whsec_` prefix).
 * - `body_not_raw`: the body is not the raw bytes or text (e.g. an object parsed by a JSON body parser), or unreadable.
 * - `body_too_large`: the body is larger than `maxBodyBytes` (1 MiB by default); a `Request` body is read no further.
 * - `payload_invalid`: the signed body is not UTF-8 JSON describing an event (an object with a string `type`).
 * - `event_invalid`: an event does not match its schema (`eventValidation: 'error'`), or, under the default
 *   `'warn'`, its `data` is missing or not the kind of value (an object) its type documents.
 * - `options_invalid`: the options are unusable (e.g. a negative tolerance).
 *
 * @example
 * const code: WebhookErrorCode = 'signature_invalid';
 */
export type WebhookErrorCode =
  | 'headers_missing'
  | 'timestamp_invalid'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'signature_invalid'
  | 'secret_invalid'
  | 'body_not_raw'
  | 'body_too_large'
  | 'payload_invalid'
  | 'event_invalid'
  | 'options_invalid';

/**
 * A webhook error: a reason code and a message that never contains the signing secret.
 *
 * @example
 * const error: WebhookError = { code: 'signature_invalid', message: 'No signature matches.' };
 */
export type WebhookError = ClerkError<WebhookErrorCode>;

/**
 * Wraps one error into the `errors` side of a result; `meta` is only attached when given.
 *
 * @example
 * return failWebhook('headers_missing', 'The webhook-id header is missing.');
 */
export function failWebhook(
  code: WebhookErrorCode,
  message: string,
  meta?: Record<string, unknown>,
): { data?: never; errors: NonEmptyArray<WebhookError> } {
  return { errors: [meta === undefined ? { code, message } : { code, message, meta }] };
}
