// Bundle sizes of clerk-bapi against @clerk/backend, measured the same way in one run: esbuild bundles a tiny app
// that calls the API (minified, platform neutral, ESM, no code splitting, so lazily loaded code counts too), and
// we report minified and gzip bytes. A bundle marked `splitting` is built with code splitting instead (rolldown,
// Vite's bundler) and counts what the app loads before its first call: the entry chunk and the chunks it imports
// statically, not those behind a dynamic `import()`. Shared by bench/size/size.ts (the table against the goals, and the sizes it
// records in recorded.json) and test/package/size-budget.test.ts (growth over the recorded sizes).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One measured bundle. */
export interface BundleSize {
  minified: number;
  gzip: number;
  /** With code splitting: what loads only on a dynamic `import()` (not counted above). */
  deferred?: { minified: number; gzip: number };
}

/** One bundle of ours and the @clerk/backend app it is compared with, on `metric`. */
export interface Bundle {
  name: string;
  metric: 'minified' | 'gzip';
  /** The goal: ours / theirs on `metric` should stay at or under it (the bench reports it; no test enforces it). */
  goal: number;
  ours: string;
  theirs: string;
  /** Measured with code splitting: only what loads before the first call counts (see above). */
  splitting?: true;
}

/** One bundle measured against theirs in the same run. */
export interface SizeComparison extends Bundle {
  oursSize: BundleSize;
  theirsSize: BundleSize;
  /** ours / theirs on `metric`. */
  ratio: number;
}

const SECRET = "'sk_test_size0000000000000000000000000000000'";
const THEIR_CLIENT = `import { createClerkClient } from '@clerk/backend'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`;

/** Every bundle the size bench measures, with the goals of issue 14. */
export const BUNDLES: readonly Bundle[] = [
  {
    name: 'whole client (createClerkClient + users.getUser)',
    metric: 'gzip',
    // Issue 23 (one runtime schema form, no compiled checks): at most theirs.
    goal: 1.0,
    ours: `import { createClerkClient } from './src/index.ts'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`,
    theirs: THEIR_CLIENT,
  },
  {
    // The same app built with code splitting: the client's authenticateRequest loads the request authentication
    // (handshake, cookies, machine tokens) on its first call, so an app that only calls the API does not load it.
    name: 'whole client, loaded before the first call (code splitting)',
    metric: 'gzip',
    goal: 1.0,
    ours: `import { createClerkClient } from './src/index.ts'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`,
    theirs: THEIR_CLIENT,
    splitting: true,
  },
  {
    name: 'verifyToken from the auth entry',
    metric: 'minified',
    goal: 0.8,
    ours: `import { verifyToken } from './src/auth/index.ts'; export const r = verifyToken('t', { jwtKey: 'k' });`,
    theirs: `import { verifyToken } from '@clerk/backend'; export const r = verifyToken('t', { jwtKey: 'k' });`,
  },
  {
    name: 'authenticateRequest from the auth entry',
    metric: 'minified',
    goal: 0.35,
    ours: `import { authenticateRequest } from './src/auth/index.ts'; export const r = authenticateRequest;`,
    theirs: `import { createAuthenticateRequest } from '@clerk/backend/internal'; export const r = createAuthenticateRequest;`,
  },
  {
    name: 'getUser alone (clerk-bapi/operations) vs their whole client',
    metric: 'gzip',
    goal: 0.25,
    ours: `import { getUser } from './src/operations.ts'; export const r = getUser({ secretKey: ${SECRET} }, 'user_1');`,
    theirs: THEIR_CLIENT,
  },
];

/**
 * Bundles `source` (an app, written as ESM) as a consumer's bundler would and returns its sizes.
 *
 * @example
 * const size = await measureBundle("import { verifyToken } from './src/auth/index.ts'; export { verifyToken };");
 */
export async function measureBundle(source: string, options: { splitting?: boolean } = {}): Promise<BundleSize> {
  if (options.splitting) return measureSplitBundle(source);
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // Neutral has no default package fields or conditions; these are what a browser/edge bundler uses.
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import', 'default'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const APP_ID = `${root}__size_app__.ts`;
const sizeOf = (codes: readonly string[]): { minified: number; gzip: number } => ({
  minified: codes.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
  gzip: codes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).byteLength, 0),
});

/**
 * Bundles `source` with code splitting (rolldown, as Vite builds an app) and returns the sizes of what loads before
 * the first call, each chunk gzipped on its own: the entry chunk and every chunk it imports statically. Chunks
 * reached only through a dynamic `import()` are reported as `deferred`.
 */
async function measureSplitBundle(source: string): Promise<BundleSize> {
  const bundle = await rolldown({
    input: APP_ID,
    platform: 'neutral',
    logLevel: 'silent',
    resolve: { mainFields: ['module', 'main'], conditionNames: ['worker', 'browser', 'import', 'default'] },
    plugins: [
      {
        name: 'size-app',
        resolveId: (id) => (id === APP_ID ? id : null),
        load: (id) => (id === APP_ID ? { code: source, moduleType: 'ts' } : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const chunks = new Map(output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const eager = new Set<string>();
  const queue = [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (eager.has(name)) continue;
    eager.add(name);
    queue.push(...chunks.get(name)!.imports.filter((imported) => chunks.has(imported)));
  }
  const codes = (loaded: boolean) =>
    [...chunks.values()].filter((chunk) => eager.has(chunk.fileName) === loaded).map((chunk) => chunk.code);
  return { ...sizeOf(codes(true)), deferred: sizeOf(codes(false)) };
}

/**
 * Measures every bundle of ours against theirs in one run.
 *
 * @example
 * for (const row of await measureComparisons()) console.log(row.name, row.ratio);
 */
export async function measureComparisons(): Promise<SizeComparison[]> {
  return Promise.all(
    BUNDLES.map(async (bundle) => {
      const options = { splitting: bundle.splitting === true };
      const [oursSize, theirsSize] = await Promise.all([measureBundle(bundle.ours, options), measureBundle(bundle.theirs, options)]);
      return { ...bundle, oursSize, theirsSize, ratio: oursSize[bundle.metric] / theirsSize[bundle.metric] };
    }),
  );
}

/** Where the size bench records our bundle sizes, which the test compares new builds with. */
const recordedPath = new URL('./recorded.json', import.meta.url);

/** Bytes of each bundle of ours on its metric, by bundle name, as last recorded by `npx tsx bench/size/size.ts`. */
export function readRecordedSizes(): Record<string, number> {
  return JSON.parse(readFileSync(recordedPath, 'utf8')) as Record<string, number>;
}

/** Records the sizes of our bundles from a bench run. */
export function writeRecordedSizes(rows: readonly SizeComparison[]): void {
  const sizes = Object.fromEntries(rows.map((row) => [row.name, row.oursSize[row.metric]]));
  writeFileSync(recordedPath, `${JSON.stringify(sizes, null, 2)}\n`);
}
