/**
 * Thrown by {@link readBodyCapped} when a body exceeds the cap; internal, never escapes the client.
 *
 * @example
 * if (error instanceof ResponseTooLargeError) return 'response_too_large';
 */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

const decoder = new TextDecoder();

/**
 * Reads a response body as UTF-8 text, stopping (and cancelling the stream) as soon as it exceeds
 * `maxBytes`. `Content-Length` is only an early rejection: compressed bodies can inflate past it.
 *
 * @example
 * const text = await readBodyCapped(response, 1024 * 1024);
 */
export async function readBodyCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    body.cancel().catch(ignore);
    throw new ResponseTooLargeError(`body larger than ${maxBytes} bytes`);
  }
  const reader = body.getReader();
  // Cancelling the reader ends a pending read even when the stream's source never answers.
  const cancel = (): void => void reader.cancel().catch(ignore);
  signal?.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(ignore);
        throw new ResponseTooLargeError(`body larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(joined);
}

function ignore(): void {}
