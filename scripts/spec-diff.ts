// Reports what changed between two BAPI specs for SDK users.
// Usage: tsx scripts/spec-diff.ts <from> <to> [--json] [--fail-on breaking]
//   <from>, <to>  a pinned version (repaired by its overlays) or a path to a spec file (used as is)
//   --json        machine-readable report instead of Markdown
//   --fail-on breaking  exit 1 when any change breaks SDK users
import { parseArgs } from 'node:util';
import { buildReport } from './spec-diff/build-report.js';
import { loadSide } from './spec-diff/load-side.js';
import { renderMarkdown } from './spec-diff/render-markdown.js';

/**
 * Runs spec:diff on `argv` and returns the exit code: 0, 1 for `--fail-on breaking` with breaking changes, 2 for bad input.
 *
 * @example
 * process.exitCode = await runSpecDiff(['2025-11-10', '2026-05-12', '--json'], (text) => process.stdout.write(text));
 */
export async function runSpecDiff(
  argv: string[],
  write: (text: string) => void,
  writeError: (text: string) => void = write,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'fail-on': { type: 'string' } },
    });
    const [from, to] = positionals;
    if (!from || !to || positionals.length !== 2) throw new Error('usage: npm run spec:diff -- <from> <to> [--json] [--fail-on breaking]');
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'breaking') throw new Error(`--fail-on takes "breaking", got ${JSON.stringify(failOn)}`);

    const report = buildReport(await loadSide(from), await loadSide(to));
    write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderMarkdown(report)}\n`);
    if (failOn === 'breaking' && report.summary.breaking > 0) {
      writeError(`${report.summary.breaking} breaking change(s) between ${from} and ${to}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    writeError(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSpecDiff(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then((code) => {
    process.exitCode = code;
  });
}
