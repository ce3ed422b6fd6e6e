// Reads an Express request's body as raw bytes when no body parser consumed it, so that the webhook
// route works without `express.raw()`; a body already parsed into an object is left for the verifier
// to refuse (re-serialising it would break the signature).
import type { Request } from 'express';

/** Why the stream could not be read: too large (413) or failed mid-way (400). */
export type RawBodyFailure = 'too_large' | 'unreadable';

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The body to verify: what a raw/text parser left in `req.body`, else the unread stream's bytes (at most
 * `maxBytes`), else whatever `req.body` is (an object from express.json(), which verification refuses).
 *
 * @example
 * const body = await readRawBody(req, 1_048_576);
 */
export async function readRawBody(req: Request, maxBytes: number): Promise<{ body: unknown } | { failure: RawBodyFailure }> {
  const parsed: unknown = req.body;
  if (parsed !== undefined || !req.readable) return { body: parsed };
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of req as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      length += bytes.length;
      if (length > maxBytes) return { failure: 'too_large' };
      chunks.push(bytes);
    }
  } catch {
    return { failure: 'unreadable' };
  }
  return { body: concat(chunks, length) };
}
