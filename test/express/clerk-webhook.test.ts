// A real Express server on 127.0.0.1 receives svix-signed deliveries of every event type of the webhooks
// spec (built from its examples); each reaches the handler typed and validated.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webhookExamples } from '../../scripts/gen/emit-webhooks.js';
import { loadWebhooksSpec } from '../../scripts/spec/load-spec.js';
import { clerkWebhook, type ClerkWebhookContext } from '../../src/express/index.js';
import { knownWebhookEventTypes, type WebhookEvent } from '../../src/webhooks/index.js';
import { SECRET, now, signDelivery, unknownEventBody } from '../webhooks/helpers/deliveries.js';

const received: Array<{ event: WebhookEvent; webhookId: string }> = [];
const failing = vi.fn();
let server: Server;
let base: string;
let document: Record<string, any>;

beforeAll(async () => {
  document = (await loadWebhooksSpec()).document;
  const app = express();
  const options = { signingSecret: SECRET, now };
  app.post(
    '/webhooks/clerk',
    clerkWebhook(options, (event, { webhookId }: ClerkWebhookContext) => void received.push({ event, webhookId })),
  );
  app.post(
    '/webhooks/raw',
    express.raw({ type: 'application/json' }),
    clerkWebhook(options, () => undefined),
  );
  app.post(
    '/webhooks/parsed',
    express.json(),
    clerkWebhook(options, () => undefined),
  );
  app.post(
    '/webhooks/throws',
    clerkWebhook({ ...options, onError: failing }, () => Promise.reject(new Error('database down'))),
  );
  app.post(
    '/webhooks/replies',
    clerkWebhook(options, (_event, { res }) => void res.status(202).send('queued')),
  );
  app.post(
    '/webhooks/small',
    clerkWebhook({ ...options, maxBodyBytes: 64 }, () => undefined),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('clerkWebhook on a real Express server', () => {
  it('delivers every event type of the webhooks spec to the handler, typed and validated', async () => {
    received.length = 0;
    const sent: string[] = [];
    for (const type of knownWebhookEventTypes) {
      for (const [index, example] of webhookExamples(document, type).entries()) {
        const delivery = signDelivery(JSON.stringify(example, null, 2), { id: `msg_${type}_${index}` });
        const response = await post('/webhooks/clerk', delivery.body, delivery.headers);
        expect(response.status, `${type}: ${await response.clone().text()}`).toBe(200);
        sent.push(type);
      }
    }
    expect(received.map(({ event }) => event.type)).toEqual(sent);
    expect(new Set(sent)).toEqual(new Set(knownWebhookEventTypes));
    const user = received.find(({ event }) => event.type === 'user.created');
    expect(user?.webhookId).toBe('msg_user.created_0');
    if (user?.event.type === 'user.created') expect(typeof user.event.data.id).toBe('string');
  });

  it('answers 400 for a bad signature, without calling the handler', async () => {
    received.length = 0;
    const delivery = signDelivery(unknownEventBody());
    const response = await post('/webhooks/clerk', delivery.body, { ...delivery.headers, 'svix-signature': 'v1,AAAA' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'signature_invalid' });
    expect(received).toHaveLength(0);
  });

  it('answers 400 for missing headers and for an event whose data is not an object', async () => {
    expect((await post('/webhooks/clerk', unknownEventBody(), {})).status).toBe(400);
    const delivery = signDelivery(
      JSON.stringify({ type: 'user.created', object: 'event', timestamp: 1, instance_id: 'ins_1', data: 'user_1' }),
    );
    const response = await post('/webhooks/clerk', delivery.body, delivery.headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'event_invalid' });
  });

  it('answers 500 when the handler throws, so that Clerk retries', async () => {
    const delivery = signDelivery(unknownEventBody());
    const response = await post('/webhooks/throws', delivery.body, delivery.headers);
    expect(response.status).toBe(500);
    expect(failing).toHaveBeenCalledWith(expect.objectContaining({ message: 'database down' }), expect.anything());
  });

  it('works behind express.raw()', async () => {
    const delivery = signDelivery(unknownEventBody());
    expect((await post('/webhooks/raw', delivery.body, delivery.headers)).status).toBe(200);
  });

  it('refuses a body parsed by express.json() with a clear 500 instead of re-serialising it', async () => {
    const delivery = signDelivery(unknownEventBody());
    const response = await post('/webhooks/parsed', delivery.body, delivery.headers);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).toBe('body_not_raw');
    expect(body.message).toMatch(/express\.raw/);
  });

  it("keeps the handler's own response", async () => {
    const delivery = signDelivery(unknownEventBody());
    const response = await post('/webhooks/replies', delivery.body, delivery.headers);
    expect([response.status, await response.text()]).toEqual([202, 'queued']);
  });

  it('answers 413 for a body over maxBodyBytes', async () => {
    const delivery = signDelivery(unknownEventBody());
    expect((await post('/webhooks/small', delivery.body, delivery.headers)).status).toBe(413);
  });
});

describe('clerkWebhook options', () => {
  it('reads CLERK_WEBHOOK_SIGNING_SECRET when no secret is given', () => {
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', SECRET);
    try {
      expect(typeof clerkWebhook({}, () => undefined)).toBe('function');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('throws a TypeError at construction when there is no secret at all, without quoting anything secret', () => {
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', '');
    try {
      expect(() => clerkWebhook({}, () => undefined)).toThrow(TypeError);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
