// Adds up the shard reports of scripts/mutation-shards.ts (Stryker json reports, mutation-testing-report-schema)
// into one mutation score, in total and per directory, and lists the surviving mutants.
//
//   npx tsx scripts/mutation-score.ts              the score table, and which shards have no report yet
//   npx tsx scripts/mutation-score.ts --survivors  also every survivor and no-coverage mutant, file:line and change
//
// The score is Stryker's own (mutation-testing-metrics): detected / valid, where detected = Killed + Timeout and
// valid = detected + Survived + NoCoverage. Ignored mutants (static ones, under `ignoreStatic`) and mutants that do
// not compile or crash outside a test count in neither. "Covered" is detected / (detected + Survived).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;

function emptyCounts(): Counts {
  return { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
}

function score(c: Counts): { detected: number; valid: number; total: string; covered: string } {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  const percent = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(2)}%`);
  return { detected, valid, total: percent(detected, valid), covered: percent(detected, detected + c.Survived) };
}

/** The mutated span of the source, on one line. */
function snippet(lines: string[], { location: { start, end } }: Mutant): string {
  const span = lines.slice(start.line - 1, end.line);
  if (span.length === 0) return '';
  span[span.length - 1] = (span[span.length - 1] ?? '').slice(0, end.column - 1);
  span[0] = (span[0] ?? '').slice(start.column - 1);
  const text = span.map((line) => line.trim()).join(' ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The directory a file is reported under: src/auth/request apart from the rest of src/auth. */
function group(file: string): string {
  return file.split('/').slice(0, -1).join('/');
}

function main(): void {
  const showSurvivors = process.argv.includes('--survivors');
  const byGroup = new Map<string, Counts>();
  const all = emptyCounts();
  const missing: string[] = [];
  const survivors: string[] = [];
  for (const shard of SHARDS) {
    const path = join(projectRoot, 'reports/mutation', `${shard.name}.json`);
    if (!existsSync(path)) {
      missing.push(shard.name);
      continue;
    }
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      const counts = byGroup.get(group(file)) ?? emptyCounts();
      byGroup.set(group(file), counts);
      const lines = source.split('\n');
      for (const mutant of mutants) {
        const status = mutant.status as keyof Counts;
        if (!(status in counts)) throw new Error(`${file}: unexpected mutant status ${mutant.status}`);
        counts[status]++;
        all[status]++;
        if (showSurvivors && (status === 'Survived' || status === 'NoCoverage')) {
          const { start } = mutant.location;
          survivors.push(
            `${status} ${file}:${start.line}:${start.column} ${mutant.mutatorName}: ${snippet(lines, mutant)} -> ${mutant.replacement ?? ''}`,
          );
        }
      }
    }
  }
  const rows = [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b));
  rows.push(['all', all]);
  console.log('| scope | mutants | ignored | killed | timeout | survived | no coverage | errors | score | covered |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, c] of rows) {
    const s = score(c);
    const total = STATUSES.reduce((sum, status) => sum + c[status], 0);
    const errors = c.CompileError + c.RuntimeError;
    console.log(
      `| ${name} | ${total} | ${c.Ignored} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${errors} | ${s.total} | ${s.covered} |`,
    );
  }
  if (missing.length > 0) console.log(`\nno report yet for shard(s): ${missing.join(', ')}`);
  if (showSurvivors) console.log(`\n${survivors.join('\n')}`);
}

main();
