import type { Shape } from '../../../src/kernel/shape.js';

/**
 * A value that fits `shape`, every optional property filled in (to `depth`), first members and values chosen:
 * what a caller who follows the types exactly would send.
 *
 * @example
 * sampleOf(['object', { limit: 'number' }, [], 0]); // { limit: 1 }
 */
export function sampleOf(shape: Shape, depth = 0): unknown {
  if (depth > 12) throw new Error('shape sample too deep');
  if (typeof shape === 'function') return sampleOf(shape(), depth + 1);
  if (typeof shape === 'string') {
    if (shape.endsWith('?')) return sampleOf(shape.slice(0, -1) as Shape, depth);
    const scalars = { string: 'text', number: 1, boolean: true, unknown: 'anything', anyObject: { any: 'thing' }, file: new Blob(['x']) };
    return scalars[shape as keyof typeof scalars];
  }
  switch (shape[0]) {
    case 'enum':
      return shape[1];
    case 'nullable':
    case 'array':
      return shape[0] === 'array' ? [sampleOf(shape[1], depth + 1)] : sampleOf(shape[1], depth + 1);
    case 'record':
      return { key: sampleOf(shape[1], depth + 1) };
    case 'union':
      return sampleOf(shape[1] as Shape, depth + 1);
    case 'all':
      return Object.assign({}, ...shape.slice(1).map((part) => sampleOf(part as Shape, depth + 1)));
    case 'object':
      return Object.fromEntries(Object.entries(shape[1]).map(([key, property]) => [key, sampleOf(property, depth + 1)]));
  }
}
