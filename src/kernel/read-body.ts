/**
 * Thrown by {@link readBodyCapped} when a body exceeds the cap; internal, never escapes the client.
 *
 * @example
 * if (error instanceof ResponseTooLargeError) return 'response_too_large';
 */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

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
  const tooLarge = (cancel: () => Promise<void>): ResponseTooLargeError => {
    cancel().catch(ignore);
    return new ResponseTooLargeError(`body larger than ${maxBytes} bytes`);
  };
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(() => body.cancel());
  const reader = body.getReader();
  // Cancelling the reader ends a pending read even when the stream's source never answers.
  const cancel = (): void => void reader.cancel().catch(ignore);
  signal?.addEventListener('abort', cancel, { once: true });
  // One decoder per body, in streaming mode: a character split across two chunks is decoded once both arrived.
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) return text + decoder.decode();
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(() => reader.cancel());
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

function ignore(): void {}
