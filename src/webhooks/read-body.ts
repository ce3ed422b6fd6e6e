// Normalises the raw body of a delivery to bytes. A parsed JSON object is refused: re-serialising it
// (`JSON.stringify(req.body)`) changes spacing, key order or number spelling and breaks the signature.
import type { Result } from '../kernel/result.js';
import { failWebhook, type WebhookError } from './errors.js';

/**
 * The raw body as received: text, or bytes (`Uint8Array`, a Node `Buffer`, an `ArrayBuffer` or any view).
 *
 * @example
 * const body: RawBody = '{"type":"user.created"}';
 */
export type RawBody = string | ArrayBuffer | ArrayBufferView;

const encoder = new TextEncoder();

const PARSED_HINT =
  'The body was already parsed as JSON; verification needs the raw body exactly as received. ' +
  "With Express use express.raw({ type: 'application/json' }) on the webhook route (or clerkWebhook from clerk-bapi/express).";

/**
 * The body's bytes, or `body_not_raw` for anything that is not text or bytes (an object, `undefined`…).
 *
 * @example
 * const { data: bytes } = toBodyBytes(Buffer.from('{}'));
 */
export function toBodyBytes(body: unknown): Result<Uint8Array, WebhookError> {
  if (typeof body === 'string') return { data: encoder.encode(body) };
  if (body instanceof Uint8Array) return { data: body };
  if (body instanceof ArrayBuffer) return { data: new Uint8Array(body) };
  if (ArrayBuffer.isView(body)) return { data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  if (body === undefined || body === null) {
    return failWebhook('body_not_raw', 'The body is missing; pass the raw body as a string or bytes.');
  }
  return failWebhook(
    'body_not_raw',
    typeof body === 'object' ? PARSED_HINT : `The body is a ${typeof body}; pass the raw body as a string or bytes.`,
  );
}

/**
 * Reads a web `Request`'s body once as bytes, at most `maxBytes` of them: a larger body (by its
 * `Content-Length`, or as it streams in) is `body_too_large` and the stream is cancelled. A body that was
 * already read, or fails to read, is `body_not_raw`.
 *
 * @example
 * const { data: bytes } = await readRequestBody(request, 1_048_576);
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Result<Uint8Array, WebhookError>> {
  if (request.bodyUsed) return failWebhook('body_not_raw', 'The request body was already read; verify before parsing it.');
  const tooLarge = (): Result<never, WebhookError> =>
    failWebhook('body_too_large', `The request body is larger than ${maxBytes} bytes.`, { maxBodyBytes: maxBytes });
  try {
    const declared = request.headers.get('content-length');
    const body = request.body;
    if (declared !== null && Number(declared) > maxBytes) {
      body?.cancel().catch(ignore);
      return tooLarge();
    }
    if (body === null) return { data: new Uint8Array(0) };
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        reader.cancel().catch(ignore);
        return tooLarge();
      }
      chunks.push(value);
    }
    if (chunks.length === 1) return { data: chunks[0] as Uint8Array };
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { data: bytes };
  } catch {
    return failWebhook('body_not_raw', 'The request body could not be read.');
  }
}

function ignore(): void {}
