import { describe, expect, it } from 'vitest';
import { applyOverlay, findMatches, type OverlayDocument } from '../../scripts/spec/apply-overlay.js';

function overlay(actions: OverlayDocument['actions']): OverlayDocument {
  return { overlay: '1.0.0', info: { title: 'test', version: '1' }, actions };
}

describe('applyOverlay', () => {
  it('removes a key addressed with dots and quoted brackets', () => {
    const doc = { paths: { '/a/b': { post: { anyOf: [1], keep: true } } } };
    applyOverlay(doc, overlay([{ target: "$.paths['/a/b'].post.anyOf", description: 'why', remove: true }]));
    expect(doc.paths['/a/b'].post).toEqual({ keep: true });
  });

  it('removes array items matched by value', () => {
    const doc = { s: { required: ['a', 'b', 'c', 'b'] } };
    applyOverlay(doc, overlay([{ target: "$.s.required[?(@ == 'b')]", description: 'why', remove: true }]));
    expect(doc.s.required).toEqual(['a', 'c']);
  });

  it('merges updates: objects recursively, arrays appended, scalars replaced', () => {
    const doc = { s: { required: ['a'], properties: { a: { type: 'string' } }, title: 'x' } };
    applyOverlay(
      doc,
      overlay([{ target: '$.s', description: 'why', update: { required: ['b'], properties: { b: { type: 'integer' } }, title: 'y' } }]),
    );
    expect(doc.s).toEqual({ required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' } }, title: 'y' });
  });

  it('fails loudly when a target matches nothing', () => {
    expect(() => applyOverlay({ a: {} }, overlay([{ target: '$.a.missing', description: 'why', remove: true }]))).toThrow(
      /matches nothing/,
    );
  });

  it('fails loudly when an update is already in the spec, instead of appending duplicates', () => {
    const doc = { s: { required: ['object'], example: 'x' } };
    expect(() => applyOverlay(doc, overlay([{ target: '$.s', description: 'why', update: { required: ['object'] } }]))).toThrow(
      'overlay test: update on $.s changes nothing (the spec already has it); drop the action',
    );
    applyOverlay(doc, overlay([{ target: '$.s', description: 'why', update: { required: ['object', 'id'] } }]));
    expect(doc.s.required).toEqual(['object', 'object', 'id']);
  });

  it('requires a reason on every action', () => {
    expect(() => applyOverlay({ a: 1 }, overlay([{ target: '$.a', description: '', remove: true }]))).toThrow(/no description/);
  });

  it('selects with full JSONPath (descendants, filters) and refuses a target that does not start at the root', () => {
    const doc = { components: { schemas: { A: { required: ['x'] }, B: { required: ['x', 'y'] } } } };
    expect(findMatches(doc, "$..required[?(@ == 'x')]").map(({ key }) => key)).toEqual([0, 0]);
    applyOverlay(doc, overlay([{ target: "$..required[?(@ == 'x')]", description: 'why', remove: true }]));
    expect(doc.components.schemas).toEqual({ A: { required: [] }, B: { required: ['y'] } });
    expect(() => findMatches(doc, 'a.b')).toThrow(/must start with \$/);
  });
});
