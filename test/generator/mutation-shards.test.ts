// The mutation shards (scripts/mutation/shards.ts) must cover `npm run mutate`'s scope exactly once: a new file in
// src/auth or src/core that no shard names would never be mutated by `npm run mutate:shards`, and a file in two
// shards would be counted twice by `npm run mutate:score`.
import { globSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_REASONS } from '../../scripts/mutation/reasons/index.js';
import { SHARDS } from '../../scripts/mutation/shards.js';

function shardsOf(file: string): string[] {
  return SHARDS.filter(({ mutate }) => {
    const included = mutate.filter((glob) => !glob.startsWith('!'));
    const excluded = mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    return included.some((glob) => matchesGlob(file, glob)) && !excluded.some((glob) => matchesGlob(file, glob));
  }).map(({ name }) => name);
}

describe('mutation shards', () => {
  const files = globSync('src/{auth,core}/**/*.ts', { cwd: new URL('../../', import.meta.url).pathname }).sort();

  it('put every source file of the scope in exactly one shard', () => {
    expect(files.length).toBeGreaterThan(50);
    const misplaced = files.map((file) => [file, shardsOf(file)] as const).filter(([, shards]) => shards.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it('explain survivors only in files of the scope', () => {
    const outside = ALL_REASONS.filter((reason) => !files.includes(reason.file)).map((reason) => reason.file);
    expect(outside).toEqual([]);
  });
});
