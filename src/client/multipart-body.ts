/**
 * Encodes a multipart body as a real `FormData` (fetch then sets the boundary): `Uint8Array`s are wrapped in a
 * `Blob`, and arrays append one part per element. Only multipart operations are given this encoder (standalone
 * functions import it themselves), so a bundle of JSON operations leaves it out.
 *
 * @example
 * encodeMultipart({ file: new Uint8Array(3) }); // FormData with one file part
 */
export function encodeMultipart(body: unknown): FormData | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData) return body;
  if (typeof body !== 'object' || body === null) throw new TypeError('a multipart body must be an object of fields');
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) appendPart(form, name, item);
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    // A File keeps its own name; a bare Blob gets the field name so servers see a filename.
    form.append(name, value, value instanceof File ? value.name : name);
  } else if (value instanceof Uint8Array) {
    form.append(name, new Blob([value as Uint8Array<ArrayBuffer>]), name);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    form.append(name, String(value));
  } else {
    throw new TypeError(`multipart field ${name} must be a Blob, File, Uint8Array, string, number or boolean`);
  }
}
