// `npm install`, `npm pack` and `npm install <git url>` run this (package.json `prepare`): it builds dist/ with
// `npm run build`, except in the one run that would be thrown away. To install a git dependency, npm clones it, runs
// `npm install` inside the clone (which runs `prepare` once, with `_PACOTE_NO_PREPARE_` set and no
// `npm_package_resolved`), then runs `prepare` again itself to pack the clone (with `npm_package_resolved` set).
// Building in the first run too would only double the install time (one full build, ~45 s on a 2-core machine).
import { spawnSync } from 'node:child_process';

if (process.env._PACOTE_NO_PREPARE_ && !process.env.npm_package_resolved) {
  console.log("prepare: npm is installing this git checkout's dependencies; dist/ is built when npm packs it, next.");
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
