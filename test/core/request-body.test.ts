import { describe, expect, it } from 'vitest';
import { serializeBody } from '../../src/core/request-body.js';

// Request bodies on their own: JSON text, or multipart form data built field by field.

describe('serializeBody', () => {
  it('sends no body for undefined and JSON text for a JSON body', () => {
    expect(serializeBody('json', undefined)).toBeUndefined();
    expect(serializeBody('multipart', undefined)).toBeUndefined();
    expect(serializeBody('json', { a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
  });

  it('passes a FormData through unchanged', () => {
    const form = new FormData();
    expect(serializeBody('multipart', form)).toBe(form);
  });

  it('builds multipart parts: primitives as text, lists as repeated parts, null and undefined left out', () => {
    const form = serializeBody('multipart', { s: 'x', n: 2, b: false, list: ['a', null, 'c'], gone: null, unset: undefined }) as FormData;
    expect([...form.entries()]).toEqual([
      ['s', 'x'],
      ['n', '2'],
      ['b', 'false'],
      ['list', 'a'],
      ['list', 'c'],
    ]);
  });

  it('sends files with a filename: a File keeps its own, a Blob or bytes get the field name', async () => {
    const form = serializeBody('multipart', {
      file: new File(['f'], 'photo.png', { type: 'image/png' }),
      blob: new Blob(['b']),
      bytes: new Uint8Array([104, 105]),
    }) as FormData;
    const [file, blob, bytes] = ['file', 'blob', 'bytes'].map((name) => form.get(name) as File);
    expect([file?.name, blob?.name, bytes?.name]).toEqual(['photo.png', 'blob', 'bytes']);
    expect(file?.type).toBe('image/png');
    expect(await bytes?.text()).toBe('hi');
  });

  it('refuses a multipart body that is not an object, and fields of other types, naming the field', () => {
    for (const body of [null, 'text', 3]) {
      expect(() => serializeBody('multipart', body)).toThrow(new TypeError('a multipart body must be an object of fields'));
    }
    expect(() => serializeBody('multipart', { meta: { a: 1 } })).toThrow(
      new TypeError('multipart field meta must be a Blob, File, Uint8Array, string, number or boolean'),
    );
  });
});
