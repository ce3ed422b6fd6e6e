// Issue #22 items 1, 6 and 7 over real HTTP (SECURITY G.43, G.46): Express and Fastify read _clerk_session_id as
// the application does, refuse two Authorization header lines, and route-level checks inherit app options.
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clerkMiddleware, clerkWebhook, getAuth, getRequestState, requireAuth, verifyWebhook } from '../../src/express/index.js';
import { clerkPlugin, getRequestState as getFastifyState } from '../../src/fastify/index.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';

const key = testKey();
const forger = testKey('ins_forger');
const PARTY = 'https://app.example.com';
const tokenOfA = sessionToken(key, { sid: 'sess_A' });
const forged = sessionToken(forger, { sub: 'user_evil' });
const foreignParty = sessionToken(key, { azp: 'https://evil.example' });

let server: Server;
let expressBase: string;
let fastify: FastifyInstance;
let fastifyBase: string;

beforeAll(async () => {
  // A route-level requireAuth with options of its own falls back on the environment for keys: set one, so
  // that only the inheritance of the app's options is under test.
  vi.stubEnv('CLERK_JWT_KEY', key.pem);
  const app = express();
  app.use(clerkMiddleware({ jwtKey: key.pem, now: () => NOW_MS, authorizedParties: [PARTY] }));
  app.get('/me', (req, res) => {
    res.json({ userId: getAuth(req).userId ?? null, reason: getRequestState(req)?.reason ?? null, query: req.query });
  });
  app.get('/machine-or-session', requireAuth({ acceptsToken: ['session_token', 'm2m_token'], now: () => NOW_MS }), (req, res) => {
    res.json({ userId: getAuth(req, { acceptsToken: 'any' }).tokenType });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  expressBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  fastify = Fastify();
  await fastify.register(clerkPlugin, { jwtKey: key.pem, now: () => NOW_MS });
  fastify.get('/me', async (request) => ({ reason: getFastifyState(request)?.reason ?? null, status: getFastifyState(request)?.status }));
  fastifyBase = await fastify.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fastify.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A GET with each header given as separate lines, as fetch cannot send two Authorization lines. */
function rawGet(url: string, headers: Record<string, string | string[]>): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.on('error', reject);
    req.end();
  });
}

describe('_clerk_session_id on Express (issue #22 item 1)', () => {
  it.each(['%5Fclerk_session_id=sess_B', '_clerk_session_i%64=sess_B'])(
    'does not serve session A when the app reads %s as session B',
    async (query) => {
      const { body } = await rawGet(`${expressBase}/me?${query}`, { authorization: `Bearer ${tokenOfA}` });
      // What the application sees: Express decodes the name.
      expect(body['query']).toEqual({ _clerk_session_id: 'sess_B' });
      expect(body['userId']).toBeNull();
      expect(body['reason']).toBe('session_id_mismatch');
    },
  );

  it('refuses a repeated _clerk_session_id (Express gives the app an array)', async () => {
    const { body } = await rawGet(`${expressBase}/me?_clerk_session_id=sess_A&_clerk_session_id=sess_B`, {
      authorization: `Bearer ${tokenOfA}`,
    });
    expect(body['query']).toEqual({ _clerk_session_id: ['sess_A', 'sess_B'] });
    expect(body['reason']).toBe('session_id_mismatch');
  });
});

describe('two Authorization header lines (issue #22 item 7)', () => {
  it('are refused by Express, though Node keeps only the first in req.headers', async () => {
    const { body } = await rawGet(`${expressBase}/me`, { authorization: [`Bearer ${tokenOfA}`, `Bearer ${forged}`] });
    expect(body['userId']).toBeNull();
    expect(body['reason']).toBe('authorization_header_invalid');
    const one = await rawGet(`${expressBase}/me`, { authorization: `Bearer ${tokenOfA}` });
    expect(one.body['userId']).toBe('user_2abc');
  });

  it('are refused by Fastify', async () => {
    const { body } = await rawGet(`${fastifyBase}/me`, { authorization: [`Bearer ${tokenOfA}`, `Bearer ${forged}`] });
    expect(body).toEqual({ reason: 'authorization_header_invalid', status: 'signed-out' });
    expect((await rawGet(`${fastifyBase}/me`, { authorization: `Bearer ${tokenOfA}` })).body['status']).toBe('signed-in');
  });

  it('are refused by Fastify whatever the case of the names', async () => {
    const { port } = new URL(fastifyBase);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenOfA}\r\nAUTHORIZATION: Bearer ${forged}\r\nConnection: close\r\n\r\n`,
        );
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toContain('"reason":"authorization_header_invalid"');
  });
});

describe('requireAuth({ acceptsToken }) inherits the app options (issue #22 item 6)', () => {
  it("refuses a token of a foreign azp the app's authorizedParties refuse", async () => {
    const refused = await rawGet(`${expressBase}/machine-or-session`, { authorization: `Bearer ${foreignParty}` });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain('token_invalid_authorized_party');
    const served = await rawGet(`${expressBase}/machine-or-session`, { authorization: `Bearer ${tokenOfA}` });
    expect(served).toEqual({ status: 200, body: { userId: 'session_token' } });
  });
});

describe('Express webhook helpers check the signature headers before reading a body (issue #22 item 5)', () => {
  function unsignedRequest(headers: Record<string, string>) {
    const touched: string[] = [];
    const req = {
      headers,
      get body(): unknown {
        touched.push('body');
        return undefined;
      },
      get readable(): boolean {
        touched.push('readable');
        return true;
      },
      [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
        touched.push('stream');
        return { next: async () => ({ done: false, value: new Uint8Array(64 * 1024) }) };
      },
    };
    return { req, touched };
  }

  it('verifyWebhook(req) answers headers_missing without touching the body', async () => {
    const { req, touched } = unsignedRequest({ 'content-type': 'application/json', 'svix-id': ' ' });
    const result = await verifyWebhook(req as never, { signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    expect(result.errors?.[0].code).toBe('headers_missing');
    expect(touched).toEqual([]);
  });

  it('clerkWebhook answers 400 headers_missing without touching the body', async () => {
    const { req, touched } = unsignedRequest({ 'content-type': 'application/json' });
    let status = 0;
    let body: unknown;
    const res = {
      headersSent: false,
      status(code: number) {
        status = code;
        return this;
      },
      json(value: unknown) {
        body = value;
        return this;
      },
    };
    const route = clerkWebhook({ signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, () => undefined);
    await route(req as never, res as never, () => undefined);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'headers_missing' });
    expect(touched).toEqual([]);
  });

  it('verifyWebhook(req) reports a body over maxBodyBytes as body_too_large', async () => {
    const headers = { 'svix-id': 'msg_1', 'svix-timestamp': '1', 'svix-signature': 'v1,x' };
    const { req } = unsignedRequest(headers);
    const result = await verifyWebhook(req as never, { signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', maxBodyBytes: 1000 });
    expect(result.errors?.[0].code).toBe('body_too_large');
  });
});
