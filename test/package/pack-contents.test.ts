// Reviews what `npm pack` would publish, on a fresh build: the files, the exports map against the build's entries,
// and that every shipped declaration file is reachable from an export (no declarations that no consumer reads).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionalModules, entries } from '../../tsdown.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, Record<string, string>>>;
  imports: Record<string, Record<string, string | Record<string, string>>>;
  dependencies: Record<string, string>;
  sideEffects: unknown;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
};

interface PackedFile {
  path: string;
  size: number;
}
let files: PackedFile[] = [];

/** Every file a condition of `value` points at (nested conditions flattened). */
function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [normalize(value)];
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(targetsOf) : [];
}

/** Every file an export or an import condition points at, `./package.json` excluded. */
function exportTargets(): string[] {
  const exported = Object.entries(pkg.exports).filter(([subpath]) => subpath !== './package.json');
  return [...exported.map(([, value]) => value), ...Object.values(pkg.imports)].flatMap(targetsOf);
}

beforeAll(() => {
  // A fresh build, so the review sees what this commit publishes (dist/ is gitignored and may be stale).
  execFileSync(join(root, 'node_modules/.bin/tsdown'), ['--log-level', 'error'], { cwd: root, stdio: 'pipe' });
  // --ignore-scripts: `prepare` would regenerate src/generated/, which the test suite already checked.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  files = (JSON.parse(out) as Array<{ files: PackedFile[] }>)[0]!.files;
}, 180_000);

describe('npm pack', () => {
  it('ships LICENSE, README, package.json and dist only', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    const outside = paths.filter((path) => !path.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(path));
    expect(outside).toEqual([]);
    // No tests, sources, spec or generator in the tarball.
    expect(paths.filter((path) => /(^|\/)(test|src|openapi|scripts|bench)\//.test(path) || /\.(ya?ml)$/.test(path))).toEqual([]);
  });

  it('ships ESM, CJS, both declaration flavours and source maps for every export', () => {
    const paths = new Set(files.map((file) => file.path));
    for (const target of exportTargets()) expect(paths, target).toContain(target);
    const code = [...paths].filter((path) => /\.c?js$/.test(path));
    expect(code.some((path) => path.endsWith('.cjs')) && code.some((path) => path.endsWith('.js'))).toBe(true);
    for (const path of code) {
      const text = readFileSync(join(root, path), 'utf8');
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      // Files that only re-export carry no source of ours, so rolldown writes no map for them.
      if (text.includes('//#region src/')) expect(map, `${path} has a source map`).toBeDefined();
      if (map !== undefined) expect(paths, `${path} → ${map}`).toContain(normalize(join(dirname(path), map)));
    }
  });

  it('ships no declaration file that no export reaches', () => {
    const shipped = new Set(files.map((file) => file.path));
    const declarations = [...shipped].filter((path) => /\.d\.c?ts$/.test(path));
    const reached = new Set<string>();
    const queue = exportTargets().filter((path) => /\.d\.c?ts$/.test(path));
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (reached.has(path)) continue;
      reached.add(path);
      const text = readFileSync(join(root, path), 'utf8');
      for (const [, specifier] of text.matchAll(/from\s+["'](\.[^"']+)["']/g)) {
        // `./chunk.js` in a .d.ts names `./chunk.d.ts`; `./chunk.cjs` in a .d.cts names `./chunk.d.cts`.
        const target = normalize(join(dirname(path), specifier!.replace(/\.(c?)js$/, '.d.$1ts')));
        expect(shipped, `${path} imports ${specifier}`).toContain(target);
        queue.push(target);
      }
    }
    expect(declarations.filter((path) => !reached.has(path))).toEqual([]);
  });

  it("declares clerk-bapi/zod's schemas by reference, not by repeating each inferred type where it is used", () => {
    // Each schema is declared with its written type (`email_addresses: z.ZodArray<typeof s_EmailAddress>`); the
    // inferred types inlined every referenced schema at every use, about 650 KB per flavour.
    for (const path of ['dist/zod.d.ts', 'dist/zod.d.cts']) {
      const file = files.find((candidate) => candidate.path === path);
      expect(file, path).toBeDefined();
      expect(file!.size, path).toBeLessThan(300_000);
      expect(readFileSync(join(root, path), 'utf8')).toContain('email_addresses: z.ZodArray<typeof s_EmailAddress>;');
    }
  });

  it('keeps node: imports inside dist/node/, and declares no side effects', () => {
    // No module installs anything when imported: the node:crypto checks are chosen by import condition.
    expect(pkg.sideEffects).toBe(false);
    const withNodeImports = files
      .filter((file) => /\.c?js$/.test(file.path))
      .filter((file) => /(from\s*|require\()\s*["']node:/.test(readFileSync(join(root, file.path), 'utf8')))
      .map((file) => file.path);
    expect(withNodeImports.length).toBeGreaterThan(0);
    expect(withNodeImports.filter((path) => !path.startsWith('dist/node/'))).toEqual([]);
  });
});

describe('package.json', () => {
  it('exports every public build entry, and the build builds every export', () => {
    const subpaths = Object.keys(entries).map((name) => (name === 'index' ? '.' : `./${name}`));
    expect(Object.keys(pkg.exports).sort()).toEqual([...subpaths, './package.json'].sort());
    for (const source of Object.values(entries)) expect(existsSync(join(root, source)), source).toBe(true);
  });

  it('resolves each of its `#` imports to the native check under `node` and the WebCrypto one elsewhere', () => {
    const built = (name: string) => ({ import: `./dist/${name}.js`, require: `./dist/${name}.cjs` });
    expect(pkg.imports).toEqual({
      '#signature-check': { node: built('node/signature-check'), ...built('signature-check') },
      '#webhook-signer': { node: built('node/webhook-signer'), ...built('webhook-signer') },
    });
    expect(Object.keys(conditionalModules).sort()).toEqual([
      'node/signature-check',
      'node/webhook-signer',
      'signature-check',
      'webhook-signer',
    ]);
    expect(conditionalModules['signature-check']).toBe('src/auth/web-signature-check.ts');
    expect(conditionalModules['node/signature-check']).toBe('src/node/node-signature-check.ts');
  });

  it('takes caret ranges for dependencies, so an app can share its own copy', () => {
    for (const [name, range] of Object.entries(pkg.dependencies)) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  it('names its repository, homepage and issue tracker', () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs?.url).toMatch(/^https:\/\//);
  });
});
