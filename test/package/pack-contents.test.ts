// Reviews what `npm pack` would publish, on a fresh build: the files, the exports map against the build's entries,
// and that every shipped declaration file is reachable from an export (no declarations that no consumer reads).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { entries } from '../../tsdown.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, Record<string, string>>>;
  dependencies: Record<string, string>;
  sideEffects: string[];
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
};

interface PackedFile {
  path: string;
  size: number;
}
let files: PackedFile[] = [];

/** Every file an export condition points at (nested conditions flattened), `./package.json` excluded. */
function exportTargets(): string[] {
  const targets: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.push(normalize(value));
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) walk(inner);
  };
  for (const [subpath, value] of Object.entries(pkg.exports)) if (subpath !== './package.json') walk(value);
  return targets;
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

  it('keeps node: imports inside dist/node/, the only files declared with side effects', () => {
    expect(pkg.sideEffects).toEqual(['./dist/node/*']);
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
    const publicEntries = Object.keys(entries).filter((name) => !name.startsWith('node/'));
    const subpaths = publicEntries.map((name) => (name === 'index' ? '.' : `./${name}`));
    expect(Object.keys(pkg.exports).sort()).toEqual([...subpaths, './package.json'].sort());
    for (const name of publicEntries) expect(existsSync(join(root, entries[name]!)), entries[name]).toBe(true);
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
