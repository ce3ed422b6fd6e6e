// Runs `npm run mutate`'s scope (src/auth and src/core) as shards, one Stryker run per group of files, so that a
// run cut short keeps every finished shard: each shard writes its own json report and incremental file under
// reports/mutation/ (gitignored). A rerun reuses a shard's incremental file and tests only mutants whose code or
// covering tests changed. `npx tsx scripts/mutation-score.ts` adds the reports up.
//
//   npx tsx scripts/mutation-shards.ts                 every shard, in order
//   npx tsx scripts/mutation-shards.ts core-send auth-jws   only these shards, in this order
//   STRYKER_CONCURRENCY=2 npx tsx scripts/mutation-shards.ts   more test runners (the machine is shared: ask first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARDS } from './mutation/shards.js';
import { projectRoot } from './spec/pin.js';

function main(): void {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SHARDS.some((shard) => shard.name === name));
  if (unknown.length > 0) {
    console.error(`unknown shard(s): ${unknown.join(', ')}; known: ${SHARDS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const base = JSON.parse(readFileSync(join(projectRoot, 'stryker.config.json'), 'utf8')) as Record<string, unknown>;
  const dir = join(projectRoot, 'reports/mutation');
  mkdirSync(dir, { recursive: true });
  const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? base.concurrency ?? 1);
  // Named shards run in the order given, so the ones whose results are wanted first can go first.
  const shards = wanted.length === 0 ? SHARDS : wanted.map((name) => SHARDS.find((s) => s.name === name)).filter((s) => s !== undefined);
  for (const shard of shards) {
    const config = {
      ...base,
      mutate: shard.mutate,
      concurrency,
      // The progress bar is noise in a log file: progress-append-only prints a line every few seconds instead.
      reporters: ['clear-text', 'progress-append-only', 'json'],
      jsonReporter: { fileName: `reports/mutation/${shard.name}.json` },
      incremental: true,
      incrementalFile: `reports/mutation/${shard.name}.incremental.json`,
    };
    // Stryker resolves a config file's relative paths against the working directory, so the file can live here.
    const configFile = join(dir, `${shard.name}.config.json`);
    writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const started = Date.now();
    console.log(`[mutation-shards] ${new Date(started).toISOString()} start ${shard.name}`);
    const run = spawnSync('npx', ['stryker', 'run', configFile], { cwd: projectRoot, stdio: 'inherit' });
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(`[mutation-shards] ${new Date().toISOString()} end ${shard.name} exit ${run.status} after ${minutes} min`);
  }
}

main();
