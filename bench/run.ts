// `npm run bench`: runs every benchmark script in its own process, one after another (so they do not compete
// for the 2 cores). Each writes its tables to bench/<name>/RESULTS.md; bench/RESULTS.md is the report built from
// them by hand, with the context a single run lacks (load, spread across runs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const all = [
  'generate/generate-time.ts',
  'client/get-user-list.ts',
  'auth/verify.ts',
  'request/authenticate.ts',
  'http/http.ts',
  'webhooks/verify.ts',
  'size/size.ts',
];
// Benches that run only when named (`npm run bench -- soak`): long, and they assert rather than measure.
const onDemand = ['soak/soak.ts'];
// `npm run bench -- auth soak` runs the named ones only (by folder).
const named = process.argv.slice(2);
const benches = named.length === 0 ? all : [...all, ...onDemand].filter((bench) => named.includes(bench.split('/')[0] as string));
if (named.length > 0 && benches.length === 0) throw new Error(`no bench named ${named.join(', ')}`);
const root = fileURLToPath(new URL('./', import.meta.url));

for (const bench of benches) {
  const script = `${root}${bench}`;
  if (!existsSync(script)) {
    console.warn(`skipping ${bench}: not present`);
    continue;
  }
  console.log(`\n=== ${bench}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${bench} failed with exit code ${run.status}`);
    process.exitCode = 1;
  }
}
console.log('\ntables written to bench/*/RESULTS.md; bring bench/RESULTS.md and the README headline table up to date');
