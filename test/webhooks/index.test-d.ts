// Type-level checks: results narrow on `errors`, events narrow on `type`, unknown types stay possible.
import { describe, expectTypeOf, it } from 'vitest';
import type { KnownWebhookEventType, UserCreatedEvent, WebhookErrorCode, WebhookEvent, WebhookResult } from '../../src/webhooks/index.js';

declare const result: WebhookResult;
declare const event: WebhookEvent;

describe('webhook types', () => {
  it('narrows the result on errors', () => {
    if (result.errors) {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.errors[0].code).toEqualTypeOf<WebhookErrorCode>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<WebhookEvent>();
      expectTypeOf(result.webhookId).toEqualTypeOf<string>();
    }
  });

  it('types event.data inside if (event.type === ...)', () => {
    if (event.type === 'user.created') {
      expectTypeOf(event.data.id).toEqualTypeOf<string>();
      expectTypeOf(event.data.first_name).toEqualTypeOf<string | null>();
      // @ts-expect-error a session field is not on a user
      void event.data.user_id;
    }
    switch (event.type) {
      case 'session.ended':
        expectTypeOf(event.data.user_id).toEqualTypeOf<string>();
        break;
      case 'organizationMembership.created':
        expectTypeOf(event.data.organization.id).toEqualTypeOf<string>();
        break;
    }
  });

  it('keeps the envelope typed on every event, known or not', () => {
    expectTypeOf(event.type).toExtend<string>();
    expectTypeOf(event.instance_id).toEqualTypeOf<string>();
    expectTypeOf<'user.created'>().toExtend<KnownWebhookEventType>();
    expectTypeOf<Extract<WebhookEvent, { type: 'user.created' }>>().toExtend<UserCreatedEvent>();
  });

  it('accepts comparing with a type the spec does not list', () => {
    if (event.type === 'widget.exploded') expectTypeOf(event.data as unknown).toBeUnknown();
  });
});
