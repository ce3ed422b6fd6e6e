import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { authenticateRequest, createRequestAuthenticator, createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { createClerkClient } from '../../src/index.js';
import { clerkMiddleware, requireAuth } from '../../src/express/index.js';
import { clerkWebhook } from '../../src/express/clerk-webhook.js';
import { clerkPlugin } from '../../src/fastify/index.js';
import { createWebAuth } from '../../src/web/index.js';
import { createWebhookVerifier, verifyWebhook } from '../../src/webhooks/index.js';
import { checkOptions, closestName, findOptionProblem, oneOf, range, type OptionTable } from '../../src/kernel/check-options.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';

// One mechanism for every component's options: a table per component, one TypeError shape at construction,
// and unknown names refused with the closest known one, so that a typo never switches a check off.

const table: OptionTable = {
  authorizedParties: [(value) => Array.isArray(value), 'a list'],
  clockSkewInMs: range(0, 300_000),
  mode: oneOf(['error', 'warn', 'off']),
  secretKey: null,
};

describe('checkOptions', () => {
  it('refuses an unknown option with the closest known name', () => {
    expect(() => checkOptions('demo', { authorisedParties: ['https://a.example'] }, table)).toThrow(
      new TypeError('demo: Unknown option `authorisedParties` — did you mean `authorizedParties`?'),
    );
    expect(() => checkOptions('demo', { secretkey: 'x' }, table)).toThrow('did you mean `secretKey`?');
  });

  it('refuses an unknown option far from every known name without a suggestion', () => {
    expect(() => checkOptions('demo', { colour: 'red' }, table)).toThrow(new TypeError('demo: Unknown option `colour`.'));
  });

  it('names the option and its expected range, type or values, never the value', () => {
    expect(() => checkOptions('demo', { clockSkewInMs: 'sk_test_secret' }, table)).toThrow(
      new TypeError('demo: The clockSkewInMs option must be a number of milliseconds from 0 to 300000.'),
    );
    expect(() => checkOptions('demo', { mode: 'strict' }, table)).toThrow("The mode option must be 'error', 'warn' or 'off'.");
    expect(() => checkOptions('demo', { clockSkewInMs: Number.NaN }, table)).toThrow(/clockSkewInMs/);
  });

  it('accepts known options, undefined values and a null-rule option of any value', () => {
    expect(() => checkOptions('demo', { clockSkewInMs: 0, mode: undefined, secretKey: 42 }, table)).not.toThrow();
    expect(() => checkOptions('demo', undefined, table)).not.toThrow();
  });

  it('refuses options that are not an object, and names a nested object by its prefix', () => {
    expect(() => checkOptions('demo', 'x', table)).toThrow(new TypeError('demo: The options must be an object.'));
    expect(() => checkOptions('demo', 1, table, 'backoff.')).toThrow(new TypeError('demo: The backoff option must be an object.'));
    expect(findOptionProblem({ clockSkewInMs: -1 }, table, 'outer.')).toEqual({
      option: 'outer.clockSkewInMs',
      message: 'The outer.clockSkewInMs option must be a number of milliseconds from 0 to 300000.',
    });
  });

  it('reads a class instance through its getters and does not take its fields for options', () => {
    class Options {
      constructor(private readonly skew: number) {}
      get clockSkewInMs(): number {
        return this.skew;
      }
    }
    expect(findOptionProblem(new Options(10), table)).toBeUndefined();
    expect(findOptionProblem(new Options(-1), table)?.option).toBe('clockSkewInMs');
  });

  it('suggests by case-insensitive edit distance, within a third of the name', () => {
    expect(closestName('JWTKEY', ['jwtKey', 'apiUrl'])).toBe('jwtKey');
    expect(closestName('apiURL', ['jwtKey', 'apiUrl'])).toBe('apiUrl');
    expect(closestName('zzzzzz', ['jwtKey', 'apiUrl'])).toBeUndefined();
  });
});

describe('unknown options are refused by every component', () => {
  const key = testKey();
  const jwtKey = key.pem;
  const misspelt = { authorisedParties: ['https://app.example.com'] };
  const HINT = 'Unknown option `authorisedParties` — did you mean `authorizedParties`?';

  it('createClerkClient', () => {
    expect(() => createClerkClient({ secretKey: 'sk_test_abc', timeoutMS: 5 } as never)).toThrow(
      new TypeError('createClerkClient: Unknown option `timeoutMS` — did you mean `timeoutMs`?'),
    );
    expect(() => createClerkClient({ secretKey: 'sk_test_abc', backoff: { maxDelay: 1 } } as never)).toThrow(
      'createClerkClient: Unknown option `backoff.maxDelay` — did you mean `backoff.maxDelayMs`?',
    );
  });

  it('createTokenVerifier and verifyToken', async () => {
    expect(() => createTokenVerifier({ jwtKey, ...misspelt } as never)).toThrow(new TypeError(`createTokenVerifier: ${HINT}`));
    const result = await verifyToken(sessionToken(key), { jwtKey, now: () => NOW_MS, ...misspelt } as never);
    expect(result.errors).toEqual([{ code: 'options_invalid', message: HINT, meta: { option: 'authorisedParties' } }]);
  });

  it('createRequestAuthenticator and authenticateRequest: the origin check is never switched off in silence', async () => {
    expect(() => createRequestAuthenticator({ jwtKey, ...misspelt } as never)).toThrow(
      new TypeError(`createRequestAuthenticator: ${HINT}`),
    );
    const request = new Request('https://api.example.com/', { headers: { authorization: `Bearer ${sessionToken(key)}` } });
    const state = await authenticateRequest(request, { jwtKey, now: () => NOW_MS, ...misspelt } as never);
    expect(state).toMatchObject({ status: 'signed-out', reason: 'options_invalid' });
  });

  it('clerkMiddleware and requireAuth', () => {
    expect(() => clerkMiddleware({ jwtKey, ...misspelt } as never)).toThrow(new TypeError(`clerkMiddleware: ${HINT}`));
    expect(() => requireAuth({ jwtKey, ...misspelt } as never)).toThrow(new TypeError(`requireAuth: ${HINT}`));
    expect(() => requireAuth({ hass: { role: 'org:admin' } } as never)).toThrow('requireAuth: Unknown option `hass` — did you mean `has`?');
    // `has` alone is a known option; the keys come from a clerkMiddleware() created before it.
    expect(() => clerkMiddleware({ jwtKey })).not.toThrow();
    expect(() => requireAuth({ has: { role: 'org:admin' } })).not.toThrow();
  });

  it('the Fastify plugin, which knows hookName and Fastify’s own register options', async () => {
    const app = Fastify();
    await expect(app.register(clerkPlugin, { jwtKey, ...misspelt } as never).ready()).rejects.toThrow(`clerkPlugin: ${HINT}`);
    const other = Fastify();
    await expect(other.register(clerkPlugin, { jwtKey, hookName: 'onSend' } as never).ready()).rejects.toThrow(
      "clerkPlugin: The hookName option must be 'onRequest' or 'preHandler'.",
    );
    const fine = Fastify();
    await expect(fine.register(clerkPlugin, { jwtKey, hookName: 'preHandler', prefix: '/api' }).ready()).resolves.toBeDefined();
    await Promise.all([app.close(), other.close(), fine.close()]);
  });

  it('the web adapter', () => {
    expect(() => createWebAuth({ jwtKey, ...misspelt } as never)).toThrow(new TypeError(`createWebAuth: ${HINT}`));
    const web = createWebAuth({ jwtKey });
    expect(() => web.honoMiddleware({ hass: {} } as never)).toThrow('honoMiddleware: Unknown option `hass` — did you mean `has`?');
  });

  it('webhooks: the verifier throws at construction, verifyWebhook gives options_invalid, the Express route throws', async () => {
    const signingSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(() => createWebhookVerifier({ signingSecret, tolerance: 5 } as never)).toThrow(
      new TypeError('createWebhookVerifier: Unknown option `tolerance`.'),
    );
    expect(() => createWebhookVerifier({ signingSecret, toleranceInSecond: 5 } as never)).toThrow('did you mean `toleranceInSeconds`?');
    const result = await verifyWebhook({ headers: {}, rawBody: '' }, { signingSecret, eventValidaton: 'off' } as never);
    expect(result.errors?.[0]).toMatchObject({ code: 'options_invalid', meta: { option: 'eventValidaton' } });
    expect(() => clerkWebhook({ signingSecret, maxBodyByte: 1 } as never, () => undefined)).toThrow(
      'clerkWebhook: Unknown option `maxBodyByte` — did you mean `maxBodyBytes`?',
    );
  });
});

describe('getAuth without the middleware', () => {
  it('throws a clear error on Express and Fastify requests the middleware never saw', async () => {
    const express = await import('../../src/express/index.js');
    const fastify = await import('../../src/fastify/index.js');
    expect(() => express.getAuth({ headers: {} })).toThrow(/getAuth: no auth on this request\. Add clerkMiddleware\(\)/);
    expect(() => fastify.getAuth({ headers: {}, url: '/' })).toThrow(/register clerkPlugin/);
  });
});
