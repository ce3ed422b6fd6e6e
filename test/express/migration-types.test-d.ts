// Types that @clerk/express, @clerk/clerk-sdk-node and @clerk/backend users rely on.
import type { Request, Response } from 'express';
import { Hono } from 'hono';
import { describe, expectTypeOf, it } from 'vitest';
import type { AuthObject, SessionAuthObject } from '../../src/auth/index.js';
import { getAuth, type LooseAuthProp, type RequireAuthProp, type StrictAuthProp, type WithAuthProp } from '../../src/express/index.js';
import { getAuth as getFastifyAuth, type FastifyLikeRequest } from '../../src/fastify/index.js';
import { createWebAuth, type WebAuthEnv } from '../../src/web/index.js';
import type { UserCreatedEvent, WebhookEvent } from '../../src/webhooks/index.js';

declare global {
  // The application's custom session claims, as an app declares them.
  interface CustomJwtSessionClaims {
    metadata?: { role?: 'admin' | 'member' };
  }
}

declare const req: Request;
declare const fastifyRequest: FastifyLikeRequest;

describe('auth objects without narrowing', () => {
  it('req.auth(), getAuth(req) and the object form give a session object with a readable userId', () => {
    expectTypeOf(req.auth()).toEqualTypeOf<SessionAuthObject>();
    expectTypeOf(req.auth().userId).toEqualTypeOf<string | undefined>();
    expectTypeOf(getAuth(req)).toEqualTypeOf<SessionAuthObject>();
    expectTypeOf(getAuth(req).userId).toEqualTypeOf<string | undefined>();
    expectTypeOf(getAuth(req, { acceptsToken: 'session_token' })).toEqualTypeOf<SessionAuthObject>();
    expectTypeOf(getFastifyAuth(fastifyRequest).orgId).toEqualTypeOf<string | undefined>();
    // The older object form stays typed.
    expectTypeOf(req.auth.isAuthenticated).toEqualTypeOf<boolean>();
    expectTypeOf(req.auth.has).toBeFunction();
    expectTypeOf(req.auth.userId).toEqualTypeOf<string | undefined>();
    expectTypeOf(req.auth.orgRole).toEqualTypeOf<string | undefined>();
  });

  it('machine tokens widen the type to every auth object', () => {
    expectTypeOf(req.auth({ acceptsToken: 'api_key' })).toEqualTypeOf<AuthObject>();
    expectTypeOf(getAuth(req, { acceptsToken: 'any' })).toEqualTypeOf<AuthObject>();
    // @ts-expect-error an M2M token has no userId: narrow on tokenType first
    void getAuth(req, { acceptsToken: 'any' }).userId;
  });

  it('Hono c.get("auth") is a session object, or any auth object when machine tokens are accepted', () => {
    const clerk = createWebAuth({ jwtKey: 'pem' });
    const app = new Hono<WebAuthEnv>();
    app.use('/api/*', clerk.honoMiddleware());
    app.get('/api/me', (c) => {
      expectTypeOf(c.get('auth')).toEqualTypeOf<SessionAuthObject>();
      expectTypeOf(c.get('auth').userId).toEqualTypeOf<string | undefined>();
      return c.json({ userId: c.get('auth').userId ?? null });
    });
    const machines = createWebAuth({ jwtKey: 'pem', acceptsToken: ['session_token', 'api_key'] });
    void machines.withAuth((_request, auth) => {
      expectTypeOf(auth).toEqualTypeOf<AuthObject>();
      return new Response();
    });
    void clerk.withAuth((_request, auth) => {
      expectTypeOf(auth.userId).toEqualTypeOf<string | undefined>();
      return new Response();
    });
    const withMachines = new Hono<WebAuthEnv<AuthObject>>();
    withMachines.use(machines.honoMiddleware());
  });

  it('CustomJwtSessionClaims types sessionClaims', () => {
    expectTypeOf(getAuth(req).sessionClaims?.metadata?.role).toEqualTypeOf<'admin' | 'member' | undefined>();
    expectTypeOf(getAuth(req).sessionClaims?.sub).toEqualTypeOf<string | undefined>();
  });
});

describe('@clerk/clerk-sdk-node request types', () => {
  it('RequireAuthProp and StrictAuthProp give a string userId; WithAuthProp and LooseAuthProp may be signed out', () => {
    const strict = (request: RequireAuthProp<Request>, _res: Response) => request.auth.userId;
    expectTypeOf(strict).returns.toEqualTypeOf<string>();
    expectTypeOf<StrictAuthProp['auth']['sessionId']>().toEqualTypeOf<string>();
    const loose = (request: WithAuthProp<Request>) => request.auth.isAuthenticated;
    expectTypeOf(loose).returns.toEqualTypeOf<boolean>();
    // What the middleware sets fits the old loose type.
    expectTypeOf<Request>().toExtend<LooseAuthProp>();
  });
});

describe('webhook events', () => {
  it('narrow on type to UserCreatedEvent', () => {
    const handle = (event: WebhookEvent) => {
      if (event.type === 'user.created') {
        expectTypeOf(event.data).toEqualTypeOf<UserCreatedEvent['data']>();
        expectTypeOf(event.data.id).toEqualTypeOf<string>();
      }
    };
    void handle;
  });
});
