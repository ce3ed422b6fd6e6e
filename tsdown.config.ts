// Build of the published package: ESM (.js) and CommonJS (.cjs) with their declarations (.d.ts/.d.cts) and source
// maps, one output file per public entry plus shared chunks. Each public subpath is one line in `entries`
// and one block in package.json `exports`; test/package/ checks that the two agree.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { posix } from 'node:path';
import { defineConfig, type Rolldown, type UserConfig } from 'tsdown';

/** Public entries: output name (under dist/) → source. */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  auth: 'src/auth/index.ts',
  errors: 'src/errors.ts',
  operations: 'src/operations.ts',
  webhooks: 'src/webhooks/index.ts',
  web: 'src/web/index.ts',
  // The generated zod schemas; the only entry that imports zod (an optional peer dependency).
  zod: 'src/zod.ts',
  // Node-only framework adapters (they read CLERK_* from process.env and use the native checks).
  express: 'src/express/index.ts',
  fastify: 'src/fastify/index.ts',
};

/**
 * The targets of package.json `imports` (output name → source): the signature check and the webhook HMAC, picked
 * by import condition (`node`: node:crypto, else WebCrypto). The entries import them as `#signature-check` and
 * `#webhook-signer`, left external so that the app's runtime or bundler resolves them; test/package/ checks that
 * package.json names these files.
 */
export const conditionalModules: Record<string, string> = {
  'signature-check': 'src/auth/web-signature-check.ts',
  'node/signature-check': 'src/node/node-signature-check.ts',
  'webhook-signer': 'src/webhooks/web-signer.ts',
  'node/webhook-signer': 'src/node/webhook-signer.ts',
};

type ChunkFileNames = NonNullable<Rolldown.OutputOptions['chunkFileNames']>;

/** Chunks holding src/node code go to dist/node/, so that every `node:` import stays under dist/node/. */
function nodeChunksUnderNode(original: ChunkFileNames | undefined): ChunkFileNames {
  return (chunk) => {
    const name = typeof original === 'function' ? original(chunk) : (original ?? '[name]-[hash].js');
    return chunk.moduleIds.some((id) => /[\\/]src[\\/]node[\\/]/.test(id)) ? `node/${name}` : name;
  };
}

/**
 * Removes the declarations of the conditional modules (nothing imports their types: the entries import only their
 * values), then every chunk declaration that no other declaration imports, until none is left unread. Each build
 * prunes only its own flavour, as the two builds may run at the same time.
 */
function pruneDeclarations(extension: '.d.ts' | '.d.cts'): void {
  for (const name of Object.keys(conditionalModules)) rmSync(`dist/${name}${extension}`, { force: true });
  const entryDeclarations = new Set(Object.keys(entries).map((name) => `${name}${extension}`));
  for (;;) {
    const declarations = readdirSync('dist', { recursive: true, encoding: 'utf8' })
      .map((name) => name.replaceAll('\\', '/'))
      .filter((name) => name.endsWith(extension));
    const imported = new Set<string>();
    for (const path of declarations) {
      const text = readFileSync(`dist/${path}`, 'utf8');
      for (const [, specifier] of text.matchAll(/from\s+["'](\.[^"']+)["']/g)) {
        imported.add(posix.join(posix.dirname(path), specifier!.replace(/\.(c?)js$/, '.d.$1ts')));
      }
    }
    const unread = declarations.filter((path) => !entryDeclarations.has(path) && !imported.has(path));
    if (unread.length === 0) return;
    for (const path of unread) rmSync(`dist/${path}`);
  }
}

// clerk-bapi/zod is built on its own, so that no chunk (nor a bundler helper) is shared with the other entries:
// shared with them, requiring `clerk-bapi/fastify` would load dist/zod.cjs, and `zod` is an optional peer.
const { zod: zodEntry, ...bundledEntries } = entries;

const common: UserConfig = {
  entry: { ...bundledEntries, ...conditionalModules },
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  // Cleaned once for both builds (tsdown shares the clean step between configs).
  clean: true,
  // Node builtins are imported only under dist/node/; `#…` are package.json `imports`, resolved by the app.
  external: [/^node:/, /^#/],
  tsconfig: 'tsconfig.build.json',
  outputOptions: (options) => ({ ...options, chunkFileNames: nodeChunksUnderNode(options.chunkFileNames) }),
};

export default defineConfig([
  { ...common, format: 'esm', hooks: { 'build:done': () => pruneDeclarations('.d.ts') } },
  {
    ...common,
    format: 'cjs',
    hooks: { 'build:done': () => pruneDeclarations('.d.cts') },
    // openapi-fetch's CommonJS file has no `__esModule` flag, so `require()`d from our CJS its default import
    // would be the whole exports object. The CJS build carries openapi-fetch's ESM code instead (MIT, ~6 KB).
    noExternal: ['openapi-fetch'],
  },
  { ...common, entry: { zod: zodEntry! }, clean: false, format: 'esm' },
  { ...common, entry: { zod: zodEntry! }, clean: false, format: 'cjs' },
]);
