// The webhooks emitter: event models from `x-webhooks`, example resolution (with the spec's misfiled
// example refs), open enums that keep discriminators literal, and shapes that agree with the zod schemas.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDocument, eventTypeName, webhookEvents, webhookExamples } from '../../scripts/gen/emit-webhooks.js';
import { loadWebhooksSpec } from '../../scripts/spec/load-spec.js';
import { findProblems, fits } from '../../src/kernel/shape.js';
import { envelopeDef, webhookEventDefs, type WebhookEventDef } from '../../src/generated/webhooks-events.js';
import { schemas } from '../../src/generated/webhooks-schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
let document: Record<string, any>;

beforeAll(async () => {
  document = (await loadWebhooksSpec()).document;
}, 30_000);

/** Copies of `value` with one property removed, nulled or given the wrong type, at every path. */
function mutations(value: Json, depth = 0): Json[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  const out: Json[] = [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const replace = (next: Json | undefined): Json => {
      if (Array.isArray(value)) return value.map((v, i) => (i === key ? (next ?? null) : v));
      const copy: Record<string, Json> = { ...value };
      if (next === undefined) delete copy[key as string];
      else copy[key as string] = next;
      return copy;
    };
    out.push(replace(undefined), replace(null), replace(typeof item === 'string' ? 42 : 'text'));
    for (const inner of mutations(item, depth + 1)) out.push(replace(inner));
  }
  return out;
}

/** The shape's two walks and the zod schema of event schema `name` give one answer. */
async function agree(name: string, def: WebhookEventDef, value: unknown): Promise<boolean> {
  const zod = (schemas as Record<string, () => { safeParse(v: unknown): { success: boolean } }>)[name]!().safeParse(value).success;
  return fits(def.shape, value) === zod && (findProblems(def.shape, value).length === 0) === zod;
}

describe('emit-webhooks', () => {
  it('names event types in PascalCase', () => {
    expect(eventTypeName('organizationMembership.created')).toBe('OrganizationMembershipCreatedEvent');
    expect(eventTypeName('subscriptionItem.freeTrialEnding')).toBe('SubscriptionItemFreeTrialEndingEvent');
  });

  it('reads every event of x-webhooks and resolves examples filed under components/schemas', () => {
    const events = webhookEvents(document);
    expect(events.length).toBeGreaterThanOrEqual(40);
    const [session] = webhookExamples(document, 'session.created') as Array<{ type: string }>;
    expect(session?.type).toBe('session.created');
  });

  it('opens enums but keeps discriminator properties literal', () => {
    const { document: events } = eventDocument(document);
    const schemas = events['components'].schemas;
    expect(schemas.Session.properties.status['x-speakeasy-unknown-values']).toBe('allow');
    expect(schemas.verification_otp.properties.object['x-speakeasy-unknown-values']).toBeUndefined();
  });

  it('refuses a spec whose component name collides with an event type name', () => {
    const clash = structuredClone(document);
    clash['components'].schemas.UserCreatedEvent = { type: 'object' };
    expect(() => eventDocument(clash)).toThrow(/UserCreatedEvent already exists/);
  });

  it('keeps zod out of clerk-bapi/webhooks: the event table and shapes never import it', async () => {
    const { emitWebhooksWithEvents } = await import('../../scripts/gen/emit-webhooks.js');
    const { files } = await emitWebhooksWithEvents(document, 'test');
    for (const name of ['webhooks-events.ts', 'webhooks-shapes.ts']) {
      expect(files[name], name).not.toMatch(/from 'zod(\/[a-z]+)?'/);
      expect(files[name], name).not.toMatch(/webhooks-schemas\.js/);
    }
  });

  it('prints shapes that accept exactly what the zod schemas accept, on examples and their mutations', async () => {
    let compared = 0;
    for (const [type, def] of webhookEventDefs) {
      for (const example of webhookExamples(document, type) as Json[]) {
        for (const value of [example, ...mutations(example)]) {
          expect(await agree(eventTypeName(type), def, value), `${type}: ${JSON.stringify(value).slice(0, 300)}`).toBe(true);
          compared++;
        }
      }
    }
    expect(await agree('WebhookEventPayload', envelopeDef, { type: 'x' })).toBe(true);
    expect(compared).toBeGreaterThan(5000);
  }, 120_000);
});
