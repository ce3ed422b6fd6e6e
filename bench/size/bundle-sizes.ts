// Bundle sizes of clerk-bapi against @clerk/backend, measured the same way in one run: esbuild bundles a tiny app
// that calls the API (minified, platform neutral, ESM, no code splitting, so lazily loaded code counts too), and
// we report minified and gzip bytes. Shared by bench/size/size.ts (the table) and test/package/ (the budgets).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One measured bundle. */
export interface BundleSize {
  minified: number;
  gzip: number;
}

/** One budget: our bundle against theirs, compared on `metric`, which must stay at or under `ratio` × theirs. */
export interface SizeComparison {
  name: string;
  metric: keyof BundleSize;
  ours: BundleSize;
  theirs: BundleSize;
  /** ours / theirs on `metric`. */
  ratio: number;
}

/** Our source entries, by the public subpath that publishes them. */
const OURS = {
  '.': './src/index.ts',
  './auth': './src/auth/index.ts',
  './operations': './src/operations.ts',
};

/**
 * Bundles `source` (an app, written as ESM) as a consumer's bundler would and returns its sizes.
 *
 * @example
 * const size = await measureBundle("import { verifyToken } from './src/auth/index.ts'; export { verifyToken };");
 */
export async function measureBundle(source: string): Promise<BundleSize> {
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

async function compare(name: string, metric: keyof BundleSize, ours: string, theirs: string): Promise<SizeComparison> {
  const [oursSize, theirsSize] = await Promise.all([measureBundle(ours), measureBundle(theirs)]);
  return { name, metric, ours: oursSize, theirs: theirsSize, ratio: oursSize[metric] / theirsSize[metric] };
}

/** Whether our source has a given named export (budgets for APIs still being written are measured once they exist). */
async function hasExport(entry: string, name: string): Promise<boolean> {
  if (!existsSync(`${root}${entry}`)) return false;
  const probe = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(probe.metafile.outputs).some((output) => output.exports.includes(name));
}

const SECRET = "'sk_test_size0000000000000000000000000000000'";

/**
 * Measures every size budget of issue 14 in one run; a budget whose API does not exist yet is left out.
 *
 * @example
 * for (const row of await measureBudgets()) console.log(row.name, row.ratio);
 */
export async function measureBudgets(): Promise<SizeComparison[]> {
  const rows = [
    compare(
      'whole client (createClerkClient + users.getUser)',
      'gzip',
      `import { createClerkClient } from '${OURS['.']}'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`,
      `import { createClerkClient } from '@clerk/backend'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`,
    ),
    compare(
      'verifyToken from the auth entry',
      'minified',
      `import { verifyToken } from '${OURS['./auth']}'; export const r = verifyToken('t', { jwtKey: 'k' });`,
      `import { verifyToken } from '@clerk/backend'; export const r = verifyToken('t', { jwtKey: 'k' });`,
    ),
  ];
  if (await hasExport(OURS['./auth'], 'authenticateRequest')) {
    rows.push(
      compare(
        'authenticateRequest from the auth entry',
        'minified',
        `import { authenticateRequest } from '${OURS['./auth']}'; export const r = authenticateRequest;`,
        `import { createAuthenticateRequest } from '@clerk/backend/internal'; export const r = createAuthenticateRequest;`,
      ),
    );
  }
  if (await hasExport(OURS['./operations'], 'getUser')) {
    rows.push(
      compare(
        'getUser alone (clerk-bapi/operations) vs their whole client',
        'gzip',
        `import { getUser } from '${OURS['./operations']}'; export const r = getUser({ secretKey: ${SECRET} }, 'user_1');`,
        `import { createClerkClient } from '@clerk/backend'; export const r = createClerkClient({ secretKey: ${SECRET} }).users.getUser('user_1');`,
      ),
    );
  }
  return Promise.all(rows);
}
