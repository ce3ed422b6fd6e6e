// `npm install <git url>`, end to end as npm does it: npm clones the repository at a commit, installs its
// dependencies inside the clone (devDependencies included), runs `prepare` (which builds dist/), packs the clone by
// `files`, and installs that into the app, which then imports and requires every entry.
//
// Cost: the clone's dependency install and one build (scripts/prepare.mjs keeps npm from building twice). Packages
// come from npm's cache, which the checkout's own `npm ci` filled (`--prefer-offline`: no registry round trip for
// what the lock file already pins); the registry is only asked for what the cache lacks.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntries, cloneCommitted, ENTRIES_OK, run, specEnv, writeApp } from './install-helpers.js';

const work = mkdtempSync(join(tmpdir(), 'clerk-bapi-git-install-'));
const repo = join(work, 'clerk-bapi.git');
const app = join(work, 'app');
let commit = '';
let seconds = 0;

beforeAll(() => {
  // A repository of the committed tree, with no node_modules and no dist/: what a git host serves.
  cloneCommitted(repo, work, false);
  commit = run('git', ['rev-parse', 'HEAD'], repo).trim();
  mkdirSync(app);
  writeApp(app, `git+file://${repo}`);
  const started = performance.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app, specEnv);
  seconds = Math.round((performance.now() - started) / 1000);
  console.info(`git-install: npm install git+file:// took ${seconds} s`);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm install <git url>', () => {
  it('installs the commit the URL names, with dist/ built by prepare', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    expect(lock.packages['node_modules/clerk-bapi']?.resolved).toBe(`git+file://${repo}#${commit}`);
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/express.js', 'dist/express.cjs', 'dist/fastify.cjs', 'dist/web.js']) {
      expect(existsSync(join(app, 'node_modules/clerk-bapi', file)), file).toBe(true);
    }
    // What `files` ships, not the clone: no sources, no generator.
    expect(existsSync(join(app, 'node_modules/clerk-bapi/src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/clerk-bapi/scripts'))).toBe(false);
  });

  it('imports and requires by name, adapters included', () => {
    expect(checkEntries(app)).toEqual(ENTRIES_OK);
  });
});
