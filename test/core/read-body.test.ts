import { describe, expect, it } from 'vitest';
import { readBodyCapped, ResponseTooLargeError } from '../../src/core/read-body.js';

// readBodyCapped on its own: the size cap (declared and streamed), chunk joining and aborts.

/** A response whose body arrives in the given chunks, optionally with a declared content-length. */
function chunked(chunks: Uint8Array[], contentLength?: number): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(stream, contentLength === undefined ? {} : { headers: { 'content-length': String(contentLength) } });
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readBodyCapped', () => {
  it('reads an empty body as the empty string', async () => {
    expect(await readBodyCapped(new Response(null), 10)).toBe('');
  });

  it('joins chunks in order, also when a UTF-8 character is split between them', async () => {
    const euro = bytes('€'); // three bytes
    const response = chunked([bytes('a'), euro.subarray(0, 1), euro.subarray(1), bytes('bc')]);
    expect(await readBodyCapped(response, 100)).toBe('a€bc');
    expect(await readBodyCapped(chunked([bytes('one chunk')]), 100)).toBe('one chunk');
  });

  it('accepts a body of exactly the cap, declared or streamed', async () => {
    expect(await readBodyCapped(chunked([bytes('12345')], 5), 5)).toBe('12345');
    expect(await readBodyCapped(chunked([bytes('123'), bytes('45')]), 5)).toBe('12345');
  });

  it('refuses a declared content-length over the cap before reading', async () => {
    // Three bytes would fit: the declaration alone refuses it.
    await expect(readBodyCapped(chunked([bytes('123')], 6), 5)).rejects.toThrow(ResponseTooLargeError);
    await expect(readBodyCapped(chunked([bytes('123')], 6), 5)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      message: 'body larger than 5 bytes',
    });
  });

  it('refuses a streamed body once it passes the cap, whatever it declared', async () => {
    await expect(readBodyCapped(chunked([bytes('123'), bytes('456')], 3), 5)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      message: 'body larger than 5 bytes',
    });
  });

  it('ends a read that never finishes when the signal aborts, with the abort reason', async () => {
    const stalled = new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(bytes('partial')) }));
    const controller = new AbortController();
    const reason = new Error('stop');
    const read = readBodyCapped(stalled, 100, controller.signal);
    controller.abort(reason);
    await expect(read).rejects.toBe(reason);
  });
});
