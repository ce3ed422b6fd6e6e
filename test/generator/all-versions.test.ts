// Every pinned BAPI version generates with a current committed surface, type-checks and passes the validator self-test.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../scripts/generate.js';
import { toSchemaNode, type SchemaObject } from '../../scripts/gen/schema-node.js';
import { projectRoot, readPin } from '../../scripts/spec/pin.js';
import { checkParamValues } from '../../src/client/check-param-values.js';
import type { OperationDef } from '../../src/client/operation.js';
import { findProblems, fits, type Shape } from '../../src/kernel/shape.js';
import { sampleOf } from '../kernel/helpers/shape-sample.js';
import { sampleValue } from './helpers/sample-value.js';

const versions = Object.keys(readPin().bapi.versions);
// Inside the project so the generated files resolve zod, `../kernel/`, `../client/` and `../auth/` (symlinks) as they do from src/generated/.
const root = join(projectRoot, '.cache/all-versions');
const results = new Map<string, GenerateResult>();

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  for (const version of versions) {
    const dir = join(root, version);
    mkdirSync(dir, { recursive: true });
    for (const folder of ['kernel', 'client', 'auth']) symlinkSync(join(projectRoot, 'src', folder), join(dir, folder));
    results.set(
      version,
      await generate({ version, outDir: join(dir, 'generated'), testOutDir: join(dir, 'test-generated'), check: true, repairedDir: dir }),
    );
  }
}, 240_000);

describe.each(versions)('BAPI %s', (version) => {
  it('generates, and its committed API surface is current (generating it leaves the tree clean)', () => {
    const result = results.get(version)!;
    expect(result.surfaceStale, `${result.surfacePath} is stale: npm run generate -- --version ${version}`).toBe(false);
    expect(result.files['operations.ts']).toContain(`from BAPI ${version} (sha256 ${readPin().bapi.versions[version]!.sha256})`);
    expect(result.files['operations.ts']).toContain(`export const SPEC_VERSION = '${version}';`);
  });

  it('passes the validator self-test: every zod schema builds, accepts a sample and agrees with its shape', async () => {
    const dir = join(root, version);
    const components = JSON.parse(readFileSync(join(dir, `bapi-${version}.json`), 'utf8')).components.schemas as Record<
      string,
      SchemaObject
    >;
    const { schemas, responses } = await import(join(dir, 'generated/schemas.ts'));
    const { schemaShapes, responseShapes } = await import(join(dir, 'generated/shapes.ts'));
    const { operations } = (await import(join(dir, 'generated/operations.ts'))) as { operations: OperationDef[] };
    const { documentedResponses } = await import(join(dir, 'test-generated/documented-responses.ts'));
    for (const name of Object.keys(schemas)) {
      const validate = (value: unknown): boolean => schemas[name]().safeParse(value).success;
      const value = sampleValue(toSchemaNode(components[name]!), components);
      expect(validate(value), `${name} rejects its own sample ${JSON.stringify(value).slice(0, 300)}`).toBe(true);
      for (const probe of [value, null, {}, [], 'text']) {
        const label = `${name} on ${JSON.stringify(probe).slice(0, 200)}`;
        expect(fits(schemaShapes[name] as Shape, probe), `shape of ${label}`).toBe(validate(probe));
        expect(findProblems(schemaShapes[name] as Shape, probe).length === 0, `problems of ${label}`).toBe(validate(probe));
      }
    }
    for (const name of Object.keys(responseShapes)) {
      for (const probe of [null, {}, []])
        expect(fits(responseShapes[name] as Shape, probe), `${name} response shape`).toBe(responses[name]().safeParse(probe).success);
    }
    // The runtime definitions have a shape per success status; params that follow the types pass.
    let built = 0;
    for (const operation of operations) {
      built += Object.keys(operation.shapes ?? {}).length;
      if (operation.params === undefined) continue;
      expect(checkParamValues(operation, sampleOf(operation.params), undefined), operation.operationId).toBeUndefined();
    }
    expect(built).toBeGreaterThanOrEqual(operations.length * 0.8);
    let documented = 0;
    for (const [operationId, entry] of Object.entries(
      documentedResponses as Record<string, { responses: Record<string, () => { safeParse: unknown }> }>,
    )) {
      for (const build of Object.values(entry.responses)) {
        expect(typeof build().safeParse, operationId).toBe('function');
        documented++;
      }
    }
    expect(documented).toBeGreaterThan(built);
  }, 120_000);
});

describe('every pinned version', () => {
  it('type-checks in one tsc run over all generated files', async () => {
    // webhooks-types.ts is the same file for every BAPI version: checking it once is enough.
    const files = versions.flatMap((version, index) =>
      Object.keys(results.get(version)!.files)
        .filter((name) => index === 0 || name !== 'webhooks-types.ts')
        .map((name) => join(root, version, 'generated', name)),
    );
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        // noUnusedLocals is a style rule the default version's `npm run typecheck` enforces; here only types count.
        compilerOptions: { lib: ['ES2022', 'DOM'], types: [], noEmit: true, noUnusedLocals: false },
        files,
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    expect(existsSync(tsc)).toBe(true);
    const run = promisify(execFile)(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { maxBuffer: 16 * 1024 * 1024 });
    await expect(
      run.then(
        () => 'ok',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      ),
    ).resolves.toBe('ok');
  }, 400_000);
});
