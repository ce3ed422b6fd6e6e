/**
 * Multi-tenant JWKS traffic: 40 secret keys in round-robin through the convenience `verifyToken`, each
 * tenant with its own key pair and `kid`, JWKS served by a local HTTP server on 127.0.0.1 that counts the
 * fetches per tenant. The same traffic goes through `@clerk/backend`'s `verifyToken`. Imported by
 * bench/auth/verify.ts, which puts the table in RESULTS.md.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyToken } from '../../src/auth/index.js';

const TENANTS = 40;
const ROUNDS = 3;

interface Tenant {
  secretKey: string;
  kid: string;
  privateKey: KeyObject;
  jwk: JsonWebKey;
}

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

function mint(tenant: Tenant, index: number, azp: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64(JSON.stringify({ alg: 'RS256', kid: tenant.kid, typ: 'JWT' }));
  const payload = b64(JSON.stringify({ sub: `user_${index}`, sid: `sess_${index}`, iat: now - 5, nbf: now - 5, exp: now + 3600, azp }));
  return `${header}.${payload}.${b64(sign('sha256', Buffer.from(`${header}.${payload}`), tenant.privateKey))}`;
}

type Verify = (token: string, secretKey: string, apiUrl: string, authorizedParties: string[]) => Promise<boolean>;

/**
 * Runs the scenarios for ours and `@clerk/backend` and returns markdown table rows
 * `| scenario | calls | ours | @clerk/backend |`.
 */
export async function measureMultiTenant(
  clerkVerifyToken: (token: string, options: Record<string, unknown>) => Promise<unknown>,
): Promise<string[]> {
  const prefix = `sk_test_bench${Date.now().toString(36)}`;
  const tenants: Tenant[] = Array.from({ length: TENANTS }, (_, i) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = `ins_bench_tenant_${i}`;
    return {
      secretKey: `${prefix}_${i}`,
      kid,
      privateKey,
      jwk: { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256', use: 'sig' },
    };
  });
  const bySecret = new Map(tenants.map((tenant) => [`Bearer ${tenant.secretKey}`, tenant]));
  let fetches = 0;
  const server = createServer((request, response) => {
    const tenant = bySecret.get(request.headers.authorization ?? '');
    fetches++;
    response.writeHead(tenant === undefined ? 401 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(tenant === undefined ? { errors: [{ code: 'authentication_invalid' }] } : { keys: [tenant.jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const ours: Verify = async (token, secretKey, apiUrl, authorizedParties) =>
    (await verifyToken(token, { secretKey, apiUrl, authorizedParties })).errors === undefined;
  const theirs: Verify = (token, secretKey, apiUrl, authorizedParties) =>
    clerkVerifyToken(token, { secretKey, apiUrl, authorizedParties }).then(
      () => true,
      () => false,
    );

  async function count(verify: Verify, apiUrl: string, run: (verify: Verify, apiUrl: string) => Promise<number>): Promise<string> {
    fetches = 0;
    const failures = await run(verify, apiUrl);
    return failures === 0 ? `${fetches}` : `${fetches} (${failures} calls failed)`;
  }
  const rows: string[] = [];
  // Each contender gets its own API URL (a path prefix the server ignores), so neither sees the other's cache.
  const scenarios: Array<[string, number, (verify: Verify, apiUrl: string) => Promise<number>]> = [
    [
      `${TENANTS} tenants (secret keys) in round-robin, ${ROUNDS} rounds`,
      TENANTS * ROUNDS,
      async (verify, apiUrl) => {
        let failures = 0;
        for (let round = 0; round < ROUNDS; round++) {
          for (const [i, tenant] of tenants.entries()) {
            if (
              !(await verify(mint(tenant, round * TENANTS + i, 'https://app.example.com'), tenant.secretKey, apiUrl, [
                'https://app.example.com',
              ]))
            )
              failures++;
          }
        }
        return failures;
      },
    ],
    [
      'One tenant, `authorizedParties` built per request from 50 origins',
      50,
      async (verify, apiUrl) => {
        let failures = 0;
        const tenant = tenants[0]!;
        for (let i = 0; i < 50; i++) {
          const origin = `https://app${i}.example.com`;
          if (!(await verify(mint(tenant, i, origin), tenant.secretKey, apiUrl, [origin]))) failures++;
        }
        return failures;
      },
    ],
  ];
  let run = 0;
  for (const [name, calls, scenario] of scenarios) {
    run++;
    const ourCount = await count(ours, `http://127.0.0.1:${port}/ours${run}`, scenario);
    const theirCount = await count(theirs, `http://127.0.0.1:${port}/clerk${run}`, scenario);
    rows.push(`| ${name} | ${calls} | ${ourCount} | ${theirCount} |`);
  }
  await new Promise((resolve) => server.close(resolve));
  return rows;
}
