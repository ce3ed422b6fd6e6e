// Differential test: the generated shape of every schema (src/kernel/shape.ts, the one form the runtime walks to
// decide and explain) accepts exactly what the zod schema of the same name (clerk-bapi/zod) accepts, on samples
// built from the spec and on thousands of mutations of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { toSchemaNode, type SchemaNode, type SchemaObject } from '../../scripts/gen/schema-node.js';
import { loadBapiSpec } from '../../scripts/spec/load-spec.js';
import { readPin } from '../../scripts/spec/pin.js';
import { findProblems, fits, type Shape } from '../../src/kernel/shape.js';
import { responses, schemas } from '../../src/generated/schemas.js';
import * as generatedSchemas from '../../src/generated/schemas.js';
import * as shapes from '../../src/generated/shapes.js';
import { documentedResponses } from '../generated/documented-responses.js';
import { operations } from '../../src/generated/operations.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
let components: Record<string, SchemaObject> = {};
let document: Record<string, any> = {};

beforeAll(async () => {
  document = (await loadBapiSpec(readPin().bapi.default)).document;
  components = document['components'].schemas;
}, 30_000);

/** A valid value for `node`: `full` fills optional properties too; `branch` picks union members. */
function sample(node: SchemaNode, full: boolean, branch: number, depth = 0): Json {
  if (depth > 60) throw new Error('sample too deep');
  switch (node.kind) {
    case 'ref':
      return sample(toSchemaNode(components[node.name]!), full, branch, depth + 1);
    case 'union':
      return sample(node.members[branch % node.members.length]!, full, branch, depth + 1);
    case 'intersection':
      return Object.assign({}, ...node.parts.map((part) => sample(part, full, branch, depth + 1)));
    case 'enum':
    case 'literals':
      return node.values[branch % node.values.length]!;
    case 'string':
      return 'text';
    case 'number':
      return 1_700_000_000_000;
    case 'boolean':
      return true;
    case 'unknown':
      return { any: ['thing'] };
    case 'anyObject':
      return { plan: 'pro' };
    case 'file':
      throw new Error('response schemas have no file nodes');
    case 'array':
      return [sample(node.items, full, branch, depth + 1)];
    case 'record':
      return { key: sample(node.values, full, branch, depth + 1) };
    case 'object': {
      const out: Record<string, Json> = {};
      for (const { key, node: property, required } of node.properties) {
        if (required || full) out[key] = sample(property, full, branch, depth + 1);
      }
      return out;
    }
  }
}

/** Every path to an object property or array item inside `value`. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  return [];
}

const REPLACEMENTS: Array<Json | 'delete' | 'extra'> = ['delete', 'extra', null, 0, 'x', false, [], {}, [null], { a: 1 }];

/** `value` with the thing at `path` replaced (or deleted, or given an extra sibling). */
function mutate(value: Json, path: Array<string | number>, replacement: Json | 'delete' | 'extra'): Json {
  const copy = structuredClone(value);
  let parent: any = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1]!;
  if (replacement === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (replacement === 'extra') {
    if (Array.isArray(parent)) parent.push('extra');
    else parent[`${String(last)}_extra_field`] = 'extra';
  } else parent[last] = replacement;
  return copy;
}

/** A small deterministic PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** zod and the shape's two walks (decide, explain) all give the same answer. */
function agree(name: string, validate: (v: unknown) => boolean, value: unknown, shape: Shape): void {
  const zod = validate(value);
  const text = () => JSON.stringify(value)?.slice(0, 400);
  const walked = fits(shape, value);
  const problems = findProblems(shape, value);
  if (walked !== zod) expect.fail(`${name}: shape ${walked}, zod ${zod} for ${text()}`);
  if ((problems.length === 0) !== zod) expect.fail(`${name}: shape problems ${JSON.stringify(problems)}, zod ${zod} for ${text()}`);
}

describe('shapes and zod schemas', () => {
  it('accept exactly the same values, for every component', () => {
    const random = prng(2026);
    let compared = 0;
    let rejected = 0;
    for (const name of Object.keys(schemas) as Array<keyof typeof schemas>) {
      const shape = shapes.schemaShapes[name]!;
      const validate = (v: unknown) => schemas[name]().safeParse(v).success;
      const node = toSchemaNode(components[name]!);
      for (const [full, branch] of [
        [false, 0],
        [true, 0],
        [true, 1],
        [false, 2],
      ] as const) {
        const value = sample(node, full, branch);
        if (!validate(value))
          expect.fail(`${name} sample invalid: ${JSON.stringify(schemas[name]().safeParse(value).error?.issues).slice(0, 600)}`);
        agree(name, validate, value, shape);
        const all = paths(value);
        for (let i = 0; i < Math.min(all.length * 2, 80); i++) {
          const path = all[Math.floor(random() * all.length)]!;
          const replacement = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]!;
          const mutated = mutate(value, path, replacement);
          agree(name, validate, mutated, shape);
          compared++;
          if (!validate(mutated)) rejected++;
        }
      }
      for (const odd of [null, undefined, 0, '', [], {}, 'user', [{}]]) agree(name, validate, odd, shape);
    }
    // The mutations must exercise both answers, or the comparison proves little.
    expect(compared).toBeGreaterThan(10_000);
    expect(rejected).toBeGreaterThan(compared / 4);
  }, 120_000);

  it('walk free-form records as zod does: plain objects only, __proto__ skipped, symbol keys refused', () => {
    const validate = (v: unknown) => schemas.ReassignmentMappings().safeParse(v).success;
    const values: unknown[] = [
      { admin: 'member' },
      JSON.parse('{"__proto__": 1}'),
      JSON.parse('{"a":"b","__proto__":{"x":1}}'),
      new Date(0),
      new Map(),
      new (class Mappings {
        a = 'b';
      })(),
      { a: 'b', [Symbol('s')]: 'c' },
      Object.assign(Object.create(null) as object, { a: 'b' }),
    ];
    for (const value of values) agree('ReassignmentMappings', validate, value, shapes.schemaShapes['ReassignmentMappings']!);
  });

  it('agree on tagged unions: a present tag picks its variant, an absent one lets the shape decide', () => {
    let unions = 0;
    for (const [owner, schema] of Object.entries(components)) {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const node = toSchemaNode(property);
        if (node.kind !== 'union' || !node.discriminator) continue;
        unions++;
        const tag = node.discriminator;
        const validate = (v: unknown) => schemas[owner as keyof typeof schemas]().safeParse(v).success;
        const base = sample(toSchemaNode(schema), true, 0) as Record<string, Json>;
        const tags = node.members.map((member) => (sample(member, true, 0) as Record<string, Json>)[tag]);
        node.members.forEach((member, index) => {
          const variant = sample(member, true, 0) as Record<string, Json>;
          const { [tag]: _tag, ...untagged } = variant;
          const cases: Array<[Json, boolean | undefined]> = [
            [variant, true],
            [untagged, true],
            [{ ...variant, [tag]: 'verification_from_the_future' }, false],
            [{ ...variant, [tag]: null }, false],
            // Another variant's tag: accepted only if that variant also fits this shape.
            [{ ...variant, [tag]: tags[(index + 1) % tags.length]! }, undefined],
            [{ ...untagged, status: 42 }, false],
          ];
          for (const [value, expected] of cases) {
            const body = { ...base, [key]: value };
            agree(`${owner}.${key}`, validate, body, shapes.schemaShapes[owner]!);
            if (expected !== undefined) expect(validate(body), `${owner}.${key} ${JSON.stringify(value)}`).toBe(expected);
          }
        });
      }
    }
    expect(unions).toBeGreaterThanOrEqual(6);
  });

  it('agree on open response enums: an unknown value passes, except in a resource `object` constant', () => {
    const validate = (v: unknown) => schemas.verification_otp().safeParse(v).success;
    const otp = { object: 'verification_otp', status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null };
    const cases: Array<[unknown, boolean]> = [
      [{ ...otp, status: 'quantum_verified' }, true],
      [{ ...otp, strategy: 'carrier_pigeon' }, true],
      [{ ...otp, status: 7 }, false],
      [{ ...otp, object: 'verification_otp_v2' }, false],
    ];
    for (const [value, expected] of cases) {
      agree('verification_otp', validate, value, shapes.schemaShapes['verification_otp']!);
      expect(validate(value)).toBe(expected);
    }
  });

  it('agree on both shapes of every list with a paginated switch', async () => {
    const paged = operations.filter((op) => op.paged);
    expect(paged.map((op) => op.operationId).sort()).toEqual(
      [
        'GetClientList',
        'GetSessionList',
        'GetTemplateList',
        'ListAllowlistIdentifiers',
        'ListInvitations',
        'ListJWTTemplates',
        'ListRedirectURLs',
      ].sort(),
    );
    for (const op of paged) {
      const members = document['paths'][op.path].get.responses['200'].content['application/json'].schema.oneOf as SchemaObject[];
      const [list, envelope] = [sample(toSchemaNode(members[0]!), true, 0), sample(toSchemaNode(members[1]!), true, 0)];
      const pagedId = `op_${op.operationId}__200_paged` as keyof typeof generatedSchemas;
      const pagedValidator = generatedSchemas[pagedId] as unknown as { safeParse(v: unknown): { success: boolean } };
      const bareValidator = documentedResponses[op.operationId]!.responses['200']!();
      for (const value of [list, envelope, { data: list, total_count: 'many' }, { data: [{}], total_count: 1 }, [], null]) {
        agree(`${op.operationId} paged`, (v) => pagedValidator.safeParse(v).success, value, op.paged!.shape);
        agree(`${op.operationId} bare`, (v) => bareValidator.safeParse(v).success, value, op.shapes!['200']!);
      }
      expect(fits(op.paged!.shape, envelope)).toBe(true);
      expect(fits(op.paged!.shape, list)).toBe(false);
      expect(fits(op.shapes!['200']!, list)).toBe(true);
      expect(fits(op.shapes!['200']!, envelope)).toBe(false);
    }
  });

  it('exist for every component response with a JSON body, and the runtime keeps the success ones', () => {
    for (const name of Object.keys(shapes.responseShapes)) expect(responses[name as keyof typeof responses], name).toBeDefined();
    for (const op of operations) {
      const documented = documentedResponses[op.operationId]!;
      for (const [status, shape] of Object.entries(op.shapes ?? {})) {
        expect(status, op.operationId).toMatch(/^2(\d\d|XX)$/);
        expect(documented.responses[status], `${op.operationId} ${status}`).toBeDefined();
        for (const probe of [null, {}, []])
          expect(fits(shape, probe), `${op.operationId} ${status}`).toBe(documented.responses[status]!().safeParse(probe).success);
      }
    }
    expect(operations.filter((op) => op.shapes?.['200'] ?? op.shapes?.['201']).length).toBeGreaterThan(200);
  });
});
