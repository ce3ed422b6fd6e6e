// Prints generated TypeScript through the project's formatter (Biome, biome.json), so generated code reads like
// the handwritten code instead of 3,000-character lines. Deterministic: same input, same output.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../spec/pin.js';
import { fixedPoints } from './fixed-points.js';

const biomeConfig = join(projectRoot, 'biome.json');

let biomePath: string | undefined;

/**
 * Biome's native executable. `node_modules/.bin/biome` is a Node script that finds and spawns it, which costs a
 * Node start-up (and an `ldd` run) per call; the generator calls Biome several times, so it spawns the
 * executable itself, found the way that script finds it, and falls back to the script where that fails.
 */
function biomeBinary(): string {
  biomePath ??= process.env['BIOME_BINARY'] || findPlatformBinary() || join(projectRoot, 'node_modules/.bin/biome');
  return biomePath;
}

function findPlatformBinary(): string | undefined {
  const { platform, arch } = process;
  const header = platform === 'linux' ? (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }).header : undefined;
  const libc = platform === 'linux' && !header?.glibcVersionRuntime ? '-musl' : '';
  // The platform packages are optional dependencies of @biomejs/biome: resolve them from it.
  const name = `@biomejs/cli-${platform}-${arch}${libc}/biome${platform === 'win32' ? '.exe' : ''}`;
  try {
    return createRequire(join(projectRoot, 'node_modules/@biomejs/biome/package.json')).resolve(name);
  } catch {
    return undefined;
  }
}

/**
 * Formats one generated TypeScript module with the project's Biome settings; rejects when Biome refuses it,
 * since a generated file that does not parse is a generator bug.
 *
 * @example
 * const source = await formatSource('export const a = {b:1}\n'); // "export const a = { b: 1 };\n"
 */
export async function formatSource(source: string): Promise<string> {
  // Biome 2.6 is not always idempotent (a long `||` chain is re-wrapped on a second pass); format to a fixed
  // point so that the output is stable and `biome format` would leave it as it is.
  let formatted = await formatOnce(source);
  for (let pass = 0; pass < 2; pass++) {
    const again = await formatOnce(formatted);
    if (again === formatted) return formatted;
    formatted = again;
  }
  return formatted;
}

/**
 * Formats many generated modules (file name to source) exactly as `formatSource` formats each one, in one Biome
 * run per pass instead of two or three runs per file: Biome formats the files on its own threads, and only the
 * files that a pass still changed go through the next one (see fixed-points.ts for the pass it can skip).
 *
 * @example
 * const { 'a.ts': a } = await formatSources({ 'a.ts': 'export const a = {b:1}\n' }); // "export const a = { b: 1 };\n"
 */
export async function formatSources(sources: Record<string, string>): Promise<Record<string, string>> {
  const names = Object.keys(sources);
  if (names.length === 0) return {};
  for (const name of names) {
    // Written as files in a scratch directory: plain TypeScript module names only.
    if (!/^[\w-]+(\.[\w-]+)*\.ts$/.test(name)) throw new Error(`biome could not format generated code: bad module name ${name}`);
  }
  const known = fixedPoints(biomeBinary(), biomeConfig);
  const dir = await mkdtemp(join(tmpdir(), 'clerk-bapi-format-'));
  try {
    await Promise.all(names.map((name) => writeFile(join(dir, name), sources[name]!)));
    // The same passes as formatSource: the first output, then again until a pass leaves a file as it is (at most
    // two more), so each file ends exactly where formatSource would stop. A pass that would only confirm a fixed
    // point an earlier run already saw is skipped.
    const formatted = await formatFilesOnce(dir, names);
    let pending = names;
    for (let pass = 0; pass < 2; pass++) {
      pending = pending.filter((name) => !known.has(formatted[name]!));
      if (pending.length === 0) break;
      const again = await formatFilesOnce(dir, pending);
      for (const name of pending) if (again[name] === formatted[name]) known.add(formatted[name]!);
      pending = pending.filter((name) => again[name] !== formatted[name]);
      for (const name of pending) formatted[name] = again[name]!;
    }
    return formatted;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One `biome format --write` over `names` in `dir`; resolves with their new contents. */
async function formatFilesOnce(dir: string, names: string[]): Promise<Record<string, string>> {
  const sizes = await Promise.all(names.map(async (name) => (await readFile(join(dir, name))).length));
  const args = [
    'format',
    '--write',
    `--config-path=${biomeConfig}`,
    // The scratch directory is outside the repository; the stdin path formats whatever it is given, whatever its size.
    '--vcs-enabled=false',
    `--files-max-size=${Math.max(...sizes) + 1}`,
    '--error-on-warnings',
    '--reporter=json',
    ...names,
  ];
  const { code, stdout, stderr } = await runBiome(args, dir);
  const report = readReport(stdout);
  if (code !== 0) throw new Error(`biome could not format generated code: ${(report?.problems || stderr || stdout).slice(0, 500)}`);
  // A file that Biome skips (ignored by a biome.json pattern, say) is left as it was without a warning: count the
  // files it formatted, so that an unformatted file can never pass as formatted.
  const done = report ? report.changed + report.unchanged : 'an unknown number';
  if (done !== names.length) throw new Error(`biome could not format generated code: it formatted ${done} of ${names.length} files`);
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return Object.fromEntries(names.map((name, index) => [name, contents[index]!]));
}

interface JsonReport {
  summary?: { changed?: unknown; unchanged?: unknown };
  diagnostics?: { message?: unknown; location?: { path?: unknown; start?: { line?: unknown; column?: unknown } } }[];
}

/** The counts and diagnostics of Biome's JSON reporter, or undefined when its output is not that. */
function readReport(stdout: string): { changed: number; unchanged: number; problems: string } | undefined {
  let report: JsonReport;
  try {
    report = JSON.parse(stdout) as JsonReport;
  } catch {
    return undefined;
  }
  const { changed, unchanged } = report.summary ?? {};
  if (typeof changed !== 'number' || typeof unchanged !== 'number') return undefined;
  const problems = (report.diagnostics ?? []).map(
    ({ message, location }) => `${location?.path}:${location?.start?.line}:${location?.start?.column} ${message}`,
  );
  return { changed, unchanged, problems: problems.join('\n') };
}

async function formatOnce(source: string): Promise<string> {
  // A path Biome formats (src/generated/ itself is ignored by biome.json, so that the check skips build output).
  const { code, stdout, stderr } = await runBiome(['format', '--stdin-file-path=scripts/generated-output.ts'], projectRoot, source);
  if (code !== 0) throw new Error(`biome could not format generated code: ${stderr.slice(0, 500)}`);
  return stdout;
}

function runBiome(args: string[], cwd: string, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(biomeBinary(), args, { cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new Error(`biome could not format generated code: ${error.message}`)));
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(stdin);
  });
}
