// A fake Clerk Frontend API for the real-browser tests: an HTTPS server on 127.0.0.1 (a self-signed
// certificate made at start-up) that holds one browser "client" per `__client` cookie, mints session tokens
// and handshake tokens with a synthetic instance key, and answers the handshake the way Clerk's Frontend API
// does: a 307 back to `redirect_url` with `__clerk_handshake=<jwt>`, whose `handshake` claim lists the
// Set-Cookie strings of `__session` and `__client_uat` (plain and suffixed).
import { createHash, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testKey, type TestKey } from '../../auth/helpers/keys.js';
import { selfSignedCertificate } from './self-signed-certificate.js';

/** A clock both the fake Frontend API and the app read, so a test can make tokens expire without waiting. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => void (offset += ms) };
}

interface Session {
  id: string;
  userId: string;
  status: 'active' | 'ended';
  /** The active organization's id, if any. */
  orgId?: string | undefined;
}

/** A user's membership of an organization, which a handshake's `organization_id` may activate. */
export interface Membership {
  id: string;
  slug: string;
  role: string;
}

interface Client {
  id: string;
  sessions: Session[];
  lastActiveSessionId: string | undefined;
  /** Seconds; Clerk's `__client_uat` is this while a session is active, else 0. */
  updatedAt: number;
}

/** One request the fake Frontend API answered, for assertions. */
export interface FrontendApiRequest {
  path: string;
  query: Record<string, string>;
  clientId: string | undefined;
  /** The `Host` the browser asked for: the primary's Frontend API, or a satellite's (`clerk.<satellite domain>`). */
  host?: string | undefined;
}

export interface FakeFrontendApiOptions {
  clock: TestClock;
  /** The Frontend API host name the browser maps to 127.0.0.1, e.g. `clerk.app.test`. */
  hostname: string;
  /** The eTLD+1 the apps live on (`app.test`): `__client_uat` is set there, as Clerk's Frontend API does. */
  cookieDomain: string;
  /** Origins a `redirect_url` may point at (the Frontend API refuses others, as Clerk's does). */
  allowedRedirectOrigins: () => readonly string[];
  /** Session token lifetime, seconds. Default 60, as Clerk's. */
  sessionTokenTtlSeconds?: number;
  /** Default `token`. */
  handshakeFormat?: HandshakeFormat;
  /**
   * `development` gives a `pk_test_` key and identifies the browser by its dev-browser token
   * (`__clerk_db_jwt`, sent in the handshake URL) instead of the `__client` cookie, as Clerk's development
   * instances do. Default `production`.
   */
  instanceType?: 'production' | 'development';
  /**
   * Hand out a `__refresh_<suffix>` cookie with each signed-in handshake, which the fake Backend API's
   * `POST /v1/sessions/{id}/refresh` (`format: 'cookie'`) exchanges for a fresh session token, as Clerk's does.
   * Default `false`.
   */
  refreshCookies?: boolean;
}

/**
 * How the handshake endpoint misbehaves, for the failure tests: `forged` signs the handshake token with a
 * foreign key; `stale-session` puts an already-expired session token in it; `loop` sends a valid session token
 * with a `__client_uat` later than the token's `iat`, so the next load needs a handshake again, forever without
 * loop protection.
 */
export type HandshakeMode = 'normal' | 'forged' | 'stale-session' | 'loop';

/**
 * How the handshake answer carries the cookies: `as-requested` follows the request's `format` parameter, as
 * Clerk's Frontend API does (`format=nonce` gives `__clerk_handshake_nonce`, which the app resolves through the
 * Backend API's `GET /v1/clients/handshake_payload`); `token` always sends `__clerk_handshake`.
 */
export type HandshakeFormat = 'token' | 'as-requested';

export interface FakeFrontendApi {
  /** `https://clerk.app.test:<port>`. */
  readonly origin: string;
  /** `pk_live_…` encoding `clerk.app.test:<port>`. */
  readonly publishableKey: string;
  /** The instance's public key (PEM), the app's `jwtKey`. */
  readonly jwtKey: string;
  /** The cookie suffix Clerk derives from the publishable key. */
  readonly cookieSuffix: string;
  /** A fake Backend API (plain HTTP on 127.0.0.1) that resolves handshake nonces: the app's `apiUrl`. */
  readonly apiUrl: string;
  /** The secret key the fake Backend API accepts. */
  readonly secretKey: string;
  /** Backend API requests (nonce resolutions, session refreshes), for assertions. */
  readonly apiRequests: (FrontendApiRequest & { method?: string | undefined; body?: Record<string, unknown> | undefined })[];
  readonly key: TestKey;
  readonly requests: FrontendApiRequest[];
  /** Handshake requests only. */
  handshakes(): FrontendApiRequest[];
  /** The Set-Cookie strings a handshake would carry for a client right now (no client: signed out). */
  handshakeCookies(clientId: string | undefined): string[];
  /** Mints a session token for a session of a client (for cookies written as clerk-js writes them). */
  sessionToken(session: { id: string; userId: string }, iatSeconds?: number): string;
  /** Signs a handshake token with the instance key. */
  handshakeToken(cookies: string[], claims?: Record<string, unknown>): string;
  /**
   * Signs a user in without a browser round trip and returns the new client's id and a session token,
   * for a test that writes the app's cookies itself, as clerk-js does after a sign-in.
   */
  createSignedInClient(userId: string): { clientId: string; sessionToken: string; clientUat: number };
  /** Makes a user a member of an organization (the handshake may then activate it by id or slug). */
  addMembership(userId: string, membership: Membership): void;
  /** Makes the handshake endpoint misbehave (see {@link HandshakeMode}); `normal` by default. */
  setHandshakeMode(mode: HandshakeMode): void;
  clients(): ReadonlyMap<string, Client>;
  close(): Promise<void>;
}

/** Starts the fake Frontend API on 127.0.0.1 with a fresh self-signed certificate. */
export async function startFakeFrontendApi(options: FakeFrontendApiOptions): Promise<FakeFrontendApi> {
  const key = testKey('ins_browser_fapi');
  const foreignKey = testKey('ins_browser_foreign');
  let mode: HandshakeMode = 'normal';
  const format = options.handshakeFormat ?? 'token';
  const secretKey = `sk_live_browser_${randomUUID().replace(/-/g, '')}`;
  /** Nonce → cookie directives and the (fake) second it was issued; each nonce resolves once. */
  const nonces = new Map<string, { directives: string[]; issuedAt: number }>();
  const apiRequests: FakeFrontendApi['apiRequests'] = [];
  /** `__refresh` token → the session it refreshes. */
  const refreshTokens = new Map<string, { clientId: string; sessionId: string }>();
  const ttl = options.sessionTokenTtlSeconds ?? 60;
  const clients = new Map<string, Client>();
  const memberships = new Map<string, Membership[]>();
  const requests: FrontendApiRequest[] = [];
  const seconds = (): number => Math.floor(options.clock.now() / 1000);
  const certificate = await selfSignedCertificate(options.hostname);
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = `${options.hostname}:${port}`;
  const origin = `https://${host}`;
  const development = options.instanceType === 'development';
  const publishableKey = `pk_${development ? 'test' : 'live'}_${Buffer.from(`${host}$`).toString('base64')}`;
  /** Development instances: dev-browser token → client id. */
  const devBrowsers = new Map<string, string>();
  const cookieSuffix = createHash('sha1').update(publishableKey).digest('base64url').slice(0, 8);

  function sessionToken(session: { id: string; userId: string; orgId?: string | undefined }, iat = seconds()): string {
    const org = memberships.get(session.userId)?.find((entry) => entry.id === session.orgId);
    // Version 2 session claims: the active organization in `o`.
    const o = org === undefined ? {} : { o: { id: org.id, slg: org.slug, rol: org.role.replace(/^org:/, '') } };
    return key.sign(
      { alg: 'RS256', typ: 'JWT', kid: key.kid },
      { sub: session.userId, sid: session.id, iss: origin, iat, nbf: iat - 10, exp: iat + ttl, v: 2, sts: 'active', ...o },
    );
  }

  function handshakeToken(cookies: string[], claims: Record<string, unknown> = {}, signer: TestKey = key): string {
    const iat = seconds();
    // The instance's kid in the header even when forged: only the signature tells the two apart.
    return signer.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { handshake: cookies, iat, nbf: iat - 10, exp: iat + 60, ...claims });
  }

  function activeSession(client: Client | undefined): Session | undefined {
    return client?.sessions.find((session) => session.id === client.lastActiveSessionId && session.status === 'active');
  }

  // The cookies Clerk's Frontend API puts in a handshake: the session token and client_uat, plain and suffixed.
  // `__session` is host-only on the app; `__client_uat` lives on the eTLD+1, where every app of the domain sees it
  // (a satellite's own domain for a satellite's handshake).
  function handshakeCookies(clientId: string | undefined, stale = false, uatAhead = false, cookieDomain = options.cookieDomain): string[] {
    const client = clientId === undefined ? undefined : clients.get(clientId);
    const session = activeSession(client);
    // A development instance also (re)sets the app's dev-browser cookie, plain and suffixed.
    const devBrowser = [...devBrowsers].find(([, id]) => id === clientId)?.[0];
    const dev =
      devBrowser === undefined
        ? []
        : [`__clerk_db_jwt=${devBrowser}; Path=/; SameSite=Lax`, `__clerk_db_jwt_${cookieSuffix}=${devBrowser}; Path=/; SameSite=Lax`];
    return [...dev, ...sessionCookies(client, session, stale, uatAhead, cookieDomain)];
  }

  function sessionCookies(
    client: Client | undefined,
    session: Session | undefined,
    stale: boolean,
    uatAhead: boolean,
    cookieDomain: string,
  ): string[] {
    const uatAttributes = `Path=/; Domain=${cookieDomain}; Max-Age=31536000; SameSite=Lax`;
    if (client === undefined || session === undefined) {
      return [
        '__session=; Path=/; Max-Age=0; SameSite=Lax',
        `__session_${cookieSuffix}=; Path=/; Max-Age=0; SameSite=Lax`,
        `__client_uat=0; ${uatAttributes}`,
        `__client_uat_${cookieSuffix}=0; ${uatAttributes}`,
      ];
    }
    const token = stale ? sessionToken(session, seconds() - 10 * ttl) : sessionToken(session);
    const uat = uatAhead ? seconds() + 30 : client.updatedAt;
    const refresh: string[] = [];
    if (options.refreshCookies === true) {
      const value = `rt_${randomUUID().replace(/-/g, '')}`;
      refreshTokens.set(value, { clientId: client.id, sessionId: session.id });
      refresh.push(`__refresh_${cookieSuffix}=${value}; Path=/; HttpOnly; SameSite=Lax`);
    }
    return [
      ...refresh,
      `__session=${token}; Path=/; SameSite=Lax`,
      `__session_${cookieSuffix}=${token}; Path=/; SameSite=Lax`,
      `__client_uat=${uat}; ${uatAttributes}`,
      `__client_uat_${cookieSuffix}=${uat}; ${uatAttributes}`,
    ];
  }

  function allowedRedirect(value: string | null): URL | undefined {
    if (value === null) return undefined;
    try {
      const url = new URL(value);
      return options.allowedRedirectOrigins().includes(url.origin) ? url : undefined;
    } catch {
      return undefined;
    }
  }

  /** A satellite Frontend API's handshake URL (`https://clerk.<domain>:<this port>/v1/client/handshake?…`), parsed. */
  function satelliteHandshake(value: string | null): URL | undefined {
    try {
      const url = new URL(value ?? '');
      const ok = url.protocol === 'https:' && url.hostname.startsWith('clerk.') && url.port === String(port) && url.host !== host;
      return ok && url.pathname === '/v1/client/handshake' ? url : undefined;
    } catch {
      return undefined;
    }
  }

  function clientCookie(request: IncomingMessage): string | undefined {
    const header = request.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === '__client') return value.join('=');
    }
    return undefined;
  }

  function redirect(response: ServerResponse, location: string, cookies: string[] = []): void {
    response.statusCode = 307;
    response.setHeader('Location', location);
    response.setHeader('Cache-Control', 'no-store');
    if (cookies.length > 0) response.setHeader('Set-Cookie', cookies);
    response.end();
  }

  function text(response: ServerResponse, status: number, body: string, cookies: string[] = []): void {
    response.statusCode = status;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    if (cookies.length > 0) response.setHeader('Set-Cookie', cookies);
    response.end(body);
  }

  function createSignedInClient(userId: string): { clientId: string; sessionToken: string; clientUat: number } {
    const session: Session = { id: `sess_${randomUUID().replace(/-/g, '')}`, userId, status: 'active' };
    const client: Client = { id: `client_${randomUUID()}`, sessions: [session], lastActiveSessionId: session.id, updatedAt: seconds() };
    clients.set(client.id, client);
    return { clientId: client.id, sessionToken: sessionToken(session), clientUat: client.updatedAt };
  }

  // The Frontend API's own client cookie: host-only on the Frontend API, as Clerk's production `__client`.
  const clientCookieHeader = (id: string): string => `__client=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`;
  const uatCookies = (value: number): string[] =>
    [`__client_uat`, `__client_uat_${cookieSuffix}`].map(
      (name) => `${name}=${value}; Path=/; Domain=${options.cookieDomain}; Max-Age=31536000; SameSite=Lax`,
    );

  /** A new signed-out client with its dev-browser token (a JWT-shaped value, as Clerk's). */
  function newDevBrowser(): Client {
    const client: Client = { id: `client_${randomUUID()}`, sessions: [], lastActiveSessionId: undefined, updatedAt: 0 };
    clients.set(client.id, client);
    devBrowsers.set(key.sign({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { dev: client.id, iat: seconds() }), client.id);
    return client;
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A satellite's Frontend API (`clerk.<satellite domain>`, mapped to this server too) has none of the
    // primary's cookies: its handshake first visits the primary's Frontend API to learn the browser's client
    // (`/v1/client/sync`), which sends it back with `__fake_client`, then answers as the primary does, with
    // `__client_uat` on the satellite's domain and `__clerk_synced=true` on the return URL.
    const requestHost = request.headers.host ?? host;
    const satellite = requestHost !== host;
    const url = new URL(request.url ?? '/', `https://${requestHost}`);
    // Production: the browser's `__client` cookie on this host. Development: the dev-browser token in the URL.
    const devBrowser = url.searchParams.get('__clerk_db_jwt');
    const syncedClient = satellite ? (url.searchParams.get('__fake_client') ?? undefined) : undefined;
    const clientId = development
      ? devBrowser === null
        ? undefined
        : devBrowsers.get(devBrowser)
      : satellite
        ? syncedClient || undefined
        : clientCookie(request);
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), clientId, host: requestHost });
    let client = clientId === undefined ? undefined : clients.get(clientId);
    if (development && client === undefined && url.pathname === '/v1/client/handshake') client = newDevBrowser();

    if (url.pathname === '/v1/client/sync' && !satellite) {
      const back = satelliteHandshake(url.searchParams.get('redirect_url'));
      if (back === undefined) return text(response, 400, 'redirect_url is not a satellite handshake');
      back.searchParams.set('__fake_client', clientId ?? '');
      return redirect(response, back.href);
    }

    if (url.pathname === '/v1/client/handshake') {
      if (satellite && syncedClient === undefined) {
        return redirect(response, `${origin}/v1/client/sync?redirect_url=${encodeURIComponent(url.href)}`);
      }
      const target = allowedRedirect(url.searchParams.get('redirect_url'));
      if (target === undefined) return text(response, 400, 'redirect_url is missing or not allowed');
      if (satellite) target.searchParams.set('__clerk_synced', 'true');
      // Organization sync: `organization_id` holds an id or a slug ('' for the personal account). An organization
      // the user is not a member of leaves the active one unchanged, as Clerk's Frontend API does.
      const activate = url.searchParams.get('organization_id');
      const session = activeSession(client);
      if (activate !== null && session !== undefined) {
        const org = memberships.get(session.userId)?.find((entry) => entry.id === activate || entry.slug === activate);
        if (activate === '') session.orgId = undefined;
        else if (org !== undefined) session.orgId = org.id;
      }
      const cookieDomain = satellite ? requestHost.replace(/:\d+$/, '').replace(/^clerk\./, '') : options.cookieDomain;
      const cookies = handshakeCookies(client?.id, mode === 'stale-session', mode === 'loop', cookieDomain);
      if (format === 'as-requested' && url.searchParams.get('format') === 'nonce') {
        const nonce = randomUUID();
        nonces.set(nonce, { directives: cookies, issuedAt: seconds() });
        target.searchParams.set('__clerk_handshake_nonce', nonce);
        return redirect(response, target.href);
      }
      target.searchParams.set('__clerk_handshake', handshakeToken(cookies, {}, mode === 'forged' ? foreignKey : key));
      return redirect(response, target.href);
    }

    // Test-only: sign a user in on this browser's client (a new session, client_uat bumped), then return to the
    // app through a handshake, as a redirect-based sign-in comes back to an SSR app.
    if (url.pathname === '/test/sign-in') {
      const userId = url.searchParams.get('user_id');
      const target = allowedRedirect(url.searchParams.get('redirect_url'));
      if (userId === null || target === undefined) return text(response, 400, 'user_id and an allowed redirect_url are required');
      const current = client ?? { id: `client_${randomUUID()}`, sessions: [], lastActiveSessionId: undefined, updatedAt: 0 };
      clients.set(current.id, current);
      const session: Session = { id: `sess_${randomUUID().replace(/-/g, '')}`, userId, status: 'active' };
      current.sessions.push(session);
      current.lastActiveSessionId = session.id;
      current.updatedAt = Math.max(seconds(), current.updatedAt + 1);
      target.searchParams.set('__clerk_handshake', handshakeToken(handshakeCookies(current.id)));
      return redirect(response, target.href, [clientCookieHeader(current.id)]);
    }

    // Test-only: end the active session, as a sign-out in another tab does. Like Clerk's Frontend API, this
    // sets `__client_uat=0` on the eTLD+1; the app's host-only `__session` is left for the app to notice.
    if (url.pathname === '/test/sign-out') {
      const session = activeSession(client);
      if (client !== undefined && session !== undefined) {
        session.status = 'ended';
        client.lastActiveSessionId = undefined;
        client.updatedAt = Math.max(seconds(), client.updatedAt + 1);
      }
      return text(response, 200, '<p id="fapi">signed out</p>', uatCookies(0));
    }

    // Test-only: switch the browser's client to another user's new session (account switch in another tab):
    // `__client_uat` moves forward, so a `__session` issued before it is outdated.
    if (url.pathname === '/test/switch-user') {
      const userId = url.searchParams.get('user_id');
      if (client === undefined || userId === null) return text(response, 400, 'no client or user_id');
      const session: Session = { id: `sess_${randomUUID().replace(/-/g, '')}`, userId, status: 'active' };
      client.sessions.push(session);
      client.lastActiveSessionId = session.id;
      client.updatedAt = Math.max(seconds(), client.updatedAt + 1);
      return text(response, 200, `<p id="fapi">switched to ${userId}</p>`, uatCookies(client.updatedAt));
    }

    text(response, 404, 'not found');
  });

  // The fake Backend API: the handshake payload of a nonce and session refreshes, behind the secret key.
  const api = createHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let text = '';
    for await (const chunk of request) text += String(chunk);
    let body: Record<string, unknown> | undefined;
    try {
      body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = undefined;
    }
    apiRequests.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      clientId: undefined,
      method: request.method,
      body,
    });
    const json = (status: number, body: unknown): void => {
      response.statusCode = status;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      return json(401, { errors: [{ code: 'authentication_invalid', message: 'Unauthorized' }] });
    }
    const refreshPath = /^\/v1\/sessions\/([\w-]+)\/refresh$/.exec(url.pathname);
    if (request.method === 'POST' && refreshPath !== null) {
      // Clerk's answer with `format: 'cookie'`: the Set-Cookie strings of a fresh session token.
      const entry = refreshTokens.get(String(body?.['refresh_token'] ?? ''));
      const client = entry === undefined ? undefined : clients.get(entry.clientId);
      const session = activeSession(client);
      if (entry === undefined || session === undefined || session.id !== refreshPath[1] || body?.['format'] !== 'cookie') {
        return json(401, { errors: [{ code: 'authentication_invalid', message: 'Refresh token is invalid' }] });
      }
      const token = sessionToken(session);
      const suffixed = url.searchParams.get('suffixed_cookies') === 'true';
      const cookies = [`__session=${token}; Path=/; SameSite=Lax`];
      if (suffixed) cookies.push(`__session_${cookieSuffix}=${token}; Path=/; SameSite=Lax`);
      return json(200, { object: 'cookies', cookies });
    }
    if (request.method !== 'GET' || url.pathname !== '/v1/clients/handshake_payload') {
      return json(404, { errors: [{ code: 'resource_not_found', message: 'Not found' }] });
    }
    const nonce = url.searchParams.get('nonce') ?? '';
    const entry = nonces.get(nonce);
    nonces.delete(nonce);
    if (entry === undefined || seconds() - entry.issuedAt > 60) {
      return json(404, { errors: [{ code: 'resource_not_found', message: 'Handshake payload not found' }] });
    }
    json(200, { object: 'handshake_payload', directives: entry.directives });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  return {
    origin,
    publishableKey,
    jwtKey: key.pem,
    cookieSuffix,
    apiUrl,
    secretKey,
    apiRequests,
    key,
    requests,
    handshakes: () => requests.filter((entry) => entry.path === '/v1/client/handshake'),
    handshakeCookies,
    sessionToken,
    handshakeToken,
    createSignedInClient,
    setHandshakeMode: (next) => void (mode = next),
    addMembership: (userId, membership) => void memberships.set(userId, [...(memberships.get(userId) ?? []), membership]),
    clients: () => clients,
    close: async () => {
      for (const each of [server, api]) {
        each.closeAllConnections();
        await new Promise<void>((resolve) => each.close(() => resolve()));
      }
    },
  };
}
