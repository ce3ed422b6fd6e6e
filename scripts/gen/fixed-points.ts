// Remembers which Biome outputs are already fixed points (formatting them again changes nothing), so that the
// generator can skip the pass that only confirms it. Only that confirmation is skipped: every file still goes
// through Biome on every run, and nothing read from here ever becomes generated code.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../spec/pin.js';

/** One empty file per known fixed point, named by its key: concurrent generator runs cannot corrupt it. */
const defaultDir = join(projectRoot, '.cache/biome-fixed-points');

/**
 * Fixed points known for one Biome executable and configuration: a key covers the content, the executable (path,
 * size and modification time), the installed @biomejs/biome version and biome.json, so that an upgrade or a
 * configuration change starts afresh.
 *
 * @example
 * const known = fixedPoints(biomePath, 'biome.json');
 * if (!known.has(formatted)) known.add(formatted); // after Biome left `formatted` unchanged
 */
export function fixedPoints(
  biome: string,
  config: string,
  dir = defaultDir,
): { has(content: string): boolean; add(content: string): void } {
  let formatter: string;
  try {
    const { size, mtimeMs } = statSync(biome);
    const biomePackage = readFileSync(join(projectRoot, 'node_modules/@biomejs/biome/package.json'), 'utf8');
    const { version } = JSON.parse(biomePackage) as { version?: unknown };
    formatter = JSON.stringify([biome, size, mtimeMs, version, readFileSync(config, 'utf8')]);
  } catch {
    // Without a formatter to name there is nothing to remember; running Biome then reports what is missing.
    return { has: () => false, add: () => {} };
  }
  const path = (content: string) => join(dir, createHash('sha256').update(formatter).update('\0').update(content).digest('hex'));
  return {
    has: (content) => existsSync(path(content)),
    add(content) {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path(content), '');
      } catch {
        // A cache that cannot be written only costs the next run its confirming pass.
      }
    },
  };
}
