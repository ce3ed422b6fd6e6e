// How object shapes are printed: a count of required keys put first where key order is never shown, the list of
// names where it is (closed objects suggest a misspelt key from their keys) or where a literal cannot keep the order.
import { describe, expect, it } from 'vitest';
import { emitShapes } from '../../scripts/gen/emit-shapes.js';
import type { ObjectProperty, SchemaNode } from '../../scripts/gen/schema-node.js';
import type { ValidationModel } from '../../scripts/gen/validation-model.js';
import { findProblems, type Shape } from '../../src/kernel/shape.js';

const text: SchemaNode = { kind: 'string', nullable: false };

function object(keys: Array<[string, boolean]>, fields: Partial<Extract<SchemaNode, { kind: 'object' }>> = {}): SchemaNode {
  const properties: ObjectProperty[] = keys.map(([key, required]) => ({ key, node: text, required }));
  return { kind: 'object', nullable: false, properties, ...fields };
}

/** The printed shape of one component schema. */
function printed(node: SchemaNode): string {
  const model = { schemas: [{ name: 'Thing', stem: 'Thing', node }], responses: [], operationBodies: [] };
  const source = emitShapes({ ...model, requests: [], requestSchemas: [] } as unknown as ValidationModel).source;
  return /export const s_Thing: Shape = (.*);/.exec(source)![1]!;
}

describe('emitShapes objects', () => {
  const keys: Array<[string, boolean]> = [
    ['a', false],
    ['b', true],
    ['c', false],
    ['d', true],
  ];

  it('puts the required keys first and counts them where other keys are allowed', () => {
    expect(printed(object(keys))).toBe("['object', { b: 'string', d: 'string', a: 'string', c: 'string' }, 2, 1]");
    expect(printed(object(keys, { extra: text }))).toBe("['object', { b: 'string', d: 'string', a: 'string', c: 'string' }, 2, 'string']");
  });

  it('keeps the order and lists the names of a closed object, whose keys name the suggestions', () => {
    expect(printed(object(keys, { closed: true }))).toBe(
      `['object', { a: 'string', b: 'string', c: 'string', d: 'string' }, ["b", "d"], 0]`,
    );
  });

  it('lists the names when a literal would not enumerate its keys in the printed order', () => {
    const numbered = printed(
      object([
        ['name', true],
        ['2', false],
      ]),
    );
    expect(numbered).toBe("['object', { name: 'string', \"2\": 'string' }, [\"name\"], 1]");
    const counted = printed(
      object([
        ['name', true],
        ['2', true],
        ['x', false],
      ]),
    );
    expect(counted).toBe("['object', { name: 'string', \"2\": 'string', x: 'string' }, [\"name\", \"2\"], 1]");
  });

  it('prints shapes that require exactly what the list form required', () => {
    const shape = new Function(`return ${printed(object(keys))}`)() as Shape;
    expect(findProblems(shape, { a: 'x' }).map((problem) => problem.path)).toEqual([['b'], ['d']]);
  });
});
