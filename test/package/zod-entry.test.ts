// `zod` is an optional peer dependency used by `clerk-bapi/zod` alone: no other entry may reach it, and the zod entry
// exports the schemas under the names of the TypeScript types.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsdown.config.js';
import * as published from '../../src/zod.js';
import pkg from '../../package.json' with { type: 'json' };

/** The modules an entry's bundle reaches, zod marked external so that an import of it shows up as an import. */
async function reachedModules(entry: string): Promise<{ inputs: string[]; externals: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    external: ['zod', 'zod/*', 'express', 'fastify', 'hono', 'openapi-fetch'],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return { inputs: Object.keys(output.inputs), externals: (output.imports ?? []).map((item) => item.path) };
}

describe('clerk-bapi/zod', () => {
  it.each(Object.entries(entries).filter(([name]) => name !== 'zod'))(
    '%s never imports zod',
    async (_name, entry) => {
      const { inputs, externals } = await reachedModules(entry);
      expect(externals.filter((path) => path === 'zod' || path.startsWith('zod/'))).toEqual([]);
      expect(inputs.filter((path) => /generated\/(zod|schemas|webhooks-schemas)\.ts$/.test(path))).toEqual([]);
    },
    60_000,
  );

  it('is the only entry that does, and zod is an optional peer dependency', async () => {
    const { externals } = await reachedModules(entries['zod']!);
    expect(externals).toContain('zod');
    expect(pkg.peerDependencies.zod).toMatch(/^\^4\./);
    expect(pkg.peerDependenciesMeta.zod.optional).toBe(true);
    expect(pkg.devDependencies.zod).toBeDefined();
    expect(Object.keys(pkg.dependencies)).not.toContain('zod');
  }, 60_000);

  it('exports components, params, success bodies and webhook events under the TypeScript names', () => {
    for (const name of ['User', 'Organization', 'CreateUserParams', 'GetUserData', 'ListInvitationsPagedData', 'UserCreatedEvent']) {
      expect(typeof (published as Record<string, { safeParse?: unknown }>)[name]?.safeParse, name).toBe('function');
    }
    expect(published.User.pick({ id: true }).safeParse({ id: 'user_1' }).success).toBe(true);
    expect(published.CreateUserParams.safeParse({ emailAddress: ['ada@example.com'] }).success).toBe(false);
    expect(published.GetUserListParams.safeParse({ limit: 10 }).success).toBe(true);
  });
});
