// Per-call cost of clerk.users.getUserList({ limit: 100 }) against a local server returning
// 100 schema-valid users, versus raw fetch + JSON.parse against the same server, in one run.
// Run: npx tsx bench/client/get-user-list.ts   (writes bench/client/RESULTS.md)
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { makeClerkUser } from '../../test/client/fixtures/clerk-users.js';

const WARMUP = 200;
const ROUNDS = 21;
const PER_ROUND = 50;

const payload = JSON.stringify(Array.from({ length: 100 }, (_, index) => makeClerkUser(index)));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const secretKey = 'sk_test_BENCH0000000000000000000000000000000';
const validating = createClerkClient({ secretKey, apiUrl: origin }); // the default: responseValidation 'warn'
const unvalidated = createClerkClient({ secretKey, apiUrl: origin, responseValidation: 'off' });

const variants: Record<string, () => Promise<unknown>> = {
  'raw fetch + JSON.parse': async () => {
    const response = await fetch(`${origin}/v1/users?limit=100`, { headers: { Authorization: `Bearer ${secretKey}` } });
    const users = JSON.parse(await response.text()) as unknown[];
    if (users.length !== 100) throw new Error('bad raw response');
  },
  'client, validation on': async () => {
    const result = await validating.users.getUserList({ limit: 100 });
    if (result.errors || result.data.length !== 100) throw new Error(`client failed: ${JSON.stringify(result.errors)}`);
  },
  'client, validation off': async () => {
    const result = await unvalidated.users.getUserList({ limit: 100 });
    if (result.errors || result.data.length !== 100) throw new Error(`client failed: ${JSON.stringify(result.errors)}`);
  },
};

async function timeOf(run: () => Promise<unknown>, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  return ((performance.now() - start) * 1000) / iterations;
}

for (const run of Object.values(variants)) await timeOf(run, WARMUP);
// Interleaved rounds so that drift (GC, CPU frequency) hits every variant alike; median per variant.
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(variants)) samples[name]?.push(await timeOf(run, PER_ROUND));
}
server.close();

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const rawSamples = samples['raw fetch + JSON.parse'] ?? [];
// Ratios are taken per round (same moment, same machine load), then the median across rounds.
const rows = Object.entries(samples).map(([name, values]) => {
  const ratio = median(values.map((value, round) => value / (rawSamples[round] ?? Number.NaN)));
  return `| ${name} | ${median(values).toFixed(1)} | ${ratio.toFixed(2)}× |`;
});
const table = [
  `Node ${process.version}, ${ROUNDS} interleaved rounds × ${PER_ROUND} sequential calls per variant after ${WARMUP} warm-up calls each; medians over rounds (ratio: median of per-round ratios). The stub server runs in the same process and serves a pre-serialised ${Math.round(payload.length / 1024)} KiB body.`,
  '',
  '| variant | µs per call | ratio to raw |',
  '| --- | ---: | ---: |',
  ...rows,
  '',
  'Targets: validation on ≤ 1.50×, validation off ≤ 1.15×.',
].join('\n');
console.log(table);
writeFileSync(fileURLToPath(new URL('RESULTS.md', import.meta.url)), `# getUserList({ limit: 100 }) benchmark\n\n${table}\n`);
