// The multi-domain settings the adapters read from the environment when the options leave them out, as
// @clerk/express and @clerk/fastify do: CLERK_SIGN_IN_URL, CLERK_DOMAIN, CLERK_PROXY_URL, CLERK_IS_SATELLITE.
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticateRequestOptions } from '../../src/auth/index.js';
import { clerkMiddleware, requireAuth } from '../../src/express/index.js';
import { clerkPlugin, requireAuth as fastifyRequireAuth } from '../../src/fastify/index.js';
import { cookieHeader, key, NOW_MS, PK_LIVE } from '../auth/request/handshake/helpers.js';

const base = { jwtKey: key.pem, publishableKey: PK_LIVE, now: () => NOW_MS };
/** A first page load of a production satellite that asks to sync (`__clerk_synced=false`). */
const satelliteSync = {
  path: '/path?__clerk_synced=false',
  headers: {
    'sec-fetch-dest': 'document',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'satellite.example',
    cookie: cookieHeader({ __client_uat: '0' }),
  },
};
const pageLoad = { 'sec-fetch-dest': 'document', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example.com' };

afterEach(() => {
  vi.unstubAllEnvs();
});

async function expressApp(options: Parameters<typeof clerkMiddleware>[0]): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(clerkMiddleware(options));
  app.get('/path', requireAuth({ redirectToSignIn: true }), (_req, res) => res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function fastifyApp(options: AuthenticateRequestOptions) {
  const app = Fastify();
  await app.register(clerkPlugin, options);
  app.get('/path', { preHandler: fastifyRequireAuth({ redirectToSignIn: true }) }, async () => ({ ok: true }));
  return app;
}

describe('adapters: CLERK_SIGN_IN_URL', () => {
  it('is where Express requireAuth({ redirectToSignIn }) sends a signed-out page load when no option names one', async () => {
    vi.stubEnv('CLERK_SIGN_IN_URL', '/login');
    const app = await expressApp(base);
    try {
      const response = await fetch(`${app.url}/path`, { redirect: 'manual', headers: pageLoad });
      expect(response.status).toBe(307);
      expect(response.headers.get('location')).toBe(`/login?redirect_url=${encodeURIComponent('https://app.example.com/path')}`);
    } finally {
      await app.close();
    }
  });

  it('is where Fastify requireAuth({ redirectToSignIn }) sends one too, and an option still wins over it', async () => {
    vi.stubEnv('CLERK_SIGN_IN_URL', '/login');
    const fromEnv = await fastifyApp(base);
    const fromOption = await fastifyApp({ ...base, signInUrl: '/sign-in' });
    const [envAnswer, optionAnswer] = await Promise.all([
      fromEnv.inject({ url: '/path', headers: pageLoad }),
      fromOption.inject({ url: '/path', headers: pageLoad }),
    ]);
    expect(envAnswer.statusCode).toBe(307);
    expect(envAnswer.headers['location']).toMatch(/^\/login\?redirect_url=/);
    expect(optionAnswer.headers['location']).toMatch(/^\/sign-in\?redirect_url=/);
    await Promise.all([fromEnv.close(), fromOption.close()]);
  });
});

describe('adapters: CLERK_IS_SATELLITE and CLERK_DOMAIN', () => {
  it('make a production satellite that syncs through clerk.<domain>, exactly as the options would', async () => {
    const plain = await fastifyApp(base);
    const byOptions = await fastifyApp({ ...base, isSatellite: true, domain: 'satellite.example' });
    vi.stubEnv('CLERK_IS_SATELLITE', 'true');
    vi.stubEnv('CLERK_DOMAIN', 'satellite.example');
    const byEnv = await fastifyApp(base);
    const answers = await Promise.all(
      [plain, byOptions, byEnv].map((app) => app.inject({ url: satelliteSync.path, headers: satelliteSync.headers })),
    );
    const [notSatellite, optionSatellite, envSatellite] = answers.map((answer) => ({
      status: answer.statusCode,
      location: answer.headers['location'],
      reason: answer.headers['x-clerk-auth-reason'],
    }));
    expect(new URL(String(optionSatellite!.location)).origin).toBe('https://clerk.satellite.example');
    expect(envSatellite).toEqual(optionSatellite);
    expect(notSatellite!.location).toBeUndefined();
    await Promise.all([plain, byOptions, byEnv].map((app) => app.close()));
  });

  it.each([
    ['1', true],
    ['TRUE', true],
    ['false', false],
    ['0', false],
  ])('reads CLERK_IS_SATELLITE=%s as @clerk/express does (satellite: %s)', async (value, satellite) => {
    vi.stubEnv('CLERK_IS_SATELLITE', value);
    vi.stubEnv('CLERK_DOMAIN', 'satellite.example');
    const app = await fastifyApp(base);
    const answer = await app.inject({ url: satelliteSync.path, headers: satelliteSync.headers });
    expect(answer.statusCode === 307 && String(answer.headers['location']).startsWith('https://clerk.satellite.example/')).toBe(satellite);
    await app.close();
  });

  it('refuses at startup a satellite from the environment that has neither CLERK_DOMAIN nor CLERK_PROXY_URL', () => {
    vi.stubEnv('CLERK_IS_SATELLITE', 'true');
    expect(() => clerkMiddleware(base)).toThrow(/domain or a proxyUrl/);
    vi.stubEnv('CLERK_PROXY_URL', 'https://satellite.example/__clerk');
    expect(() => clerkMiddleware(base)).not.toThrow();
  });
});
