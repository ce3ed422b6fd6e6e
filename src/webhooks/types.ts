import type { Mismatch } from '../kernel/describe-mismatch.js';
import type { NonEmptyArray } from '../kernel/result.js';
import type { KnownWebhookEvent } from '../generated/webhooks-events.js';
import type { components } from '../generated/webhooks-types.js';
import type { WebhookError } from './errors.js';

/**
 * An event whose `type` this version of the SDK does not know (Clerk added it after the pinned spec).
 * Only its envelope was checked. `data` is typed `never` so that `event.type === 'user.created'` still
 * narrows `event.data` to the known event's type; read an unknown event's payload as `event.data as unknown`.
 *
 * @example
 * function log(event: UnknownWebhookEvent) { console.log(event.type, event.data as unknown); }
 */
export type UnknownWebhookEvent = Omit<components['schemas']['WebhookEventPayload'], 'type'> & {
  // Plain `string`: TypeScript stops narrowing the union on `type` when this is `string & {}`.
  type: string;
  data: never;
};

/**
 * A verified webhook event: one of the spec's events, discriminated on `type`, or an unknown one.
 *
 * @example
 * function handle(event: WebhookEvent) {
 *   if (event.type === 'user.created') console.log(event.data.id);
 * }
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/**
 * The result of verifying one delivery. On success `webhookId` (the `webhook-id`/`svix-id` header) is the
 * delivery's id: the same on every retry of one event, so use it to de-duplicate. `warnings` lists where a
 * correctly signed event deviates from its schema (`eventValidation: 'warn'`, the default): the event is returned
 * as signed, so a field its type calls required may be absent at those paths.
 *
 * @example
 * const result: WebhookResult = await verifyWebhook(request, { signingSecret });
 * if (!result.errors) console.log(result.webhookId, result.data.type);
 */
export type WebhookResult =
  | { data: WebhookEvent; errors?: never; webhookId: string; warnings?: NonEmptyArray<Mismatch> }
  | { data?: never; errors: NonEmptyArray<WebhookError>; webhookId?: string; warnings?: never };
