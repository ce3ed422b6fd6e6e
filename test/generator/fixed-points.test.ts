import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedPoints } from '../../scripts/gen/fixed-points.js';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'fixed-points-test-'));
  const biome = join(dir, 'biome');
  const config = join(dir, 'biome.json');
  writeFileSync(biome, 'binary');
  writeFileSync(config, '{ "formatter": { "lineWidth": 140 } }');
  return { biome, config, cache: join(dir, 'cache') };
}

describe('fixedPoints', () => {
  it('knows a content only once it was added, and only that content', () => {
    const { biome, config, cache } = scratch();
    const known = fixedPoints(biome, config, cache);
    expect(known.has('export const a = 1;\n')).toBe(false);
    known.add('export const a = 1;\n');
    expect(known.has('export const a = 1;\n')).toBe(true);
    expect(known.has('export const a = 2;\n')).toBe(false);
    // A later run (a new instance) reads what an earlier one saw.
    expect(fixedPoints(biome, config, cache).has('export const a = 1;\n')).toBe(true);
    // Markers are empty: nothing read from the cache can end up in generated code.
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('forgets everything when biome.json or the Biome executable changes', () => {
    const { biome, config, cache } = scratch();
    fixedPoints(biome, config, cache).add('export const a = 1;\n');
    writeFileSync(config, '{ "formatter": { "lineWidth": 80 } }');
    expect(fixedPoints(biome, config, cache).has('export const a = 1;\n')).toBe(false);
    writeFileSync(config, '{ "formatter": { "lineWidth": 140 } }');
    expect(fixedPoints(biome, config, cache).has('export const a = 1;\n')).toBe(true);
    writeFileSync(biome, 'another binary');
    expect(fixedPoints(biome, config, cache).has('export const a = 1;\n')).toBe(false);
  });

  it('knows nothing, and does not throw, when the Biome executable is missing', () => {
    const { config, cache } = scratch();
    const known = fixedPoints(join(cache, 'no-biome'), config, cache);
    known.add('export const a = 1;\n');
    expect(known.has('export const a = 1;\n')).toBe(false);
  });

  it('still works, remembering nothing, when its directory cannot be written', () => {
    const { biome, config } = scratch();
    const known = fixedPoints(biome, config, join(biome, 'not-a-directory'));
    known.add('export const a = 1;\n');
    expect(known.has('export const a = 1;\n')).toBe(false);
  });
});
