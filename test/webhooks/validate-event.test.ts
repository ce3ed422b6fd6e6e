// Typed, validated events: every example Clerk publishes validates, unknown types pass as generic events,
// and an invalid event follows the eventValidation mode ('warn' (the default) | 'error' | 'off').
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { webhookEvents, webhookExamples } from '../../scripts/gen/emit-webhooks.js';
import { loadWebhooksSpec } from '../../scripts/spec/load-spec.js';
import { knownWebhookEventTypes, verifyWebhook, type WebhookVerifierOptions } from '../../src/webhooks/index.js';
import { dashboardUserCreated, docsOrganizationInvitationCreated } from './fixtures/clerk-examples.js';
import { SECRET, now, signDelivery, unknownEventBody } from './helpers/deliveries.js';

let document: Record<string, any>;
beforeAll(async () => {
  document = (await loadWebhooksSpec()).document;
});

async function verify(payload: unknown, extra: Partial<WebhookVerifierOptions> = {}) {
  const delivery = signDelivery(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, { signingSecret: SECRET, now, ...extra });
}

describe('known events', () => {
  it('covers every event type of the webhooks spec', () => {
    expect(knownWebhookEventTypes).toEqual(webhookEvents(document).map((event) => event.type));
    expect(knownWebhookEventTypes).toEqual(expect.arrayContaining(['user.created', 'session.ended', 'organizationMembership.created']));
  });

  it('validates every example of the webhooks spec', async () => {
    let count = 0;
    for (const type of knownWebhookEventTypes) {
      const examples = webhookExamples(document, type);
      expect(examples.length, type).toBeGreaterThan(0);
      for (const example of examples) {
        const result = await verify(example);
        expect(result.errors, `${type}: ${JSON.stringify(result.errors)}`).toBeUndefined();
        expect(result.warnings, `${type}: ${JSON.stringify(result.warnings)}`).toBeUndefined();
        expect(result.data?.type).toBe(type);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(knownWebhookEventTypes.length);
  });

  it("validates the Dashboard's user.created example (clerk/clerk-sdk-python#108)", async () => {
    const result = await verify(dashboardUserCreated);
    expect(result.errors).toBeUndefined();
    expect(result.warnings).toBeUndefined();
    expect(result.data).toEqual(dashboardUserCreated);
  });

  it("validates the docs' organizationInvitation.created payload (clerk/clerk-sdk-go#420)", async () => {
    const result = await verify(docsOrganizationInvitationCreated);
    expect(result.errors).toBeUndefined();
    expect(result.warnings).toBeUndefined();
  });

  it('accepts enum values the spec does not list yet (open enums)', async () => {
    const [session] = webhookExamples(document, 'session.ended') as Array<Record<string, any>>;
    const result = await verify({ ...session, data: { ...session!.data, status: 'hibernating' } });
    expect(result.errors).toBeUndefined();
  });
});

describe('eventValidation modes', () => {
  const broken = { ...dashboardUserCreated, data: { ...dashboardUserCreated.data, first_name: 42 } };

  it("'error' refuses an invalid event of a known type with event_invalid and where it departs", async () => {
    const result = await verify(broken, { eventValidation: 'error' });
    expect(result.errors?.[0]).toMatchObject({
      code: 'event_invalid',
      meta: { type: 'user.created', mismatches: [{ path: '$.data.first_name', expected: 'string or null', received: 'number 42' }] },
    });
    expect(result.errors?.[0]?.message).toBe(
      'The user.created event does not match its schema at $.data.first_name: expected string or null, received number 42.',
    );
  });

  it("'warn' (the default) returns the event with its warnings and reports each deviation to the logger once", async () => {
    const warn = vi.fn();
    const logger = { warn };
    const result = await verify(broken, { logger });
    expect(result.data).toEqual(broken);
    expect(result.warnings).toEqual([{ path: '$.data.first_name', expected: 'string or null', received: 'number 42' }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('user.created'), expect.objectContaining({ type: 'user.created' }));
    const again = await verify(broken, { eventValidation: 'warn', logger });
    expect(again.warnings).toEqual(result.warnings);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("'warn' still refuses an event whose data is missing or not an object", async () => {
    for (const data of ['user_1', null, [], undefined]) {
      const result = await verify({ ...dashboardUserCreated, data }, { logger: { warn() {} } });
      expect(result.errors?.[0]?.code, JSON.stringify(data)).toBe('event_invalid');
    }
  });

  it("'off' returns the event without validating it", async () => {
    const warn = vi.fn();
    expect((await verify(broken, { eventValidation: 'off', logger: { warn } })).data).toEqual(broken);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a throwing logger does not turn a warning into an exception', async () => {
    const logger = {
      warn: () => {
        throw new Error('logger down');
      },
    };
    expect((await verify(broken, { eventValidation: 'warn', logger })).data).toEqual(broken);
  });

  it('refuses an unknown mode with options_invalid', async () => {
    expect((await verify(broken, { eventValidation: 'strict' as never })).errors?.[0]?.code).toBe('options_invalid');
  });
});

describe('unknown event types', () => {
  it('come back as a generic event, not an error', async () => {
    const result = await verify(unknownEventBody('widget.exploded'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ type: 'widget.exploded', data: { id: 'wid_1' } });
  });

  it.each(['__proto__', 'constructor', 'toString'])('treat the type %j as unknown, not as an inherited property', async (type) => {
    const result = await verify(unknownEventBody(type));
    expect(result.errors).toBeUndefined();
    expect(result.data?.type).toBe(type);
  });

  it('still have their envelope checked', async () => {
    const body = { type: 'widget.exploded', object: 'event', data: {} };
    expect((await verify(body, { eventValidation: 'error' })).errors?.[0]?.code).toBe('event_invalid');
    const tolerated = await verify(body, { logger: { warn() {} } });
    expect(tolerated.warnings?.map((warning) => warning.path)).toEqual(['$.timestamp', '$.instance_id']);
  });
});

describe('payload_invalid', () => {
  it.each([
    ['not JSON', '{"type":'],
    ['an array', '[{"type":"user.created"}]'],
    ['no type', '{"object":"event"}'],
    ['a number type', '{"type":1}'],
    ['null', 'null'],
  ])('refuses a signed body that is %s', async (_, body) => {
    expect((await verify(body)).errors?.[0]?.code).toBe('payload_invalid');
  });
});
