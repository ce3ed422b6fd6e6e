/**
 * Request authentication benchmark: `npx tsx bench/request/authenticate.ts`.
 * Prints a markdown table and writes it to bench/request/RESULTS.md. One run, RS256 2048-bit, networkless
 * (`jwtKey`), distinct valid session tokens in `Authorization: Bearer`; every ratio compares numbers
 * measured in this same run against @clerk/backend's `authenticateRequest`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bestOfRounds, mintSessionToken } from '../auth/session-tokens.js';
import { authenticateRequest, createRequestAuthenticator } from '../../src/auth/index.js';

process.env['CLERK_TELEMETRY_DISABLED'] = '1';
const { createClerkClient } = await import('@clerk/backend');

const TOKENS = 2000;
const ROUNDS = 5;
const PARTY = 'https://app.example.com';
// A synthetic publishable key (Clerk's authenticateRequest requires one): pk_test_ + base64("<frontend api>$").
const publishableKey = `pk_test_${Buffer.from('clerk.example.com$').toString('base64')}`;

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
function mint(index: number): string {
  return mintSessionToken(privateKey, index, { kid: 'ins_bench', azp: PARTY });
}

const requests = Array.from(
  { length: TOKENS },
  (_, i) => new Request('https://api.example.com/things', { headers: { authorization: `Bearer ${mint(i)}` } }),
);

/** One pass of sequential awaited calls over the request list; returns ops/s. */
async function pass(run: (request: Request) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < TOKENS; i++) await run(requests[i]!);
  return TOKENS / ((performance.now() - start) / 1000);
}

// Clerk asserts a secret key even when `jwtKey` makes it unused; telemetry off so nothing leaves the machine.
const secretKey = 'sk_test_benchmarkonlynotarealkey';
const clerk = createClerkClient({ jwtKey: pem, publishableKey, secretKey, telemetry: { disabled: true } });
const options = { jwtKey: pem, publishableKey, authorizedParties: [PARTY] };
const authenticator = createRequestAuthenticator(options);
const signedIn = (state: { isAuthenticated: boolean; toAuth: () => unknown }): void => {
  if (!state.isAuthenticated) throw new Error('not signed in');
  state.toAuth();
};
const contenders: Record<string, (request: Request) => Promise<unknown>> = {
  clerk: async (request) =>
    signedIn(await clerk.authenticateRequest(request, { jwtKey: pem, publishableKey, secretKey, authorizedParties: [PARTY] })),
  oursConvenience: async (request) => signedIn(await authenticateRequest(request, options)),
  ours: async (request) => signedIn(await authenticator.authenticateRequest(request)),
  // The `node` export condition (what clerk-bapi/express and /fastify use): native signature check.
  oursNode: async (request) => signedIn(await authenticator.authenticateRequest(request)),
};
const best = await bestOfRounds(contenders, ROUNDS, pass);
const { clerk: theirs = 0, oursConvenience = 0, ours = 0, oursNode = 0 } = best;

const f = (n: number): string => Math.round(n).toLocaleString('en-US');
const r = (n: number): string => `${n.toFixed(2)}×`;
const lines = [
  `Node ${process.version}, RS256 2048-bit, \`jwtKey\` (networkless), ${TOKENS} distinct valid tokens as \`Authorization: Bearer\`, authenticate + \`toAuth()\`, sequential awaited calls, best of ${ROUNDS} interleaved passes, one run (${new Date().toISOString().slice(0, 10)}).`,
  '',
  '| authenticateRequest | ops/s | vs @clerk/backend |',
  '|---|---:|---:|',
  `| \`@clerk/backend\` \`clerkClient.authenticateRequest\` | ${f(theirs)} | 1.00× |`,
  `| **ours** \`authenticateRequest(request, options)\` (convenience) | ${f(oursConvenience)} | ${r(oursConvenience / theirs)} |`,
  `| **ours** \`createRequestAuthenticator().authenticateRequest\` | ${f(ours)} | ${r(ours / theirs)} |`,
  `| **ours**, \`node\` export condition (Express/Fastify adapters) | ${f(oursNode)} | ${r(oursNode / theirs)} |`,
];
const table = lines.join('\n');
console.log(table);
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), `# Request authentication benchmark results\n\n${table}\n`);
