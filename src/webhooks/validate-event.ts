// Parses a verified body and validates the event: the generated fast check first, the event's shape only when
// the check says no, to confirm and explain. Same policy as the client's responses.
import type { ResponseValidationMode } from '../kernel/validation-mode.js';
import type { ClientLogger } from '../kernel/logger.js';
import { describeMismatches } from '../kernel/describe-mismatch.js';
import type { Result } from '../kernel/result.js';
import { findProblems } from '../kernel/shape.js';
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
 * Validates an event against the schema of its `type` (the envelope only for types the spec does not list).
 *
 * @example
 * const result = await validateEvent(payload, 'error', consoleLogger);
 */
export async function validateEvent(
  payload: Record<string, unknown> & { type: string },
  mode: ResponseValidationMode,
  logger: ClientLogger,
): Promise<Result<WebhookEvent, WebhookError>> {
  const def = webhookEventDefs.get(payload.type) ?? envelopeDef;
  if (mode === 'off' || def.check(payload)) return { data: payload as unknown as WebhookEvent };
  const problems = findProblems(def.shape, payload);
  if (problems.length === 0) return { data: payload as unknown as WebhookEvent };
  const mismatches = describeMismatches(problems, payload);
  const first = mismatches[0]!;
  const message = `The ${payload.type} event does not match its schema at ${first.path}: expected ${first.expected}, received ${first.received}.`;
  if (mode === 'warn') {
    logger.warn(message, { type: payload.type, mismatches });
    return { data: payload as unknown as WebhookEvent };
  }
  return failWebhook('event_invalid', message, { type: payload.type, mismatches });
}
