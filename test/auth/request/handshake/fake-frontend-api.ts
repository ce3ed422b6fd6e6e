// A fake Clerk Frontend API (and the one Backend API route the handshake needs) on 127.0.0.1, for tests:
// it answers /v1/client/handshake by sending the browser back with a handshake token or nonce, signed or
// stored as the chosen mode says.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { key, NOW_S, validToken } from './helpers.js';
import { testKey } from '../../helpers/keys.js';

/** How the fake answers a handshake. */
export type FakeMode =
  | 'token'
  | 'nonce'
  | 'expired'
  | 'forged'
  | 'foreign-instance'
  | 'template-category'
  | 'hostile-cookies'
  | 'signed-out'
  | 'loop';

/**
 * A running fake: `url` is its origin (use it as `proxyUrl` and `apiUrl`), `mode` can change between requests,
 * `calls` counts handshake requests and `lastReason` is the `__clerk_hs_reason` of the last one.
 */
export interface FakeFrontendApi {
  url: string;
  mode: FakeMode;
  calls: number;
  lastReason: string | null;
  close(): Promise<void>;
}

const forger = testKey('ins_forger');
const otherInstance = testKey('ins_other_instance');
export const SECRET_KEY = 'sk_test_fake_frontend_api';

/** The cookies a successful handshake sets: a fresh session and `__client_uat`. */
export function freshCookies(sub = 'user_2abc'): string[] {
  return [
    `__session=${validToken({ sub, iat: NOW_S - 1 })}; Path=/; SameSite=Lax`,
    `__client_uat=${NOW_S - 1}; Path=/; SameSite=Strict; Max-Age=315360000`,
  ];
}

/** A handshake token as the Frontend API mints it, with the given directives and signer. */
export function handshakeToken(
  directives: readonly string[],
  options: { signer?: typeof key; exp?: number; cat?: string; kid?: string } = {},
): string {
  const signer = options.signer ?? key;
  const header: Record<string, unknown> = { alg: 'RS256', kid: options.kid ?? signer.kid, typ: 'JWT' };
  if (options.cat !== undefined) header['cat'] = options.cat;
  return signer.sign(header, { handshake: directives, iat: NOW_S - 1, exp: options.exp ?? NOW_S + 60 });
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeFrontendApi(mode: FakeMode = 'token'): Promise<FakeFrontendApi> {
  const nonces = new Map<string, string[]>();
  let counter = 0;
  const fake: FakeFrontendApi = { url: '', mode, calls: 0, lastReason: null, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/v1/clients/handshake_payload') {
      const directives = req.headers.authorization === `Bearer ${SECRET_KEY}` ? nonces.get(url.searchParams.get('nonce') ?? '') : undefined;
      res.writeHead(directives ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(directives ? { directives } : { errors: [{ code: 'resource_not_found' }] }));
      return;
    }
    if (url.pathname !== '/v1/client/handshake') {
      res.writeHead(404).end();
      return;
    }
    fake.calls++;
    fake.lastReason = url.searchParams.get('__clerk_hs_reason');
    const back = new URL(url.searchParams.get('redirect_url') ?? 'http://127.0.0.1/');
    const set = (token: string) => back.searchParams.set('__clerk_handshake', token);
    switch (fake.mode) {
      case 'token':
        set(handshakeToken(freshCookies()));
        break;
      case 'nonce': {
        const nonce = `nonce_${++counter}`;
        nonces.set(nonce, freshCookies());
        back.searchParams.set('__clerk_handshake_nonce', nonce);
        break;
      }
      case 'expired':
        set(handshakeToken(freshCookies(), { exp: NOW_S - 60 }));
        break;
      case 'forged':
        set(handshakeToken(freshCookies('user_forged'), { signer: forger, kid: key.kid }));
        break;
      case 'foreign-instance':
        set(handshakeToken(freshCookies('user_foreign'), { signer: otherInstance }));
        break;
      case 'template-category':
        set(handshakeToken(['ATTACKER=pwned; Path=/'], { cat: 'cl_B7d4PD222AAA' }));
        break;
      case 'hostile-cookies':
        set(handshakeToken([...freshCookies(), 'theme=evil; Path=/', 'sid=attacker; Domain=example.com', '__clerk_handshake=x']));
        break;
      case 'signed-out':
        set(handshakeToken(['__session=; Path=/; Max-Age=0', '__client_uat=0; Path=/']));
        break;
      case 'loop':
        break;
    }
    res.writeHead(307, { location: back.href }).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
