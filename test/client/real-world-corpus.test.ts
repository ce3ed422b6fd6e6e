// Real bodies from public bug reports against Clerk's SDKs, Clerk's own SDK fixtures and docs examples
// (test/fixtures/real-world/): every one must come back as `data` through the client with default options, with
// `warnings` naming each deviation the fixture lists; strict validation turns the same deviations into errors; and
// the shape and the zod schema must agree. Webhook events (events/) go through verifyWebhook.
import { methodNameOf } from '../../src/client/operation.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { createClerkClient, type ApiResult } from '../../src/client/create-clerk-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';
import { verifyWebhook } from '../../src/webhooks/verify-webhook.js';
import { SECRET, now, signDelivery } from '../webhooks/helpers/deliveries.js';
import type { OperationDef } from '../../src/client/operation.js';
import { findProblems } from '../../src/kernel/shape.js';
import { documentedResponses } from '../generated/documented-responses.js';
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
  /** The paths the default mode warns about; absent when the body matches (an overlay repairs it). */
  warnings?: string[];
}

interface EventFixture {
  source: string;
  collected: string;
  fidelity: 'verbatim' | 'reconstructed';
  note: string;
  event: Record<string, Json> & { type: string };
  warnings?: string[];
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

const eventFixtures = readdirSync(join(DIR, 'events'))
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(join(DIR, 'events', name), 'utf8')) as EventFixture] as const);

const server = useStubServer();

/** Calls the fixture's operation on a client with `options` against the stub server serving its body. */
async function callFixture(fixture: Fixture, options: Partial<ClientOptions> = {}): Promise<ApiResult<unknown>> {
  const body = bodyOf(fixture);
  server.handle((_request, res) => sendJson(res, fixture.status, body));
  const def = defOf(fixture.call.operation);
  const clerk = createClerkClient({ secretKey: 'sk_test_real0world0corpus', apiUrl: server.url, logger: { warn() {} }, ...options });
  const method = (clerk as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>>>)[def.namespace]![
    methodNameOf(def)
  ]!;
  const hasParams = def.body !== undefined || def.query.length > 0;
  return method(...[...(fixture.call.pathValues ?? []), ...(hasParams ? [fixture.call.params] : [])]);
}

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

  it.each(fixtures)(
    '%s comes back as data through the client with default options, warnings naming each deviation',
    async (_name, fixture) => {
      const result = await callFixture(fixture);
      expect(result.errors, JSON.stringify(result.errors?.[0].meta?.['mismatches'] ?? result.errors)).toBeUndefined();
      expect(result.data).toEqual(bodyOf(fixture));
      expect(result.warnings?.map((warning) => warning.path)).toEqual(fixture.warnings);
    },
  );

  it.each(fixtures)('%s gives response_validation_failed under strict validation exactly when it deviates', async (_name, fixture) => {
    const result = await callFixture(fixture, { responseValidation: 'error' });
    if (fixture.warnings === undefined) {
      expect(result.errors).toBeUndefined();
      return;
    }
    expect(result.errors?.[0].code).toBe('response_validation_failed');
    const mismatches = result.errors?.[0].meta?.['mismatches'] as Array<{ path: string }>;
    // Strict mode explains the first ten, in the same order as the warnings.
    expect(mismatches.map((mismatch) => mismatch.path)).toEqual(fixture.warnings.slice(0, 10));
    expect(result.warnings).toBeUndefined();
  });

  it.each(fixtures)('%s is judged alike by the shape and the zod schema', async (_name, fixture) => {
    const body = bodyOf(fixture);
    const def = defOf(fixture.call.operation);
    const status = String(fixture.status);
    const paged = def.paged !== undefined && fixture.call.params?.[def.paged.parameter] === true;
    const shape = paged ? def.paged!.shape : def.shapes?.[status];
    const validator = paged
      ? (schemas[`op_${def.operationId}__${status}_paged` as keyof typeof schemas] as unknown as ZodType)
      : documentedResponses[def.operationId]!.responses[status]!();
    expect(shape, 'every corpus status has a shape').toBeDefined();
    const zodSays = validator.safeParse(body);
    const shapeSays = findProblems(shape!, body);
    expect(zodSays.success).toBe(fixture.warnings === undefined);
    expect(shapeSays.length === 0).toBe(zodSays.success);
  });
});

describe('real-world webhook events', () => {
  it('holds the cases named in issue 23, each with a source', () => {
    const types = eventFixtures.map(([, fixture]) => fixture.event.type);
    expect(types).toEqual(expect.arrayContaining(['user.created', 'organizationMembership.deleted']));
    for (const [name, fixture] of eventFixtures) {
      expect(fixture.source, name).toMatch(/^https:\/\//);
      expect(['verbatim', 'reconstructed'], name).toContain(fixture.fidelity);
    }
  });

  it.each(eventFixtures)('%s is verified and returned as signed, with warnings naming each deviation', async (_name, fixture) => {
    const delivery = signDelivery(JSON.stringify(fixture.event));
    const warn = vi.fn();
    const result = await verifyWebhook(
      { headers: delivery.headers, rawBody: delivery.body },
      { signingSecret: SECRET, now, logger: { warn } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(fixture.event);
    expect(result.warnings?.map((warning) => warning.path)).toEqual(fixture.warnings);
  });

  it.each(eventFixtures)('%s gives event_invalid under strict validation', async (_name, fixture) => {
    const delivery = signDelivery(JSON.stringify(fixture.event));
    const result = await verifyWebhook(
      { headers: delivery.headers, rawBody: delivery.body },
      { signingSecret: SECRET, now, eventValidation: 'error' },
    );
    expect(result.errors?.[0].code).toBe('event_invalid');
    const mismatches = result.errors?.[0].meta?.['mismatches'] as Array<{ path: string }>;
    expect(mismatches.map((mismatch) => mismatch.path)).toEqual(fixture.warnings?.slice(0, 10));
  });
});
