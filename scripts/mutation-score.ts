// Adds up the shard reports of scripts/mutation-shards.ts (Stryker json reports, mutation-testing-report-schema)
// into one mutation score, in total and per directory, and explains each surviving mutant from
// scripts/mutation/reasons/ (one file per shard).
//
//   npx tsx scripts/mutation-score.ts                the score table, survivors by reason kind, missing shards
//   npx tsx scripts/mutation-score.ts --survivors    also every survivor and no-coverage mutant, with its reason
//   npx tsx scripts/mutation-score.ts --unexplained  only the survivors that no reason covers (exit 1 if any)
//   npx tsx scripts/mutation-score.ts --doc          writes docs/mutation-survivors.md
//
// The score is Stryker's own (mutation-testing-metrics): detected / valid, where detected = Killed + Timeout and
// valid = detected + Survived + NoCoverage. Ignored mutants (static ones, under `ignoreStatic`) and mutants that do
// not compile or crash outside a test count in neither. "Covered" is detected / (detected + Survived).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { findReason, type SurvivorKind, type SurvivorReason } from './mutation/reason.js';
import { ALL_REASONS } from './mutation/reasons/index.js';
import { SHARDS } from './mutation/shards.js';
import { projectRoot } from './spec/pin.js';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
interface Survivor {
  status: 'Survived' | 'NoCoverage';
  file: string;
  line: number;
  column: number;
  /** `Mutator: original -> replacement`, what reasons match against. */
  change: string;
  reason: SurvivorReason | undefined;
}

const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;
const KINDS: readonly SurvivorKind[] = ['equivalent', 'unobservable', 'unreachable', 'static', 'gap'];

function emptyCounts(): Counts {
  return { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
}

function score(c: Counts): { total: string; covered: string } {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  const percent = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(2)}%`);
  return { total: percent(detected, valid), covered: percent(detected, detected + c.Survived) };
}

/** The mutated span of the source, on one line, whitespace collapsed. */
function mutatedText(lines: string[], { location: { start, end } }: Mutant): string {
  const span = lines.slice(start.line - 1, end.line);
  if (span.length === 0) return '';
  span[span.length - 1] = (span[span.length - 1] ?? '').slice(0, end.column - 1);
  span[0] = (span[0] ?? '').slice(start.column - 1);
  return span.map((line) => line.trim()).join(' ');
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The directory a file is reported under: src/auth/request apart from the rest of src/auth. */
function group(file: string): string {
  return file.split('/').slice(0, -1).join('/');
}

/**
 * Whether a shard mutates `file` (its globs; `!` ones exclude). A shard's report can still hold a file that moved to
 * another shard: Stryker carries it over from the incremental file. Such a file is counted by its own shard only.
 */
function inShard(mutate: readonly string[], file: string): boolean {
  const excluded = mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = mutate.filter((glob) => !glob.startsWith('!'));
  return included.some((glob) => matchesGlob(file, glob)) && !excluded.some((glob) => matchesGlob(file, glob));
}

function readReports(): { byGroup: Map<string, Counts>; all: Counts; survivors: Survivor[]; missing: string[]; stale: string[] } {
  const byGroup = new Map<string, Counts>();
  const all = emptyCounts();
  const missing: string[] = [];
  const stale: string[] = [];
  const survivors: Survivor[] = [];
  for (const shard of SHARDS) {
    const path = join(projectRoot, 'reports/mutation', `${shard.name}.json`);
    if (!existsSync(path)) {
      missing.push(shard.name);
      continue;
    }
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      if (!inShard(shard.mutate, file)) {
        stale.push(`${shard.name}: ${file}`);
        continue;
      }
      const counts = byGroup.get(group(file)) ?? emptyCounts();
      byGroup.set(group(file), counts);
      const lines = source.split('\n');
      for (const mutant of mutants) {
        const status = mutant.status as keyof Counts;
        if (!(status in counts)) throw new Error(`${file}: unexpected mutant status ${mutant.status}`);
        counts[status]++;
        all[status]++;
        if (status !== 'Survived' && status !== 'NoCoverage') continue;
        const change = `${mutant.mutatorName}: ${mutatedText(lines, mutant)} -> ${mutant.replacement ?? ''}`;
        const { line, column } = mutant.location.start;
        survivors.push({ status, file, line, column, change, reason: findReason(ALL_REASONS, file, change) });
      }
    }
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { byGroup, all, survivors, missing, stale };
}

function scoreTable(byGroup: Map<string, Counts>, all: Counts): string[] {
  const rows: Array<[string, Counts]> = [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b));
  rows.push(['all', all]);
  const out = [
    '| scope | mutants | ignored | killed | timeout | survived | no coverage | errors | score | covered |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, c] of rows) {
    const s = score(c);
    const total = STATUSES.reduce((sum, status) => sum + c[status], 0);
    const errors = c.CompileError + c.RuntimeError;
    out.push(
      `| ${name} | ${total} | ${c.Ignored} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${errors} | ${s.total} | ${s.covered} |`,
    );
  }
  return out;
}

/** Survivors per scope and reason kind, with the ones no reason covers. */
function kindTable(survivors: Survivor[]): string[] {
  const scopes = [...new Set(survivors.map((s) => group(s.file)))].sort();
  const out = [
    '| scope | survivors | equivalent | unobservable | unreachable | static | gap | unexplained |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const scope of [...scopes, 'all']) {
    const mine = survivors.filter((s) => scope === 'all' || group(s.file) === scope);
    const byKind = KINDS.map((kind) => mine.filter((s) => s.reason?.kind === kind).length);
    const unexplained = mine.filter((s) => s.reason === undefined).length;
    out.push(`| ${scope} | ${mine.length} | ${byKind.join(' | ')} | ${unexplained} |`);
  }
  return out;
}

function survivorLine(s: Survivor): string {
  const why = s.reason === undefined ? 'UNEXPLAINED' : `${s.reason.kind}: ${s.reason.why}`;
  return `${s.status} ${s.file}:${s.line}:${s.column} ${shorten(s.change, 160)}\n    ${why}`;
}

/** Reasons that cover no survivor any more: the mutant was killed or its code changed. */
function unusedReasons(survivors: Survivor[]): SurvivorReason[] {
  const used = new Set(survivors.map((s) => s.reason));
  return ALL_REASONS.filter((reason) => !used.has(reason));
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('`', "'");
}

function writeDoc(byGroup: Map<string, Counts>, all: Counts, survivors: Survivor[]): void {
  const out = [
    '# Mutation survivors',
    '',
    'Every mutant that survived `npm run mutate:shards` (or that no test covers), with the reason it is left. Written',
    'by `npm run mutate:score -- --doc` from the shard reports and the reasons in `scripts/mutation/reasons/`; do not',
    'edit by hand. Kinds: **equivalent** (the same result for every input), **unobservable** (the same results, but',
    'something outside them differs, such as a timer left running), **unreachable** (defensive code that no input',
    'reaches through the public API), **static** (runs only while its module loads, where Stryker cannot switch a',
    'mutant on; the reason names the test that fails when the mutation is applied by hand), **gap** (a real',
    'difference no test catches; the reason says why it is left).',
    '',
    '## Score',
    '',
    ...scoreTable(byGroup, all),
    '',
    '## Survivors by reason',
    '',
    ...kindTable(survivors),
    '',
  ];
  const files = [...new Set(survivors.map((s) => s.file))];
  for (const file of files) {
    out.push(`## \`${file}\``, '', '| line | mutant | kind | why |', '|---|---|---|---|');
    for (const s of survivors.filter((x) => x.file === file)) {
      const kind = s.reason?.kind ?? '**unexplained**';
      const status = s.status === 'NoCoverage' ? ' (no coverage)' : '';
      out.push(`| ${s.line} | ${escapeCell(shorten(s.change, 140))}${status} | ${kind} | ${escapeCell(s.reason?.why ?? '')} |`);
    }
    out.push('');
  }
  writeFileSync(join(projectRoot, 'docs/mutation-survivors.md'), out.join('\n'));
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const { byGroup, all, survivors, missing, stale } = readReports();
  console.log(scoreTable(byGroup, all).join('\n'));
  console.log(`\n${kindTable(survivors).join('\n')}`);
  if (missing.length > 0) console.log(`\nno report yet for shard(s): ${missing.join(', ')}`);
  if (stale.length > 0) console.log(`\nleft out, no longer in their shard's scope: ${stale.join(', ')}`);
  const unused = unusedReasons(survivors);
  if (unused.length > 0) {
    console.log(`\n${unused.length} reason(s) match no survivor (killed since, or the code changed):`);
    for (const reason of unused) console.log(`  ${reason.file}: ${String(reason.mutant)}`);
  }
  if (args.has('--survivors')) console.log(`\n${survivors.map(survivorLine).join('\n')}`);
  if (args.has('--unexplained')) {
    const unexplained = survivors.filter((s) => s.reason === undefined);
    console.log(`\n${unexplained.length} unexplained survivor(s)`);
    console.log(unexplained.map(survivorLine).join('\n'));
    if (unexplained.length > 0) process.exitCode = 1;
  }
  if (args.has('--doc')) {
    writeDoc(byGroup, all, survivors);
    console.log('\nwrote docs/mutation-survivors.md');
  }
}

main();
