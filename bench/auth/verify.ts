/**
 * Session token verification benchmark: `npx tsx bench/auth/verify.ts`.
 * Prints a markdown table and writes it to bench/auth/RESULTS.md. One run, RS256 2048-bit,
 * distinct valid tokens; every ratio compares numbers measured in this same run.
 */
import { generateKeyPairSync, randomUUID, verify as nodeVerify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bestOfRounds, mintSessionToken } from './session-tokens.js';
import { importSPKI, jwtVerify } from 'jose';
import { createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { measureMultiTenant } from './multi-tenant.js';

// @clerk/backend picks `fetch` per call only under NODE_ENV=test; that is how its JWKS traffic is counted.
process.env['NODE_ENV'] = 'test';
const clerk = await import('@clerk/backend');

const TOKENS = 2000;
const ROUNDS = 5;

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const jwk = { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: 'ins_bench', alg: 'RS256', use: 'sig' };
function mint(index: number, kid = 'ins_bench'): string {
  return mintSessionToken(privateKey, index, { kid, azp: 'https://app.example.com' });
}

const tokens = Array.from({ length: TOKENS }, (_, i) => mint(i));

/** One pass of sequential awaited calls over the token list; returns ops/s. */
async function pass(run: (index: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < TOKENS; i++) await run(i);
  return TOKENS / ((performance.now() - start) / 1000);
}

// Ceiling: crypto.subtle.verify on pre-split bytes, no parsing at all.
const subtleKey = await crypto.subtle.importKey(
  'spki',
  publicKey.export({ type: 'spki', format: 'der' }),
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  false,
  ['verify'],
);
const split = tokens.map((t) => {
  const dot = t.lastIndexOf('.');
  return { data: new TextEncoder().encode(t.slice(0, dot)), sig: Buffer.from(t.slice(dot + 1), 'base64url') };
});
const joseKey = await importSPKI(pem, 'RS256');
const verifier = createTokenVerifier({ jwtKey: pem, authorizedParties: ['https://app.example.com'] });
const nodeVerifier = createTokenVerifier({ jwtKey: pem, authorizedParties: ['https://app.example.com'] });
// The cache-hit contender has its own verifier: a hit in the distinct-token verifier's cache would tell it that
// caching pays, and its distinct-token passes would measure inserts that a real all-fresh traffic never pays.
const hitVerifier = createTokenVerifier({ jwtKey: pem, authorizedParties: ['https://app.example.com'] });
// Distinct tokens: 2,000 tokens cycle through a 1,024-entry LRU cache, so no pass ever hits it (after one full turnover
// without a hit the cache stops admitting tokens that do not come back within its reach; none does here).
const same = tokens[0]!;
const encoder = new TextEncoder();
const contenders: Record<string, (index: number) => Promise<unknown>> = {
  ceiling: async (i) => {
    const s = split[i]!;
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', subtleKey, s.sig, s.data))) throw new Error('bad');
  },
  // The same check from the token text: the least any verifier of a token does besides the check (split at the last
  // dot, the signing input's bytes, the signature decoded natively), and nothing else: no header, claims or checks.
  ceilingText: async (i) => {
    const token = tokens[i]!;
    const dot = token.lastIndexOf('.');
    const signature = Buffer.from(token.slice(dot + 1), 'base64url');
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', subtleKey, signature, encoder.encode(token.slice(0, dot)))))
      throw new Error('bad');
  },
  // The `node` condition's ceiling: a bare synchronous node:crypto verify of the same pre-split bytes.
  nodeCeiling: async (i) => {
    const s = split[i]!;
    if (!nodeVerify('sha256', s.data, publicKey, s.sig)) throw new Error('bad');
  },
  nodeCeilingText: async (i) => {
    const token = tokens[i]!;
    const dot = token.lastIndexOf('.');
    const signature = Buffer.from(token.slice(dot + 1), 'base64url');
    if (!nodeVerify('sha256', Buffer.from(token.slice(0, dot), 'latin1'), publicKey, signature)) throw new Error('bad');
  },
  jose: (i) => jwtVerify(tokens[i]!, joseKey, { algorithms: ['RS256'] }),
  clerkDistinct: (i) => clerk.verifyToken(tokens[i]!, { jwtKey: pem }),
  ours: async (i) => {
    const result = await verifier.verify(tokens[i]!);
    if (result.errors) throw new Error(result.errors[0].code);
  },
  oursConvenience: async (i) => {
    const result = await verifyToken(tokens[i]!, { jwtKey: pem, authorizedParties: ['https://app.example.com'] });
    if (result.errors) throw new Error(result.errors[0].code);
  },
  // The `node` export condition: same verifier code, native node:crypto signature check.
  oursNode: async (i) => {
    const result = await nodeVerifier.verify(tokens[i]!);
    if (result.errors) throw new Error(result.errors[0].code);
  },
  oursHit: () => hitVerifier.verify(same),
  clerkHit: () => clerk.verifyToken(same, { jwtKey: pem }),
};
const best = await bestOfRounds(contenders, ROUNDS, pass);
const {
  ceiling = 0,
  ceilingText = 0,
  nodeCeiling = 0,
  nodeCeilingText = 0,
  jose = 0,
  clerkDistinct = 0,
  ours = 0,
  oursConvenience = 0,
  oursNode = 0,
  oursHit = 0,
  clerkHit = 0,
} = best;

// JWKS traffic, counted with a mocked fetch (no network).
let fetches = 0;
let failing = false;
const mockFetch = (async () => {
  fetches++;
  await new Promise((resolve) => setTimeout(resolve, 2));
  return failing
    ? new Response(JSON.stringify({ errors: [{ code: 'internal' }] }), { status: 500 })
    : new Response(JSON.stringify({ keys: [jwk] }), { status: 200 });
}) as typeof fetch;
const realFetch = globalThis.fetch;
globalThis.fetch = mockFetch;
let clock = Date.now();
const counts: Array<[string, number, number]> = [];
async function scenario(
  name: string,
  run: (verify: (t: string) => Promise<unknown>) => Promise<void>,
  setup?: (ours: (t: string) => Promise<unknown>, theirs: (t: string) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const secretKey = `sk_test_${randomUUID().replaceAll('-', '')}`; // fresh caches on both sides
  const v = createTokenVerifier({ secretKey, fetch: mockFetch, now: () => clock });
  const ourVerify = (t: string): Promise<unknown> => v.verify(t);
  const theirVerify = (t: string): Promise<unknown> => clerk.verifyToken(t, { secretKey }).catch(() => undefined);
  failing = false;
  await setup?.(ourVerify, theirVerify);
  fetches = 0;
  await run(ourVerify);
  const ourCount = fetches;
  fetches = 0;
  await run(theirVerify);
  counts.push([name, ourCount, fetches]);
}
await scenario('Cold burst: 100 concurrent verifications', async (verify) => {
  await Promise.all(tokens.slice(0, 100).map(verify));
});
const randomKidTokens = Array.from({ length: 200 }, (_, i) => mint(i, `ins_${randomUUID()}`));
await scenario(
  'Unknown-kid flood: 200 random kids (warm cache, one cooldown window)',
  async (verify) => {
    clock += 31_000; // the flood arrives after the cooldown, so one refetch is allowed
    await Promise.all(randomKidTokens.map(verify));
  },
  async (o, t) => {
    await o(tokens[0]!);
    await t(tokens[0]!);
  },
);
await scenario('Failing endpoint (HTTP 500): 50 concurrent, then 50 more within 30 s', async (verify) => {
  failing = true;
  await Promise.all(tokens.slice(0, 50).map(verify));
  clock += 1000;
  await Promise.all(tokens.slice(50, 100).map(verify));
});
globalThis.fetch = realFetch;
const multiTenant = await measureMultiTenant(clerk.verifyToken as (token: string, options: Record<string, unknown>) => Promise<unknown>);

const f = (n: number): string => Math.round(n).toLocaleString('en-US');
const r = (n: number): string => `${n.toFixed(2)}×`;
const lines = [
  `Node ${process.version}, RS256 2048-bit, ${TOKENS} distinct valid tokens, sequential awaited calls, best of ${ROUNDS} interleaved passes, one run (${new Date().toISOString().slice(0, 10)}).`,
  '',
  '| Networkless verification | ops/s | vs crypto.subtle.verify | vs the same from the token text | vs @clerk/backend |',
  '|---|---:|---:|---:|---:|',
  `| raw \`crypto.subtle.verify\` (ceiling, pre-split bytes) | ${f(ceiling)} | 1.00× | ${r(ceiling / ceilingText)} | ${r(ceiling / clerkDistinct)} |`,
  `| raw \`crypto.subtle.verify\` from the token text (split, signature decoded natively) | ${f(ceilingText)} | ${r(ceilingText / ceiling)} | 1.00× | ${r(ceilingText / clerkDistinct)} |`,
  `| \`jose.jwtVerify\` (imported key) | ${f(jose)} | ${r(jose / ceiling)} | ${r(jose / ceilingText)} | ${r(jose / clerkDistinct)} |`,
  `| \`@clerk/backend\` \`verifyToken\` (\`jwtKey\`) | ${f(clerkDistinct)} | ${r(clerkDistinct / ceiling)} | ${r(clerkDistinct / ceilingText)} | 1.00× |`,
  `| **ours** \`createTokenVerifier().verify\` (\`jwtKey\`) | ${f(ours)} | ${r(ours / ceiling)} | ${r(ours / ceilingText)} | ${r(ours / clerkDistinct)} |`,
  `| **ours** \`verifyToken\` (\`jwtKey\`, convenience) | ${f(oursConvenience)} | ${r(oursConvenience / ceiling)} | ${r(oursConvenience / ceilingText)} | ${r(oursConvenience / clerkDistinct)} |`,
  `| **ours**, \`node\` export condition (native signature check) | ${f(oursNode)} | ${r(oursNode / ceiling)} | ${r(oursNode / ceilingText)} | ${r(oursNode / clerkDistinct)} |`,
  '',
  '| `node` export condition | ops/s | vs bare `node:crypto` verify | vs the same from the token text |',
  '|---|---:|---:|---:|',
  `| bare synchronous \`node:crypto\` verify (ceiling, pre-split bytes) | ${f(nodeCeiling)} | 1.00× | ${r(nodeCeiling / nodeCeilingText)} |`,
  `| bare synchronous \`node:crypto\` verify from the token text (split, signature decoded natively) | ${f(nodeCeilingText)} | ${r(nodeCeilingText / nodeCeiling)} | 1.00× |`,
  `| **ours** \`createTokenVerifier().verify\`, \`node\` condition | ${f(oursNode)} | ${r(oursNode / nodeCeiling)} | ${r(oursNode / nodeCeilingText)} |`,
  '',
  '| Repeated token (cache hit) | ops/s | vs @clerk/backend |',
  '|---|---:|---:|',
  `| \`@clerk/backend\` \`verifyToken\` (same token) | ${f(clerkHit)} | 1.00× |`,
  `| **ours** \`verify\` (same token, verified-token cache) | ${f(oursHit)} | ${r(oursHit / clerkHit)} |`,
  '',
  '| JWKS traffic (mocked fetch) | ours: fetches | @clerk/backend: fetches |',
  '|---|---:|---:|',
  ...counts.map(([name, o, t]) => `| ${name} | ${o} | ${t} |`),
  '',
  '| Multi-tenant JWKS traffic (convenience `verifyToken`, local JWKS server on 127.0.0.1) | calls | ours: fetches | @clerk/backend: fetches |',
  '|---|---:|---:|---:|',
  ...multiTenant,
];
const table = lines.join('\n');
console.log(table);
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), `# Auth benchmark results\n\n${table}\n`);
