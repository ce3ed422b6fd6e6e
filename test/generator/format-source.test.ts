import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../scripts/gen/format-source.js';

const generatedDir = join(import.meta.dirname, '../../src/generated');

describe('formatSource', () => {
  it('prints TypeScript in the project style (single quotes, spaces, wrapped lines)', async () => {
    const wide = `export const table = {${Array.from({ length: 30 }, (_, i) => `key${i}: "value${i}"`).join(',')}}`;
    const formatted = await formatSource(wide);
    expect(formatted).toContain("  key0: 'value0',\n");
    expect(Math.max(...formatted.split('\n').map((line) => line.length))).toBeLessThanOrEqual(140);
  });

  it('refuses code that does not parse, since that is a generator bug', async () => {
    await expect(formatSource('export const = ;')).rejects.toThrow(/biome could not format generated code/);
  });

  it.each(readdirSync(generatedDir).filter((name) => name.endsWith('.ts')))('left src/generated/%s formatted', async (name) => {
    const source = readFileSync(join(generatedDir, name), 'utf8');
    expect((await formatSource(source)) === source).toBe(true);
  });
});
