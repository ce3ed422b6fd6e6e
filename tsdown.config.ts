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
  // The `node` export condition: the same API with the native signature check (and webhook HMAC) installed.
  'node/index': 'src/node/index.ts',
  'node/auth': 'src/node/auth.ts',
  'node/webhooks': 'src/node/webhooks.ts',
};

/** src/node/auth.ts and src/node/webhooks.ts install the native checks when imported: the package's only side effects. */
const SIDE_EFFECT_MODULE = /[\\/]src[\\/]node[\\/](auth|webhooks)\.ts$/;

type ChunkFileNames = NonNullable<Rolldown.OutputOptions['chunkFileNames']>;

/**
 * Chunks holding src/node code go to dist/node/, so package.json can name every file with a side effect
 * as `./dist/node/*` (hashed chunk names cannot be listed one by one).
 */
function nodeChunksUnderNode(original: ChunkFileNames | undefined): ChunkFileNames {
  return (chunk) => {
    const name = typeof original === 'function' ? original(chunk) : (original ?? '[name]-[hash].js');
    return chunk.moduleIds.some((id) => /[\\/]src[\\/]node[\\/]/.test(id)) ? `node/${name}` : name;
  };
}

/**
 * Removes the node/ entries' declarations (they take their types from the plain entries: `types` comes first in
 * every export condition, so these would ship unread), then every node/ chunk declaration that no other
 * declaration imports, until none is left unread. Declarations of node/ chunks that a shipped declaration imports
 * stay (the express and fastify adapters' types live in one). Each build prunes only its own flavour, as the
 * two builds may run at the same time.
 */
function pruneNodeDeclarations(extension: '.d.ts' | '.d.cts'): void {
  for (const name of ['index', 'auth', 'webhooks']) rmSync(`dist/node/${name}${extension}`, { force: true });
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
    const unread = declarations.filter((path) => path.startsWith('node/') && !imported.has(path));
    if (unread.length === 0) return;
    for (const path of unread) rmSync(`dist/${path}`);
  }
}

// clerk-bapi/zod is built on its own, so that no chunk (nor a bundler helper) is shared with the other entries:
// shared with them, requiring `clerk-bapi/fastify` would load dist/zod.cjs, and `zod` is an optional peer.
const { zod: zodEntry, ...bundledEntries } = entries;

const common: UserConfig = {
  entry: bundledEntries,
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  // Cleaned once for both builds (tsdown shares the clean step between configs).
  clean: true,
  // Node builtins are imported only by the node/ entries (the `node` export condition).
  external: [/^node:/],
  tsconfig: 'tsconfig.build.json',
  // Rolldown would otherwise read package.json `sideEffects` (which names dist files) for src/ too, and drop
  // src/node/index.ts's `import './auth.js'`: the native check would never be installed through `clerk-bapi`.
  treeshake: { moduleSideEffects: (id: string) => (SIDE_EFFECT_MODULE.test(id) ? true : undefined) },
  outputOptions: (options) => ({ ...options, chunkFileNames: nodeChunksUnderNode(options.chunkFileNames) }),
};

export default defineConfig([
  { ...common, format: 'esm', hooks: { 'build:done': () => pruneNodeDeclarations('.d.ts') } },
  {
    ...common,
    format: 'cjs',
    hooks: { 'build:done': () => pruneNodeDeclarations('.d.cts') },
    // openapi-fetch's CommonJS file has no `__esModule` flag, so `require()`d from our CJS its default import
    // would be the whole exports object. The CJS build carries openapi-fetch's ESM code instead (MIT, ~6 KB).
    noExternal: ['openapi-fetch'],
  },
  { ...common, entry: { zod: zodEntry! }, clean: false, format: 'esm' },
  { ...common, entry: { zod: zodEntry! }, clean: false, format: 'cjs' },
]);
