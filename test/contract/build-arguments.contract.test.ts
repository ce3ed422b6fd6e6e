// The argument builder itself (no Prism needed): every pattern of the spec yields a matching string,
// and every operation gets arguments the client accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/generated/operations.js';
import { repairedSpecPath } from '../../scripts/prism/start-prism.js';
import { buildArguments, stringForPattern } from './build-arguments.js';

const doc = JSON.parse(readFileSync(repairedSpecPath(), 'utf8')) as Record<string, any>;

function patternsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) patternsOf(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record['pattern'] === 'string') out.add(record['pattern']);
    for (const value of Object.values(record)) patternsOf(value, out);
  }
  return out;
}

describe('build-arguments', () => {
  it('produces a matching string for every pattern in the spec', () => {
    const patterns = [...patternsOf(doc)];
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(stringForPattern(pattern)).toMatch(new RegExp(pattern, 'u'));
  });

  it('handles classes, groups, alternatives and counts', () => {
    expect(stringForPattern('^(ak|api_key)_[0-9A-Fa-f]{32}$')).toBe(`ak_${'0'.repeat(32)}`);
    expect(stringForPattern('^[^_][A-Za-z0-9_-]*$')).toMatch(/^[^_]/);
    expect(() => stringForPattern('^a{2}(?=b)$')).toThrow();
  });

  it('builds arguments for every operation, with path values the client accepts', () => {
    for (const def of operations) {
      const args = buildArguments(doc, def);
      expect(args.pathValues, def.operationId).toHaveLength(def.pathParams.length);
      for (const value of args.pathValues) expect(value, def.operationId).toMatch(/^[^/?#\\]+$/);
      if (def.body === undefined && def.query.length === 0) expect(args.params, def.operationId).toBeUndefined();
      else expect(args.params, def.operationId).toBeDefined();
    }
  });
});
