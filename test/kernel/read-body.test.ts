import { describe, expect, it, vi } from 'vitest';
import { readBodyCapped, ResponseTooLargeError } from '../../src/kernel/read-body.js';

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

/** A body of the given chunks that records whether it was cancelled. */
function tracked(chunks: Uint8Array[], contentLength?: number): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  const init = contentLength === undefined ? {} : { headers: { 'content-length': String(contentLength) } };
  return { response: new Response(stream, init), cancelled: () => cancelled };
}

describe('readBodyCapped', () => {
  it('cancels the body it refuses, declared or streamed too large, so the connection is released', async () => {
    const declared = tracked([bytes('123')], 6);
    await expect(readBodyCapped(declared.response, 5)).rejects.toThrow(ResponseTooLargeError);
    expect(declared.cancelled()).toBe(true);
    const streamed = tracked([bytes('123'), bytes('456'), bytes('789')]);
    await expect(readBodyCapped(streamed.response, 5)).rejects.toThrow(ResponseTooLargeError);
    expect(streamed.cancelled()).toBe(true);
  });

  it('stops listening to the signal once the body is read', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    expect(await readBodyCapped(chunked([bytes('ab')]), 5, controller.signal)).toBe('ab');
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

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
