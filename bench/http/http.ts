/**
 * End-to-end HTTP benchmark: `npm run bench -- http` (also part of `npm run bench`).
 *
 * The same small Express 5 and Fastify 5 app (bench/http/server.ts), each in its own process, protected by
 * clerk-bapi (built package, `clerk-bapi/express` / `clerk-bapi/fastify`) or by `@clerk/express` / `@clerk/fastify`,
 * networkless (`jwtKey`) or with the Backend API JWKS of a local stub; without authentication as the ceiling; and
 * behind a bare `node:crypto` signature check (no claim checks) as the floor of any verifier with a synchronous check.
 * autocannon (as a library, in this process) sends GET /me on 127.0.0.1 with 2,000 distinct valid session tokens in
 * turn (more than clerk-bapi's 1,024-entry verified-token cache, so every request is a full verification). Cells run
 * interleaved, in rounds, so that load from other processes on the machine spreads over all of them; the table
 * gives the median over rounds and the load average of each round. Writes bench/http/RESULTS.md.
 *
 * HTTP_BENCH_SECONDS (default 3) and HTTP_BENCH_ROUNDS (default 3) shorten or lengthen a run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { mintSessionToken } from '../auth/session-tokens.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env['HTTP_BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['HTTP_BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = 32;
const TOKENS = 2000;
const PARTY = 'https://app.example.com';

// The built package is what users run: build it first (tsdown, as the size bench does).
execFileSync(`${root}node_modules/.bin/tsdown`, ['--log-level', 'error'], { cwd: root, stdio: 'inherit' });

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = 'ins_bench_http';
const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
const tokens = Array.from({ length: TOKENS }, (_, index) => mintSessionToken(privateKey, index, { kid, azp: PARTY }));

// The local Backend API: only /v1/jwks; counts requests so the table can say how often each library fetched.
let jwksRequests = 0;
const api = createServer((req, res) => {
  if (req.url === '/v1/jwks') jwksRequests++;
  const body = req.url === '/v1/jwks' ? JSON.stringify({ keys: [jwk] }) : '{"errors":[{"code":"not_found","message":"no"}]}';
  res.writeHead(req.url === '/v1/jwks' ? 200 : 404, { 'content-type': 'application/json' }).end(body);
});
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));

const env = {
  ...process.env,
  CLERK_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  BENCH_PUBLISHABLE_KEY: `pk_test_${Buffer.from('clerk.example.com$').toString('base64')}`,
  BENCH_SECRET_KEY: 'sk_test_benchmarkonlynotarealkey',
  BENCH_PARTY: PARTY,
  BENCH_JWT_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  BENCH_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
};

const frameworks = ['express', 'fastify'] as const;
const auths = ['none', 'bare-jwtkey', 'ours-jwtkey', 'clerk-jwtkey', 'ours-jwks', 'clerk-jwks'] as const;
type Cell = { framework: (typeof frameworks)[number]; auth: (typeof auths)[number]; port: number; child: ChildProcess };

async function start(framework: Cell['framework'], auth: Cell['auth']): Promise<Cell> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}bench/http/server.ts`, framework, auth], {
    cwd: root,
    // Without the root tsconfig's `paths`, which would send the built package's `#signature-check` to the WebCrypto
    // source (bench/http/tsconfig.server.json says why).
    env: { ...env, TSX_TSCONFIG_PATH: `${root}bench/http/tsconfig.server.json` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${framework} ${auth} exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return { framework, auth, port, child };
}

/** A request with a valid token must pass, a forged one must not: a bench of refusals would look fast. */
async function check(cell: Cell): Promise<void> {
  const url = `http://127.0.0.1:${cell.port}/me`;
  const good = await fetch(url, { headers: { authorization: `Bearer ${tokens[7]}` } });
  const body = (await good.json()) as { userId?: string };
  const expected = cell.auth === 'none' ? 'anonymous' : 'user_7';
  if (good.status !== 200 || body.userId !== expected) throw new Error(`${cell.framework} ${cell.auth}: valid token got ${good.status}`);
  if (cell.auth === 'none') return;
  // clerk-bapi on Node must check signatures with node:crypto (the `node` import condition), as users run it.
  const { webCryptoVerifies } = (await (await fetch(`http://127.0.0.1:${cell.port}/__cpu`)).json()) as { webCryptoVerifies: number };
  if (cell.auth.startsWith('ours') && webCryptoVerifies !== 0) {
    throw new Error(`${cell.framework} ${cell.auth}: verified with WebCrypto, not the node condition's node:crypto check`);
  }
  const forged = `${tokens[7]?.slice(0, -4)}AAAA`;
  const refused = await fetch(url, { headers: { authorization: `Bearer ${forged}` } });
  await refused.arrayBuffer();
  if (refused.status !== 401) throw new Error(`${cell.framework} ${cell.auth}: forged token got ${refused.status}`);
}

interface Sample {
  rps: number;
  /** Server CPU time (user + system, all threads) per request, µs. */
  cpu: number;
  p50: number;
  p99: number;
  load: number;
}

async function cpuOf(cell: Cell): Promise<number> {
  const usage = (await (await fetch(`http://127.0.0.1:${cell.port}/__cpu`)).json()) as { user: number; system: number };
  return usage.user + usage.system;
}

async function drive(cell: Cell, seconds: number): Promise<Sample> {
  let next = 0;
  const load = loadavg()[0] ?? 0;
  const cpuBefore = await cpuOf(cell);
  const result = await autocannon({
    url: `http://127.0.0.1:${cell.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path: '/me',
        setupRequest: (request) => {
          request.headers = { ...request.headers, authorization: `Bearer ${tokens[next++ % TOKENS]}` };
          return request;
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${cell.framework} ${cell.auth}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const cpu = ((await cpuOf(cell)) - cpuBefore) / result.requests.total;
  return { rps: result.requests.average, cpu, p50: result.latency.p50, p99: result.latency.p99, load };
}

const cells: Cell[] = [];
for (const framework of frameworks) for (const auth of auths) cells.push(await start(framework, auth));
const samples = new Map<Cell, Sample[]>(cells.map((cell) => [cell, []]));
try {
  for (const cell of cells) await check(cell);
  // Warm-up: JIT, key import, the JWKS fetch.
  for (const cell of cells) await drive(cell, 1);
  for (let round = 0; round < ROUNDS; round++) {
    // Each round in another order, so that no cell always follows the same neighbour.
    const order = round % 2 === 0 ? cells : [...cells].reverse();
    for (const cell of order) {
      const sample = await drive(cell, SECONDS);
      samples.get(cell)?.push(sample);
      console.log(
        `round ${round + 1} ${cell.framework} ${cell.auth}: ${Math.round(sample.rps)} req/s, ${Math.round(sample.cpu)} µs CPU/req, p99 ${sample.p99} ms, load ${sample.load.toFixed(1)}`,
      );
    }
  }
} finally {
  for (const cell of cells) cell.child.kill();
  api.close();
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const stat = (cell: Cell | undefined, key: keyof Sample): number =>
  median((cell ? samples.get(cell) : undefined)?.map((s) => s[key]) ?? [0]);
const find = (framework: string, auth: string): Cell | undefined => cells.find((c) => c.framework === framework && c.auth === auth);
const f = (n: number): string => Math.round(n).toLocaleString('en-US');
const loads = [...samples.values()].flat().map((s) => s.load);

const label: Record<Cell['auth'], string> = {
  none: 'no authentication (ceiling)',
  'bare-jwtkey': 'bare `node:crypto` check only (floor of a synchronous verifier)',
  'ours-jwtkey': '**clerk-bapi**, `jwtKey`',
  'clerk-jwtkey': 'Clerk, `jwtKey`',
  'ours-jwks': '**clerk-bapi**, local JWKS',
  'clerk-jwks': 'Clerk, local JWKS',
};
const lines: string[] = [
  '### HTTP end to end (Express 5, Fastify 5)',
  '',
  `Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC. autocannon, ${CONNECTIONS} connections, 127.0.0.1, ` +
    `${f(TOKENS)} distinct valid RS256 session tokens in turn; ${ROUNDS} interleaved rounds of ${SECONDS} s per cell after a 1 s warm-up, ` +
    `medians over rounds. Load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on 2 shared cores. ` +
    'clerk-bapi from the built package; Clerk = `@clerk/express` / `@clerk/fastify` (on `@clerk/backend` 3.25).',
  '',
  '| app | req/s | vs ceiling | vs Clerk | server CPU µs/req | capacity vs ceiling | capacity vs Clerk | p50 ms | p99 ms | load |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const framework of frameworks) {
  const ceiling = stat(find(framework, 'none'), 'rps');
  const ceilingCpu = stat(find(framework, 'none'), 'cpu');
  for (const auth of auths) {
    const cell = find(framework, auth);
    const rps = stat(cell, 'rps');
    const cpu = stat(cell, 'cpu');
    const rival = auth.startsWith('ours') ? find(framework, auth.replace('ours', 'clerk')) : undefined;
    const ratio = (value: number | undefined): string => (value === undefined ? '' : `${value.toFixed(2)}×`);
    lines.push(
      `| ${framework}: ${label[auth]} | ${f(rps)} | ${ratio(rps / ceiling)} | ${ratio(rival && rps / stat(rival, 'rps'))} | ${f(cpu)} | ` +
        `${ratio(ceilingCpu / cpu)} | ${ratio(rival && stat(rival, 'cpu') / cpu)} | ${stat(cell, 'p50')} | ${stat(cell, 'p99')} | ${stat(cell, 'load').toFixed(1)} |`,
    );
  }
}
lines.push(
  '',
  '"Capacity" compares server CPU time per request (user + system, every thread of the server process): what one ' +
    'core could serve, which the other processes on a shared machine disturb far less than requests per second. ' +
    `JWKS requests to the local Backend API over the whole run (12 apps): ${jwksRequests}. The bare check verifies the ` +
    'RS256 signature with `node:crypto` and reads `sub`, nothing else: no claim, header or shape check, no auth object; ' +
    'what any verifier with a synchronous check pays at least.',
  '',
);
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), lines.join('\n'));
console.log(lines.join('\n'));
