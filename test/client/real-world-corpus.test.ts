// Real bodies from public bug reports against Clerk's SDKs (test/fixtures/real-world/): every one must come back as
// `data` through the client with default options, and the fast check, the shape and the zod validator must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import { createClerkClient, type ApiResult } from '../../src/client/create-clerk-client.js';
import type { OperationDef } from '../../src/client/operation.js';
import { findProblems } from '../../src/kernel/shape.js';
import { documentedResponses } from '../../src/generated/documented-responses.js';
import { operations } from '../../src/generated/operations.js';
import * as schemas from '../../src/generated/schemas.js';
import { sendJson, useStubServer } from './fixtures/stub-server.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Fixture {
  source: string;
  reported: string;
  collected: string;
  fidelity: 'verbatim' | 'reconstructed';
  note: string;
  call: { operation: string; pathValues?: string[]; params?: Record<string, unknown> };
  status: number;
  base?: string;
  splice?: Array<{ path: Array<string | number>; value: Json }>;
  body?: Json;
}

const DIR = join(import.meta.dirname, '../fixtures/real-world');
const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Fixture] as const);

/** The fixture's body: its base with every splice applied, or its whole body. */
function bodyOf(fixture: Fixture): Json {
  if (fixture.body !== undefined) return fixture.body;
  const body = JSON.parse(readFileSync(join(DIR, 'bases', fixture.base!), 'utf8')) as Json;
  for (const { path, value } of fixture.splice ?? []) {
    let parent = body as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (!(last in parent)) throw new Error(`splice path ${path.join('.')} does not exist in ${fixture.base}`);
    parent[last] = value;
  }
  return body;
}

function defOf(operationId: string): OperationDef {
  const def = operations.find((op) => op.operationId === operationId);
  if (!def) throw new Error(`no operation ${operationId}`);
  return def;
}

const server = useStubServer();

describe('real-world corpus', () => {
  it('holds the reports named in issue 9, each with a source, a date and a valid call', () => {
    const sources = new Set(fixtures.map(([, fixture]) => fixture.source));
    for (const report of [
      'clerk-sdk-python/issues/36',
      'clerk-sdk-python/issues/83',
      'clerk-sdk-python/issues/185',
      'clerk-sdk-python/issues/241',
      'clerk-sdk-java/issues/17',
      'clerk-sdk-java/issues/39',
      'clerk-sdk-java/issues/47',
      'clerk-sdk-go/issues/420',
      'clerk-sdk-csharp/issues/65',
    ]) {
      expect(
        [...sources].some((source) => source.endsWith(report)),
        report,
      ).toBe(true);
    }
    for (const [name, fixture] of fixtures) {
      expect(fixture.source, name).toMatch(/^https:\/\//);
      expect(fixture.collected, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['verbatim', 'reconstructed'], name).toContain(fixture.fidelity);
      expect(() => defOf(fixture.call.operation), name).not.toThrow();
    }
  });

  it.each(fixtures)('%s comes back as data through the client with default options', async (_name, fixture) => {
    const body = bodyOf(fixture);
    server.handle((_request, res) => sendJson(res, fixture.status, body));
    const def = defOf(fixture.call.operation);
    const clerk = createClerkClient({ secretKey: 'sk_test_real0world0corpus', apiUrl: server.url });
    const method = (clerk as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>>>)[
      def.namespace
    ]![def.methodName]!;
    const hasParams = def.body !== undefined || def.query.length > 0;
    const args = [...(fixture.call.pathValues ?? []), ...(hasParams ? [fixture.call.params] : [])];
    const result = await method(...args);
    expect(result.errors, JSON.stringify(result.errors?.[0].meta?.['mismatches'] ?? result.errors)).toBeUndefined();
    expect(result.data).toEqual(body);
  });

  it.each(fixtures)('%s passes the fast check, the shape and the zod validator alike', async (_name, fixture) => {
    const body = bodyOf(fixture);
    const def = defOf(fixture.call.operation);
    const status = String(fixture.status);
    const paged = def.paged !== undefined && fixture.call.params?.[def.paged.parameter] === true;
    const check = paged ? def.paged!.check : def.checks?.[status];
    const shape = paged ? def.paged!.shape : def.shapes?.[status];
    const validator = paged
      ? (schemas[`op_${def.operationId}__${status}_paged` as keyof typeof schemas] as () => ZodMiniType)()
      : documentedResponses[def.operationId]!.responses[status]!();
    expect(check, 'every corpus status has a fast check').toBeTypeOf('function');
    const zodSays = validator.safeParse(body);
    expect(zodSays.error?.issues).toBeUndefined();
    expect(check!(body)).toBe(true);
    expect(findProblems(shape!, body)).toEqual([]);
  });
});
