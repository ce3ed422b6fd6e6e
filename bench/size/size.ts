// Size and cold-start goals of issue 14, against @clerk/backend in the same run:
// bundle sizes (esbuild, minified, platform neutral, gzip) and cold `import()` + first validated call in fresh
// Node processes (median of 15, alternating the two packages). Builds dist/ first: the cold start is the package's.
// Run: npx tsx bench/size/size.ts   (writes bench/size/RESULTS.md, and our sizes to bench/size/recorded.json)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeClerkUser } from '../../test/client/fixtures/clerk-users.js';
import { measureComparisons, writeRecordedSizes } from './bundle-sizes.js';

const RUNS = 15;
const root = fileURLToPath(new URL('../../', import.meta.url));
execFileSync(join(root, 'node_modules/.bin/tsdown'), ['--log-level', 'error'], { cwd: root, stdio: 'inherit' });

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const lines = [
  '## Size and cold start (bench/size/size.ts)',
  '',
  `node ${process.version}, esbuild minified, platform neutral, ESM, no code splitting; gzip level 9. Rows marked`,
  '"code splitting": rolldown (Vite\'s bundler), minified, counting the entry chunk and its static imports only.',
  '',
];
lines.push('| bundle | metric | clerk-bapi | @clerk/backend | ratio | goal |', '|---|---|---|---|---|---|');
const rows = await measureComparisons();
for (const row of rows) {
  lines.push(
    `| ${row.name} | ${row.metric} | ${kb(row.oursSize[row.metric])} | ${kb(row.theirsSize[row.metric])} | ${row.ratio.toFixed(2)}× | ≤ ${row.goal.toFixed(2)}× |`,
  );
}
for (const row of rows) {
  if (row.splitting && row.oursSize.deferred) {
    lines.push(
      '',
      `${row.name}: clerk-bapi loads ${kb(row.oursSize.deferred.gzip)} gzip more (${kb(row.oursSize.deferred.minified)} minified) on the first \`clerk.authenticateRequest\`; @clerk/backend defers ${kb(row.theirsSize.deferred?.gzip ?? 0)}.`,
    );
  }
}
writeRecordedSizes(rows);

const userFile = join(mkdtempSync(join(tmpdir(), 'clerk-bapi-size-')), 'user.json');
writeFileSync(userFile, JSON.stringify(makeClerkUser(1)));
const samples: Record<string, Array<{ importMs: number; firstCallMs: number }>> = { 'clerk-bapi': [], '@clerk/backend': [] };
for (let run = 0; run < RUNS; run++) {
  for (const specifier of Object.keys(samples)) {
    const out = execFileSync(process.execPath, [join(root, 'bench/size/cold-start.mjs'), specifier, userFile], {
      cwd: root,
      encoding: 'utf8',
    });
    samples[specifier]!.push(JSON.parse(out) as { importMs: number; firstCallMs: number });
  }
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ours = samples['clerk-bapi']!;
const theirs = samples['@clerk/backend']!;
const oursImport = median(ours.map((s) => s.importMs));
const theirsImport = median(theirs.map((s) => s.importMs));
const oursCall = median(ours.map((s) => s.firstCallMs));
const theirsCall = median(theirs.map((s) => s.firstCallMs));
lines.push(
  '',
  `| cold start (fresh node process, median of ${RUNS}) | clerk-bapi | @clerk/backend | ratio | goal |`,
  '|---|---|---|---|---|',
  `| \`import()\` of the package | ${oursImport.toFixed(1)} ms | ${theirsImport.toFixed(1)} ms | ${(oursImport / theirsImport).toFixed(2)}× | ≤ 1.00× |`,
  `| import + createClerkClient + first \`users.getUser\` (ours validated) | ${oursCall.toFixed(1)} ms | ${theirsCall.toFixed(1)} ms | ${(oursCall / theirsCall).toFixed(2)}× | — |`,
  '',
);
writeFileSync(join(root, 'bench/size/RESULTS.md'), lines.join('\n'));
console.log(lines.join('\n'));
