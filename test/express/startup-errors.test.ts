import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';

// Issue #25: a new user's configuration mistake fails when the app is put together, naming what to fix, never as
// a 500 or a silent 401 on the first request. Each test loads the adapter afresh: whether a clerkMiddleware() was
// created before is process state.

const key = testKey('ins_startup');
const ALL_KEY_VARIABLES = ['CLERK_SECRET_KEY', 'CLERK_JWT_KEY', 'CLERK_PUBLISHABLE_KEY', 'CLERK_API_URL'];

beforeEach(() => {
  vi.resetModules();
  for (const name of ALL_KEY_VARIABLES) vi.stubEnv(name, '');
});
afterEach(() => vi.unstubAllEnvs());

const loadExpress = () => import('../../src/express/index.js');

describe('requireAuth() with no key configuration at all', () => {
  it('throws a TypeError when it is created, naming the variables and the options', async () => {
    const { requireAuth } = await loadExpress();
    const app = express();
    expect(() => app.get('/private', requireAuth(), (_req, res) => res.json({}))).toThrow(TypeError);
    expect(() => requireAuth({ has: { role: 'org:admin' } })).toThrow(
      'requireAuth: no key configured. Set CLERK_SECRET_KEY or CLERK_JWT_KEY, or pass secretKey, jwtKey or jwksUrl, or create clerkMiddleware({ … }) before requireAuth()',
    );
    // A publishable key alone verifies nothing.
    vi.stubEnv('CLERK_PUBLISHABLE_KEY', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
    expect(() => requireAuth()).toThrow(/no key configured/);
  });

  it('refuses a key of the wrong shape in the environment at creation too', async () => {
    const { requireAuth } = await loadExpress();
    vi.stubEnv('CLERK_SECRET_KEY', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
    expect(() => requireAuth()).toThrow('requireAuth: The CLERK_SECRET_KEY environment variable is a publishable key');
  });

  it('is fine with keys in the environment, or with a clerkMiddleware() created before it', async () => {
    const { requireAuth, clerkMiddleware } = await loadExpress();
    vi.stubEnv('CLERK_JWT_KEY', key.pem);
    expect(() => requireAuth()).not.toThrow();
    vi.stubEnv('CLERK_JWT_KEY', '');
    expect(() => requireAuth()).toThrow(TypeError);
    const app = express();
    app.use(clerkMiddleware({ jwtKey: key.pem, now: () => NOW_MS }));
    expect(() => app.get('/private', requireAuth(), (_req, res) => res.json({ ok: true }))).not.toThrow();
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/private`, { headers: { authorization: `Bearer ${sessionToken(key)}` } })).status).toBe(200);
      expect((await fetch(`${base}/private`)).status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a secret key of the wrong shape names the adapter and its option', () => {
  it('clerkMiddleware({ secretKey }), requireAuth({ secretKey }) and ClerkExpressWithAuth', async () => {
    const { clerkMiddleware, requireAuth, ClerkExpressWithAuth } = await loadExpress();
    expect(() => clerkMiddleware({ secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' })).toThrow(
      new TypeError('clerkMiddleware: The secretKey option is a publishable key (pk_…); pass the secret key (sk_test_… or sk_live_…).'),
    );
    expect(() => requireAuth({ secretKey: 'sk_test_has space' })).toThrow(
      new TypeError('requireAuth: The secretKey option must be sk_test_ or sk_live_ followed by letters, digits, "_" or "-".'),
    );
    expect(() => ClerkExpressWithAuth({ secretKey: 'clerk_secret' })).toThrow(/^clerkMiddleware: The secretKey option must be sk_test_/);
    for (const make of [() => clerkMiddleware({ secretKey: 'nope' }), () => requireAuth({ secretKey: 'nope' })]) {
      expect(make).toThrow(TypeError);
      expect(make).not.toThrow(/createClerkClient/);
    }
  });

  it('clerkPlugin({ secretKey }) fails the registration, naming clerkPlugin', async () => {
    const { clerkPlugin } = await import('../../src/fastify/index.js');
    const app = Fastify();
    await expect(app.register(clerkPlugin, { secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }).ready()).rejects.toThrow(
      'clerkPlugin: The secretKey option is a publishable key (pk_…)',
    );
  });
});

describe("a new user's Express app with a wrong key", () => {
  it('fails while the app is put together, before it listens, naming the key (environment or option)', async () => {
    vi.stubEnv('CLERK_SECRET_KEY', 'sk_tset_abc123');
    const { clerkMiddleware, requireAuth } = await loadExpress();
    const app = express();
    let listened = false;
    const build = (): void => {
      app.use(clerkMiddleware());
      app.get('/me', requireAuth(), (_req, res) => res.json({}));
      listened = true;
    };
    expect(build).toThrow(
      'clerkMiddleware: The CLERK_SECRET_KEY environment variable must be sk_test_ or sk_live_ followed by letters, digits, "_" or "-".',
    );
    expect(build).not.toThrow(/\.\.$/);
    expect(listened).toBe(false);
    vi.stubEnv('CLERK_SECRET_KEY', '');
    expect(() => app.use(clerkMiddleware({ jwtKey: 'sk_test_pasted_by_mistake' }))).toThrow(
      'clerkMiddleware: The jwtKey option is a secret key (sk_…), not a public key: pass it as secretKey.',
    );
  });
});

describe('through the adapter, a failing JWKS endpoint reaches the configured logger once per window', () => {
  it('clerkMiddleware({ secretKey, logger }): ten requests, one warning, no secret in it', async () => {
    const { clerkMiddleware, getRequestState } = await loadExpress();
    const warnings: unknown[][] = [];
    const logger = { warn: (...args: unknown[]) => void warnings.push(args) };
    const secretKey = 'sk_test_adapterlog1';
    const down = (async () => new Response('bad gateway', { status: 502 })) as typeof fetch;
    let now = NOW_MS;
    const app = express();
    app.use(clerkMiddleware({ secretKey, fetch: down, logger, now: () => now }));
    app.get('/me', (req, res) => res.json({ reason: getRequestState(req)?.reason }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (let i = 0; i < 10; i++) {
        const response = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${sessionToken(key)}` } });
        expect(await response.json()).toEqual({ reason: 'jwks_fetch_failed' });
        now += 3_000;
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[1]).toMatchObject({ code: 'jwks_fetch_failed', status: 502 });
    expect(JSON.stringify(warnings)).not.toContain(secretKey);
  });
});
