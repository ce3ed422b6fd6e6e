// `npm run bench -- soak`: the long soak, 60 s of the fault schedule and then on (healthy endpoint) until
// 1,000,000 distinct token strings were decided (SOAK_TOKENS), capped at 15 minutes (SOAK_MAX_SECONDS). Exits non-zero on any wrong decision or
// broken bound, and writes bench/soak/RESULTS.md. The short variant of the same harness runs in `npm test`.
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mb, runSoak } from '../../test/soak/harness.js';

const HEAP_BOUND = 32 * 1024 * 1024;
const distinct = Number(process.env['SOAK_TOKENS'] ?? 1_000_000);
// The cap on the whole run (default 15 minutes): the schedule takes 60 s, the rest is reaching `distinct` tokens.
const maxSeconds = Number(process.env['SOAK_MAX_SECONDS'] ?? 900);
const load = loadavg()
  .map((value) => value.toFixed(1))
  .join(', ');
const report = await runSoak({
  durationMs: 60_000,
  minDistinctTokens: distinct,
  maxDurationMs: maxSeconds * 1000,
  maxRequests: Math.ceil(distinct * 2),
  concurrency: 32,
  validPerKey: 500,
  log: (line) => console.log(line),
});
const loadAfter = loadavg()
  .map((value) => value.toFixed(1))
  .join(', ');

const failures: string[] = [];
if (report.wrongCount > 0) failures.push(`${report.wrongCount} wrong decisions`);
if (report.wrongReasonCount > 0) failures.push(`${report.wrongReasonCount} refusals with a wrong reason`);
if (report.distinctTokens < distinct) failures.push(`only ${report.distinctTokens} distinct tokens in ${report.elapsedMs} ms`);
if (report.jwks.maxConcurrent > 1) failures.push('concurrent JWKS fetches');
if ((report.jwks.minGapAfterSuccessMs ?? Infinity) < report.rules.cooldownMs - 50) failures.push('JWKS fetches inside the cooldown');
if (report.heap.growth >= HEAP_BOUND) failures.push(`heap grew ${mb(report.heap.growth)}`);
if (report.unhandledRejections > 0) failures.push('unhandled rejections');
if (report.timersAfter > report.timersBefore) failures.push('timers left running');

const rows = Object.entries(report.byCategory)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, { sent, accepted }]) => `| ${name} | ${sent.toLocaleString('en-US')} | ${accepted.toLocaleString('en-US')} |`);
const markdown = [
  '### Soak (long variant)',
  '',
  `Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC, load average ${load} before, ${loadAfter} after (2 cores, shared).`,
  `${(report.elapsedMs / 1000).toFixed(1)} s, ${report.requests.toLocaleString('en-US')} decisions, ${report.distinctTokens.toLocaleString('en-US')} distinct token strings;`,
  `JWKS endpoint flapping (ok / ${report.rules.timeoutMs} ms timeouts / 500 / slow) in two storms, keys rotated twice, machine-token endpoint answering 429 in the storms.`,
  '',
  '| traffic | sent | accepted |',
  '|---|---:|---:|',
  ...rows,
  '',
  '| check | result |',
  '|---|---|',
  `| wrong decisions | ${report.wrongCount} |`,
  `| refusals with a wrong reason | ${report.wrongReasonCount} |`,
  `| JWKS fetches (cooldown ${report.rules.cooldownMs} ms) | ${report.jwks.fetches}, at most 1 at a time (${report.jwks.maxConcurrent}), min gap after first success ${report.jwks.minGapAfterSuccessMs ?? '–'} ms |`,
  `| machine-token calls | ${report.machine.calls} (${report.machine.limited} answered 429) |`,
  `| heap after warm-up → end (bound ${mb(HEAP_BOUND)}) | ${mb(report.heap.warmUsed)} → ${mb(report.heap.endUsed)} (${mb(report.heap.growth)}) |`,
  `| unhandled rejections | ${report.unhandledRejections} |`,
  `| timers before → after shutdown | ${report.timersBefore} → ${report.timersAfter} |`,
  '',
  failures.length === 0 ? 'Result: clean.' : `Result: FAILED (${failures.join('; ')}).`,
  '',
];
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), markdown.join('\n'));
console.log(markdown.join('\n'));
if (report.wrong.length > 0) console.error(report.wrong.join('\n'));
if (report.wrongReasons.length > 0) console.error(report.wrongReasons.join('\n'));
if (failures.length > 0) process.exitCode = 1;
