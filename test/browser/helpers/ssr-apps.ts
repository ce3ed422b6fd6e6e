// Server-rendered apps for the real-browser tests, one per adapter: `clerk-bapi/express`, `clerk-bapi/fastify`
// and `clerk-bapi/web` (on Hono), each with a page that prints the user id the middleware saw and its reason.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fastify from 'fastify';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AuthenticateRequestOptions, RequestState } from '../../../src/auth/index.js';
import { clerkMiddleware, getAuth as getExpressAuth, getRequestState as getExpressState } from '../../../src/express/index.js';
import { clerkPlugin, getAuth as getFastifyAuth, getRequestState as getFastifyState } from '../../../src/fastify/index.js';
import { createWebAuth, handshakeResponse } from '../../../src/web/index.js';

/** One response an app sent, for assertions on redirects. */
export interface AppResponse {
  url: string;
  status: number;
  location: string | undefined;
}

export interface SsrApp {
  readonly name: 'express' | 'fastify' | 'hono';
  /** `http://app.test:<port>`. */
  readonly origin: string;
  readonly responses: AppResponse[];
  /** How many times a route handler ran (a handshake redirect answers before any route). */
  routeRuns(): number;
  close(): Promise<void>;
}

/**
 * What an app serves besides its pages: `proxyTo` mounts a Clerk Frontend API proxy at `/__clerk` that forwards
 * to that origin (the app's `proxyUrl: '/__clerk'`), as an app behind Clerk's proxy setup does.
 */
export interface SsrAppExtras {
  proxyTo?: string | undefined;
}

export type SsrAppFactory = (options: AuthenticateRequestOptions, hostname: string, extras?: SsrAppExtras) => Promise<SsrApp>;

/**
 * Forwards one request under `/__clerk` to the Frontend API with the browser's cookies, and its answer back
 * (status, `Location`, `Set-Cookie`, body). The test app is plain HTTP, so `Secure` is taken off the Frontend API's
 * cookies (`__client`), which a browser would refuse from an `http:` origin; a real proxy runs on HTTPS.
 */
function forwardToFrontendApi(target: string, req: IncomingMessage, res: ServerResponse, path: string): void {
  const url = new URL(path, target);
  // Test host names resolve only inside Chromium (--host-resolver-rules): connect to 127.0.0.1 with the Host header.
  const headers = { host: url.host, cookie: req.headers.cookie ?? '', 'user-agent': req.headers['user-agent'] ?? '' };
  const upstream = httpsRequest(
    { hostname: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: req.method, headers, rejectUnauthorized: false },
    (answer) => {
      res.statusCode = answer.statusCode ?? 502;
      for (const name of ['location', 'content-type', 'cache-control']) {
        const value = answer.headers[name];
        if (typeof value === 'string') res.setHeader(name, value);
      }
      const cookies = answer.headers['set-cookie'];
      if (cookies !== undefined)
        res.setHeader(
          'set-cookie',
          cookies.map((line) => line.replace(/;\s*Secure/gi, '')),
        );
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.statusCode = 502;
    res.end();
  });
  upstream.end();
}

/** The page body: what the browser test reads (ids and slugs only, never user input, so no escaping). */
function page(auth: { userId?: string | null | undefined; orgSlug?: string | null | undefined }, state: RequestState | undefined): string {
  const reason = state?.reason ?? 'none';
  return (
    `<!doctype html><title>app</title><p id="user">${auth.userId ?? 'signed-out'}</p>` +
    `<p id="org">${auth.orgSlug ?? 'none'}</p><p id="reason">${reason}</p>`
  );
}

/** The pages every app serves: plain pages, organization pages and personal-account pages. */
export const PAGE_PATHS = ['/', '/dashboard', '/orgs/:slug', '/orgs/:slug/settings', '/me'];

export const startExpressApp: SsrAppFactory = async (options, hostname, extras = {}) => {
  const responses: AppResponse[] = [];
  let runs = 0;
  const app = express();
  app.use((req, res, next) => {
    // The browser's own favicon requests are not part of any flow under test.
    if (req.originalUrl === '/favicon.ico') return next();
    res.on('finish', () => {
      const location = res.getHeader('location');
      responses.push({ url: req.originalUrl, status: res.statusCode, location: typeof location === 'string' ? location : undefined });
    });
    next();
  });
  // Before clerkMiddleware: the proxy's own requests are the Frontend API's, never the app's page loads.
  const { proxyTo } = extras;
  if (proxyTo !== undefined) app.use('/__clerk', (req, res) => forwardToFrontendApi(proxyTo, req, res, req.url));
  app.use(clerkMiddleware(options));
  app.get(PAGE_PATHS, (req, res) => {
    runs++;
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(page(getExpressAuth(req), getExpressState(req)));
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name: 'express',
    origin: `http://${hostname}:${port}`,
    responses,
    routeRuns: () => runs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export const startFastifyApp: SsrAppFactory = async (options, hostname) => {
  const responses: AppResponse[] = [];
  let runs = 0;
  const app = fastify();
  app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/favicon.ico') return;
    const location = reply.getHeader('location');
    responses.push({ url: request.url, status: reply.statusCode, location: typeof location === 'string' ? location : undefined });
  });
  await app.register(clerkPlugin, options);
  for (const path of PAGE_PATHS) {
    app.get(path, async (request, reply) => {
      runs++;
      return reply
        .header('Cache-Control', 'no-store')
        .type('text/html')
        .send(page(getFastifyAuth(request), getFastifyState(request)));
    });
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = new URL(address).port;
  return { name: 'fastify', origin: `http://${hostname}:${port}`, responses, routeRuns: () => runs, close: () => app.close() };
};

export const startHonoApp: SsrAppFactory = async (options, hostname) => {
  const responses: AppResponse[] = [];
  let runs = 0;
  const clerk = createWebAuth(options);
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const url = new URL(c.req.url);
    if (url.pathname === '/favicon.ico') return;
    responses.push({ url: url.pathname + url.search, status: c.res.status, location: c.res.headers.get('location') ?? undefined });
  });
  for (const path of PAGE_PATHS) {
    app.get(path, async (c) => {
      const state = await clerk.authenticate(c.req.raw);
      // A handshake is answered by the adapter's ready 307 Response; the page never renders.
      const redirect = handshakeResponse(state);
      if (redirect !== undefined) return redirect;
      runs++;
      c.header('Cache-Control', 'no-store');
      return c.html(page(state.toAuth() as { userId?: string | null; orgSlug?: string | null }, state));
    });
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    name: 'hono',
    origin: `http://${hostname}:${port}`,
    responses,
    routeRuns: () => runs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
