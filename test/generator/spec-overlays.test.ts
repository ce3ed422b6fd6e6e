// Proves each repair in openapi/overlays/: the defect is in Clerk's raw spec, and gone after the overlay.
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../scripts/gen/emit-types.js';
import { readOverlay, repairSpec } from '../../scripts/spec/load-spec.js';
import { overlayRuleViolations } from '../../scripts/spec/overlay-kinds.js';
import { readPin } from '../../scripts/spec/pin.js';
import { resolveSpec } from '../../scripts/spec/resolve-spec.js';
import { defaultResolveOptions } from '../../scripts/spec/load-spec.js';
import { schemas } from '../../src/generated/schemas.js';

type Doc = Record<string, any>;
const pin = readPin();
const version = pin.bapi.default;
const entry = pin.bapi.versions[version]!;
const REALITY_OVERLAY = 'bapi-reality.overlay.yaml';
let rawText = '';
let raw: Doc;
let repaired: Doc;

beforeAll(async () => {
  rawText = (await resolveSpec(entry, { ...defaultResolveOptions(pin), fetch: false })).text;
  raw = parse(rawText) as Doc;
  repaired = repairSpec(rawText, entry.overlays);
}, 30_000);

/** Walks every schema-ish object of a document. */
function* nodes(node: unknown, path = '$'): Generator<[string, Record<string, any>]> {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [path, node as Record<string, any>];
  for (const [key, child] of Object.entries(node)) yield* nodes(child, `${path}/${key}`);
}

function requiredOnlyAnyOf(doc: Doc): string[] {
  return [...nodes(doc)]
    .filter(([, n]) => Array.isArray(n['anyOf']) && n['anyOf'].every((alt: object) => Object.keys(alt).every((k) => k === 'required')))
    .map(([path]) => path);
}

function requiredButUndefined(doc: Doc): string[] {
  return [...nodes(doc)].flatMap(([path, n]) =>
    Array.isArray(n['required']) && n['properties'] && typeof n['properties'] === 'object' && !n['allOf']
      ? (n['required'] as string[]).filter((name) => !(name in n['properties'])).map((name) => `${path}:${name}`)
      : [],
  );
}

function variantsMissingDiscriminator(doc: Doc): string[] {
  const missing = new Set<string>();
  for (const [, n] of nodes(doc)) {
    const property = n['discriminator']?.propertyName;
    if (!property) continue;
    for (const alt of [...(n['oneOf'] ?? []), ...(n['anyOf'] ?? [])]) {
      const name = String(alt.$ref ?? '')
        .split('/')
        .pop()!;
      const schema = doc['components'].schemas[name];
      if (schema && !(schema.required ?? []).includes(property)) missing.add(name);
    }
  }
  return [...missing].sort();
}

/** The text of one component's type in openapi-typescript output. */
function componentType(source: string, name: string): string {
  const start = source.indexOf(`\n        ${name}: `);
  const end = source.indexOf('\n        ', source.indexOf('\n        }', start) + 1);
  return source.slice(start, end);
}

describe(`spec overlays for BAPI ${version}`, () => {
  it('every action targets something in the raw spec, carries a reason and says what it does to validation', () => {
    for (const name of entry.overlays) {
      for (const action of readOverlay(name).actions) {
        expect(action.description.length, action.target).toBeGreaterThan(10);
      }
    }
    // repairSpec throws when a target matches nothing, so reaching here proves every target matched.
    expect(repaired).toBeDefined();
  });

  it('declares a kind on every action, and cites a source for every tightening and every reality repair', () => {
    expect(entry.overlays).toContain(REALITY_OVERLAY);
    const violations = entry.overlays.flatMap((name) =>
      overlayRuleViolations(readOverlay(name), { sourceAll: name === REALITY_OVERLAY }).map((line) => `${name}: ${line}`),
    );
    expect(violations).toEqual([]);
  });

  it('refuses a tightening action without a source, and an action without a kind', () => {
    const overlay = {
      overlay: '1.0.0',
      info: { title: 't', version: '1' },
      actions: [
        { target: '$.a', description: 'adds a required field', 'x-kind': 'tightens', update: { required: ['x'] } },
        { target: '$.b', description: 'adds a required field', 'x-kind': 'tightens', 'x-source': 'https://example.com/1', update: {} },
        { target: '$.c', description: 'drops a required field', update: {} },
        { target: '$.d', description: 'drops a required field', 'x-kind': 'loosens', update: {} },
      ],
    };
    expect(overlayRuleViolations(overlay)).toEqual([
      '$.a: tightens without an https x-source',
      '$.c: x-kind must be one of loosens, tightens, renames, annotates',
    ]);
    expect(overlayRuleViolations(overlay, { sourceAll: true })).toHaveLength(3);
  });

  it('removes the four anyOf blocks that hold only required lists', () => {
    expect(requiredOnlyAnyOf(raw)).toEqual([
      '$/paths//saml_connections/post/requestBody/content/application/json/schema',
      '$/components/schemas/SAMLAccountConnection',
      '$/components/schemas/EnterpriseAccountConnection',
      '$/components/schemas/SAMLConnection',
    ]);
    expect(requiredOnlyAnyOf(repaired)).toEqual([]);
  });

  it('turns the unknown types openapi-typescript made of those anyOf blocks into objects', async () => {
    const rawTypes = await emitTypes(raw);
    const repairedTypes = await emitTypes(repaired);
    for (const name of ['SAMLConnection', 'SAMLAccountConnection', 'EnterpriseAccountConnection']) {
      expect(componentType(rawTypes, name), name).toMatch(/\| unknown;\s*$/);
      expect(componentType(repairedTypes, name), name).not.toMatch(/unknown;\s*$/);
    }
  }, 30_000);

  it('drops required properties that are never defined (authenticatable, disable_jit_provisioning, crv)', () => {
    expect(requiredButUndefined(raw).sort()).toEqual(
      [
        '$/components/schemas/JWKS.rsa.PrivateKey:crv',
        '$/components/schemas/SAMLConnection:authenticatable',
        '$/components/schemas/SAMLConnection:disable_jit_provisioning',
        '$/components/schemas/EnterpriseConnection:authenticatable',
        '$/components/schemas/EnterpriseConnection:disable_jit_provisioning',
      ].sort(),
    );
    expect(requiredButUndefined(repaired)).toEqual([]);
  });

  it('leaves the discriminator property `object` optional on every variant, as the raw spec does', () => {
    // Real responses omit `object` on verifications (test/fixtures/real-world/): requiring it was our own tightening.
    expect(variantsMissingDiscriminator(repaired)).toEqual(variantsMissingDiscriminator(raw));
    expect(variantsMissingDiscriminator(repaired)).toContain('verification_otp');
  });

  it('replaces the ambiguous JWKS oneOf, where a private key also matches its public shape, with anyOf', () => {
    const rsaKey = { kid: 'ins_1', alg: 'RS256', use: 'sig', kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'AQ', p: 'AQ', q: 'AQ' };
    const alternatives = raw['components'].schemas.JWKS.properties.keys.items.oneOf as Array<{ $ref: string }>;
    const matching = alternatives.filter((alt) => {
      const name = alt.$ref.split('/').pop() as keyof typeof schemas;
      return schemas[name]().safeParse(rsaKey).success;
    });
    // oneOf demands exactly one match; an RSA private key also matches JWKS.rsa.PublicKey.
    expect(matching.length).toBeGreaterThan(1);
    const items = repaired['components'].schemas.JWKS.properties.keys.items;
    expect(items.oneOf).toBeUndefined();
    expect(items.anyOf).toEqual(alternatives);
    expect(schemas.JWKS().safeParse({ keys: [rsaKey] }).success).toBe(true);
  });

  it('gives the patterned strings Prism cannot invent a matching example', () => {
    const cases: Array<[Doc, Doc]> = [
      [raw['components'].schemas.IdentificationLink.properties.type, repaired['components'].schemas.IdentificationLink.properties.type],
      [
        raw['components'].schemas.verification_oauth.properties.strategy,
        repaired['components'].schemas.verification_oauth.properties.strategy,
      ],
    ];
    for (const [before, after] of cases) {
      expect(before['pattern']).toBeTypeOf('string');
      expect(before['example']).toBeUndefined();
      expect(after['example']).toMatch(new RegExp(after['pattern']));
    }
  });
});
