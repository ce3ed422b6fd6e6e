import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../src/client/multipart-body.js';

// Multipart request bodies on their own: form data built field by field.

describe('encodeMultipart', () => {
  it('sends no body for undefined and passes a FormData through unchanged', () => {
    expect(encodeMultipart(undefined)).toBeUndefined();
    const form = new FormData();
    expect(encodeMultipart(form)).toBe(form);
  });

  it('builds multipart parts: primitives as text, lists as repeated parts, null and undefined left out', () => {
    const form = encodeMultipart({ s: 'x', n: 2, b: false, list: ['a', null, 'c'], gone: null, unset: undefined }) as FormData;
    expect([...form.entries()]).toEqual([
      ['s', 'x'],
      ['n', '2'],
      ['b', 'false'],
      ['list', 'a'],
      ['list', 'c'],
    ]);
  });

  it('sends files with a filename: a File keeps its own, a Blob or bytes get the field name', async () => {
    const form = encodeMultipart({
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
      expect(() => encodeMultipart(body)).toThrow(new TypeError('a multipart body must be an object of fields'));
    }
    expect(() => encodeMultipart({ meta: { a: 1 } })).toThrow(
      new TypeError('multipart field meta must be a Blob, File, Uint8Array, string, number or boolean'),
    );
  });
});
