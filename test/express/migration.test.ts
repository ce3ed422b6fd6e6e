// What @clerk/express users expect of the adapter: the environment-configured clerkClient, the re-exported
// core functions, `req.auth()` as a function (the object form kept), and verifyWebhook(req) reading its secret
// from CLERK_WEBHOOK_SIGNING_SECRET.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as adapter from '../../src/express/index.js';
import { authenticateRequest, verifyToken } from '../../src/auth/index.js';
import { createClerkClient } from '../../src/index.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';
import { SECRET, now, signDelivery } from '../webhooks/helpers/deliveries.js';

const { clerkMiddleware, clerkClient, getAuth, verifyWebhook } = adapter;
const key = testKey();
const token = sessionToken(key, { org_id: 'org_1', org_role: 'org:admin' });
const SECRET_KEY = 'sk_test_expressenvclient0123456789';

let server: Server;
let base: string;

async function listen(app: (req: never, res: never) => void): Promise<[Server, string]> {
  const s = createServer(app as never);
  s.listen(0, '127.0.0.1');
  await new Promise((resolve) => s.once('listening', resolve));
  return [s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`];
}

beforeAll(async () => {
  const app = express();
  app.post('/webhooks', async (req, res) => {
    const { data: event, errors } = await verifyWebhook(req, { now });
    if (errors) return void res.status(400).json({ error: errors[0].code, message: errors[0].message });
    res.json({ type: event.type });
  });
  app.use(clerkMiddleware({ jwtKey: key.pem, now: () => NOW_MS, acceptsToken: 'any' }));
  app.get('/auth', (req, res) => {
    res.json({
      called: req.auth().userId ?? null,
      object: req.auth.userId ?? null,
      orgRole: req.auth.orgRole ?? null,
      isFunction: typeof req.auth === 'function',
      serialised: JSON.parse(JSON.stringify(req.auth)).userId ?? null,
      getAuth: getAuth(req).userId ?? null,
      same: getAuth(req) === req.auth({ acceptsToken: 'any' }),
      has: req.auth.has({ role: 'org:admin' }),
    });
  });
  [server, base] = await listen(app as never);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

describe('clerk-bapi/express for @clerk/express users', () => {
  it('re-exports createClerkClient, verifyToken and authenticateRequest', () => {
    expect(adapter.createClerkClient).toBe(createClerkClient);
    expect(adapter.verifyToken).toBe(verifyToken);
    expect(adapter.authenticateRequest).toBe(authenticateRequest);
  });

  it('req.auth() is a function and req.auth.userId still works', async () => {
    const body = await (await fetch(`${base}/auth`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(body).toEqual({
      called: 'user_2abc',
      object: 'user_2abc',
      orgRole: 'org:admin',
      isFunction: true,
      serialised: 'user_2abc',
      getAuth: 'user_2abc',
      same: true,
      has: true,
    });
    const signedOut = await (await fetch(`${base}/auth`)).json();
    expect(signedOut).toMatchObject({ called: null, object: null, isFunction: true, has: false });
  });

  it('req.auth() returns a session object for a machine token unless acceptsToken lets it in', async () => {
    const { storeAuth } = await import('../../src/node/adapter-auth.js');
    const { signedInState } = await import('../../src/auth/request/request-state.js');
    const { machineAuthObject, toMachineAuthData } = await import('../../src/auth/request/machine-auth-object.js');
    const machine = machineAuthObject(
      toMachineAuthData('api_key', { id: 'ak_1', subject: 'user_9', scopes: [], claims: undefined, name: 'ci' }),
      'ak_secret',
    );
    const req: adapter.ExpressLikeRequest = { headers: {} };
    storeAuth(
      req,
      signedInState('ak_secret', 'api_key', () => machine),
    );
    const auth = req.auth as adapter.RequestAuth;
    expect(auth().tokenType).toBe('session_token');
    expect(auth().isAuthenticated).toBe(false);
    expect(auth({ acceptsToken: 'api_key' })).toBe(machine);
    // The object form still reads the machine fields, an API key's `name` over the function's own.
    expect(auth.tokenType).toBe('api_key');
    expect((auth as unknown as { name: string }).name).toBe('ci');
    expect(Object.isFrozen(auth)).toBe(true);
    expect(inspect(auth)).not.toContain('ak_secret');
    expect(JSON.stringify(auth)).not.toContain('ak_secret');
  });

  it('clerkClient reads CLERK_SECRET_KEY and CLERK_API_URL on first use, not at import', async () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    expect(() => clerkClient.users).toThrow(/clerkClient: CLERK_SECRET_KEY is not set/);
    const seen: Array<{ url: string | undefined; authorization: string | undefined }> = [];
    const [api, apiUrl] = await listen(((
      req: { url: string; headers: Record<string, string> },
      res: { setHeader: Function; end: Function },
    ) => {
      seen.push({ url: req.url, authorization: req.headers['authorization'] });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ object: 'total_count', total_count: 7 }));
    }) as never);
    try {
      vi.stubEnv('CLERK_SECRET_KEY', SECRET_KEY);
      vi.stubEnv('CLERK_API_URL', apiUrl);
      const result = await clerkClient.users.getUsersCount();
      expect(result.data).toEqual({ object: 'total_count', total_count: 7 });
      expect(seen).toEqual([{ url: '/v1/users/count', authorization: `Bearer ${SECRET_KEY}` }]);
      expect(clerkClient.toJSON()).toMatchObject({ apiUrl });
      expect(typeof clerkClient.authenticateRequest).toBe('function');
      expect('users' in clerkClient).toBe(true);
      expect(Object.keys(clerkClient)).toContain('users');
      expect(inspect(clerkClient)).not.toContain(SECRET_KEY);
      expect(JSON.stringify(clerkClient)).not.toContain(SECRET_KEY);
      // Created once: a later change of the environment does not swap the client under running code.
      vi.stubEnv('CLERK_API_URL', 'http://127.0.0.1:1');
      expect(clerkClient.toJSON()).toMatchObject({ apiUrl });
    } finally {
      await new Promise((resolve) => api.close(resolve));
    }
  });

  it('verifyWebhook(req) reads CLERK_WEBHOOK_SIGNING_SECRET and the raw body', async () => {
    const delivery = signDelivery(JSON.stringify({ object: 'event', type: 'widget.made', timestamp: 1, instance_id: 'ins_1', data: {} }));
    const post = () =>
      fetch(`${base}/webhooks`, {
        method: 'POST',
        headers: { ...delivery.headers, 'content-type': 'application/json' },
        body: delivery.body,
      });
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', SECRET);
    const ok = await post();
    expect(await ok.json()).toEqual({ type: 'widget.made' });
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', '');
    const missing = await (await post()).json();
    expect(missing).toMatchObject({ error: 'secret_invalid' });
    expect(missing.message).toContain('CLERK_WEBHOOK_SIGNING_SECRET');
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', 'whsec_' + Buffer.from('another secret of 24 byte').toString('base64'));
    expect(await (await post()).json()).toMatchObject({ error: 'signature_invalid' });
  });

  it('verifyWebhook takes a Fetch Request too, and an explicit secret over the environment', async () => {
    vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', 'whsec_' + Buffer.from('another secret of 24 byte').toString('base64'));
    const delivery = signDelivery(JSON.stringify({ object: 'event', type: 'widget.made', timestamp: 1, instance_id: 'ins_1', data: {} }));
    const request = new Request('https://app.example.com/webhooks', { method: 'POST', headers: delivery.headers, body: delivery.body });
    const result = await verifyWebhook(request, { signingSecret: SECRET, now });
    expect(result.data?.type).toBe('widget.made');
  });
});
