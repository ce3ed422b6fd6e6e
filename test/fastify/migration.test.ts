// What @clerk/fastify users expect: `hookName`, the environment-configured clerkClient, the re-exported core
// functions, and verifyWebhook(request) reading CLERK_WEBHOOK_SIGNING_SECRET.
import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as adapter from '../../src/fastify/index.js';
import { getRequestState } from '../../src/fastify/index.js';
import { authenticateRequest, verifyToken } from '../../src/auth/index.js';
import { createClerkClient } from '../../src/index.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';
import { SECRET, now, signDelivery } from '../webhooks/helpers/deliveries.js';

const { clerkPlugin, getAuth, verifyWebhook } = adapter;
const key = testKey();
const token = sessionToken(key);

afterEach(() => vi.unstubAllEnvs());

/** An app whose own onRequest hook (added after the plugin) reports what auth it sees. */
async function appWith(options: Record<string, unknown>) {
  const app = Fastify();
  await app.register(clerkPlugin, { jwtKey: key.pem, now: () => NOW_MS, ...options });
  const seen: Array<string | null> = [];
  app.addHook(
    'onRequest',
    async (request) => void seen.push(getRequestState(request) === undefined ? null : (getAuth(request).userId ?? null)),
  );
  app.get('/me', async (request) => ({ userId: getAuth(request).userId ?? null }));
  return { app, seen };
}

describe('clerk-bapi/fastify for @clerk/fastify users', () => {
  it("hookName: 'onRequest' authenticates before later onRequest hooks; the default waits for preHandler", async () => {
    for (const [options, expected] of [
      [{ hookName: 'onRequest' }, 'user_2abc'],
      [{ hookName: 'preHandler' }, null],
      [{}, null],
    ] as const) {
      const { app, seen } = await appWith(options);
      const response = await app.inject({ url: '/me', headers: { authorization: `Bearer ${token}` } });
      expect(response.json()).toEqual({ userId: 'user_2abc' });
      expect(seen, JSON.stringify(options)).toEqual([expected]);
      await app.close();
    }
  });

  it('refuses an unknown hookName at registration', async () => {
    const app = Fastify();
    await expect(app.register(clerkPlugin, { jwtKey: key.pem, hookName: 'onSend' as never })).rejects.toThrow(
      /clerkPlugin: The hookName option must be 'onRequest' or 'preHandler'/,
    );
  });

  it('re-exports createClerkClient, verifyToken and authenticateRequest, and a lazy clerkClient', () => {
    expect(adapter.createClerkClient).toBe(createClerkClient);
    expect(adapter.verifyToken).toBe(verifyToken);
    expect(adapter.authenticateRequest).toBe(authenticateRequest);
    vi.stubEnv('CLERK_SECRET_KEY', '');
    expect(() => adapter.clerkClient.users).toThrow(/CLERK_SECRET_KEY/);
    vi.stubEnv('CLERK_SECRET_KEY', 'sk_test_fastifyenvclient0123456789');
    vi.stubEnv('CLERK_API_VERSION', 'v9');
    expect(adapter.clerkClient.toJSON()).toMatchObject({ apiUrl: 'https://api.clerk.com', apiVersion: 'v9' });
  });

  it('clerkClient.authenticateRequest takes CLERK_JWT_KEY from the environment (networkless), options winning', async () => {
    vi.stubEnv('CLERK_SECRET_KEY', 'sk_test_fastifyenvclient0123456789');
    vi.stubEnv('CLERK_JWT_KEY', key.pem);
    const request = new Request('https://app.example.com/me', { headers: { authorization: `Bearer ${token}` } });
    const state = await adapter.clerkClient.authenticateRequest(request, { now: () => NOW_MS });
    expect(state.status).toBe('signed-in');
    expect(state.toAuth()).toMatchObject({ userId: 'user_2abc' });
    const other = testKey('ins_other');
    const refused = await adapter.clerkClient.authenticateRequest(request, { now: () => NOW_MS, jwtKey: other.pem });
    expect(refused.status).toBe('signed-out');
  });

  it('verifyWebhook(request) reads CLERK_WEBHOOK_SIGNING_SECRET, with a string body parser on the route', async () => {
    const app = Fastify();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    app.post('/webhooks', async (request, reply) => {
      const { data: event, errors } = await verifyWebhook(request, { now });
      if (errors) return reply.code(400).send({ error: errors[0].code });
      return { type: event.type };
    });
    const delivery = signDelivery(JSON.stringify({ object: 'event', type: 'widget.made', timestamp: 1, instance_id: 'ins_1', data: {} }));
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/webhooks',
        headers: { ...delivery.headers, 'content-type': 'application/json' },
        payload: delivery.body,
      });
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', SECRET);
    expect((await post()).json()).toEqual({ type: 'widget.made' });
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', '');
    expect((await post()).json()).toEqual({ error: 'secret_invalid' });
    await app.close();
  });

  it('verifyWebhook refuses a body Fastify parsed into an object', async () => {
    const app = Fastify();
    app.post('/webhooks', async (request) => (await verifyWebhook(request, { signingSecret: SECRET, now })).errors?.[0].code);
    const delivery = signDelivery('{"object":"event","type":"x","timestamp":1,"instance_id":"i","data":{}}');
    const response = await app.inject({ method: 'POST', url: '/webhooks', headers: delivery.headers, payload: JSON.parse(delivery.body) });
    expect(response.body).toBe('body_not_raw');
    await app.close();
  });
});
