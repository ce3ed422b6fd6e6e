// Parses a verified body and validates the event against its shape. Same policy as the client's responses: under
// the default a deviating field is a warning, and the event is returned as it was signed.
import type { ResponseValidationMode } from '../kernel/validation-mode.js';
import type { ClientLogger } from '../kernel/logger.js';
import type { Mismatch } from '../kernel/describe-mismatch.js';
import { describeFirst, judgeBody, reportOnce } from '../kernel/judge-body.js';
import type { NonEmptyArray, Result } from '../kernel/result.js';
import { envelopeDef, webhookEventDefs } from '../generated/webhooks-events.js';
import { failWebhook, type WebhookError } from './errors.js';
import type { WebhookEvent } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as an event object with a string `type`, or `payload_invalid` (not UTF-8, not JSON, not an event).
 *
 * @example
 * const { data: payload } = parseEventPayload(new TextEncoder().encode('{"type":"user.created"}'));
 */
export function parseEventPayload(body: Uint8Array): Result<Record<string, unknown> & { type: string }, WebhookError> {
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(body));
  } catch {
    return failWebhook('payload_invalid', 'The signed body is not UTF-8 JSON.');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return failWebhook('payload_invalid', 'The signed body is not a JSON object.');
  }
  const type = (payload as Record<string, unknown>)['type'];
  if (typeof type !== 'string') return failWebhook('payload_invalid', 'The event has no string "type".');
  return { data: payload as Record<string, unknown> & { type: string } };
}

/**
 * Validates an event against the schema of its `type` (the envelope only for types the spec does not list). Under
 * `'warn'` a deviating event comes back with its `warnings`.
 *
 * @example
 * const result = await validateEvent(payload, 'warn', consoleLogger);
 * if (!result.errors && result.warnings) console.log(result.warnings[0].path);
 */
export async function validateEvent(
  payload: Record<string, unknown> & { type: string },
  mode: ResponseValidationMode,
  logger: ClientLogger,
): Promise<
  | { data: WebhookEvent; errors?: never; warnings?: NonEmptyArray<Mismatch> }
  | { data?: never; errors: NonEmptyArray<WebhookError>; warnings?: never }
> {
  const def = webhookEventDefs.get(payload.type) ?? envelopeDef;
  const event = payload as unknown as WebhookEvent;
  const verdict = judgeBody(def.shape, payload, mode, EVENT_BODY);
  if (verdict.kind === 'ok') return { data: event };
  const { mismatches } = verdict;
  const message = describeFirst(`The ${payload.type} event`, mismatches);
  if (verdict.kind === 'warn') {
    reportOnce(logger, logger, `event ${payload.type}`, message, mismatches, { type: payload.type });
    return { data: event, warnings: mismatches };
  }
  return failWebhook('event_invalid', message, { type: payload.type, mismatches });
}

/** An event's body is its `data`: missing, or not the kind of value its type documents, it cannot be handled. */
const EVENT_BODY = ['data'];
