import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSource, formatSources } from '../../scripts/gen/format-source.js';

const generatedDir = join(import.meta.dirname, '../../src/generated');

const wide = `export const table = {${Array.from({ length: 30 }, (_, i) => `key${i}: "value${i}"`).join(',')}}`;
// Biome 2.6 re-wraps this `||` chain (from checks.ts) on its second pass: formatting it takes two passes.
const rewrapped = [
  `const h153: Check = (v) => isObject(v) && typeof v["plan_id"] === 'string' && (!("currency" in v) || typeof v["currency"] === 'string')`,
  `&& (v["amount"] === null || Number.isFinite(v["amount"])) && (!("annual_monthly_amount" in v) || (v["annual_monthly_amount"] === null`,
  `|| Number.isFinite(v["annual_monthly_amount"]))) && (!("description" in v) || typeof v["description"] === 'string')`,
  `&& (!("supported_billing_periods" in v) || (v["supported_billing_periods"] === "month" || v["supported_billing_periods"] === "annual"`,
  `|| v["supported_billing_periods"] === "both"));\n`,
].join(' ');

describe('formatSource', () => {
  it('prints TypeScript in the project style (single quotes, spaces, wrapped lines)', async () => {
    const formatted = await formatSource(wide);
    expect(formatted).toContain("  key0: 'value0',\n");
    expect(Math.max(...formatted.split('\n').map((line) => line.length))).toBeLessThanOrEqual(140);
  });

  it('refuses code that does not parse, since that is a generator bug', async () => {
    await expect(formatSource('export const = ;')).rejects.toThrow(/biome could not format generated code/);
  });

  it('formats to a fixed point where one Biome pass is not stable', async () => {
    const formatted = await formatSource(rewrapped);
    expect(formatted).toContain("    v['supported_billing_periods'] === 'month' ||\n    v['supported_billing_periods'] === 'annual' ||\n");
    expect(await formatSource(formatted)).toBe(formatted);
  });

  it.each(readdirSync(generatedDir).filter((name) => name.endsWith('.ts')))('left src/generated/%s formatted', async (name) => {
    const source = readFileSync(join(generatedDir, name), 'utf8');
    expect((await formatSource(source)) === source).toBe(true);
  });
});

describe('formatSources', () => {
  it('formats many modules in one go exactly as formatSource formats each', async () => {
    const sources = { 'wide.ts': wide, 'rewrapped.ts': rewrapped, 'tidy.ts': 'export const a = 1;\n', 'empty.ts': '' };
    const formatted = await formatSources(sources);
    expect(Object.keys(formatted)).toEqual(Object.keys(sources));
    for (const [name, source] of Object.entries(sources)) expect(formatted[name], name).toBe(await formatSource(source));
  });

  it('gives an empty result for no modules', async () => {
    expect(await formatSources({})).toEqual({});
  });

  it('refuses the whole batch when one module does not parse, naming it', async () => {
    await expect(formatSources({ 'good.ts': wide, 'bad.ts': 'export const = ;' })).rejects.toThrow(
      /biome could not format generated code: bad\.ts:1:/,
    );
  });

  it('refuses module names it cannot write as a plain TypeScript file', async () => {
    await expect(formatSources({ '../escape.ts': 'export const a = 1;' })).rejects.toThrow(/bad module name/);
  });
});
