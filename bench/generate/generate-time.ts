// Measures how long generating one BAPI version takes (resolve + parse + overlays + every emitter), in process.
import { writeFileSync } from 'node:fs';
import { renderAll } from '../../scripts/generate.js';
import { readPin } from '../../scripts/spec/pin.js';

const version = readPin().bapi.default;
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await renderAll(version);
  runs.push(performance.now() - started);
}
const sorted = [...runs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const table = [
  `### Generator (BAPI ${version}, 5 runs, in process)`,
  '',
  '| first run | median | best | budget |',
  '|---|---|---|---|',
  `| ${(runs[0]! / 1000).toFixed(2)} s | ${(median / 1000).toFixed(2)} s | ${(sorted[0]! / 1000).toFixed(2)} s | 5 s |`,
  '',
].join('\n');
console.log(table);
writeFileSync(new URL('./RESULTS.md', import.meta.url), table);
