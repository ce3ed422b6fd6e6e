// `zod` is an optional peer dependency used by `clerk-bapi/zod` alone: no other entry may reach it, and the zod entry
// exports the schemas under the names of the TypeScript types.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsdown.config.js';
import * as published from '../../src/zod.js';
import { operations } from '../../src/generated/operations.js';
import { fits } from '../../src/kernel/shape.js';
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

  type Schema = { safeParse(value: unknown): { success: boolean } };
  const exported = published as unknown as Record<string, Schema | undefined>;
  const prefix = (operationId: string): string => operationId.charAt(0).toUpperCase() + operationId.slice(1);
  // Values that tell the forms of a success body apart: a bare list, a page, an object, nothing, text.
  const probes: unknown[] = [[], { data: [], total_count: 0 }, {}, null, 'text', undefined];

  it.each(operations.map((def) => [def.operationId, def] as const))(
    '%s: a params schema exactly when the client checks params, and success bodies decided like the client',
    (operationId, def) => {
      // No params schema for an operation without params (its TypeScript type is `undefined`).
      expect(exported[`${prefix(operationId)}Params`] !== undefined, 'params schema').toBe(def.params !== undefined);
      const success = Object.entries(def.shapes ?? {}).find(([status]) => /^2/.test(status));
      const data = exported[`${prefix(operationId)}Data`];
      if (success !== undefined) {
        // Without the `paginated` switch the client walks the documented (unpaged) shape; `…Data` is that form.
        expect(probes.map((value) => data!.safeParse(value).success)).toEqual(probes.map((value) => fits(success[1], value)));
      }
      const paged = exported[`${prefix(operationId)}PagedData`];
      expect(paged !== undefined, 'paged schema').toBe(def.paged !== undefined);
      if (def.paged !== undefined) {
        // With `paginated: true` it walks the `{ data, total_count }` shape; `…PagedData` is that form, and only it.
        expect(probes.map((value) => paged!.safeParse(value).success)).toEqual(probes.map((value) => fits(def.paged!.shape, value)));
        expect(data!.safeParse({ data: [], total_count: 0 }).success).toBe(false);
        expect(paged!.safeParse([]).success).toBe(false);
      }
    },
  );
});
