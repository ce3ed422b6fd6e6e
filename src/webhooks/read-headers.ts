import { failWebhook, type WebhookError } from './errors.js';
import type { NonEmptyArray } from '../kernel/result.js';

// Reads the three Standard Webhooks headers from a `Headers` object or a plain object (Node's
// `req.headers`, whose names are lower-case, or a hand-written one in any case).

/**
 * The headers a webhook arrives with: a web `Headers` object, or a plain object whose values are strings
 * (or string arrays, as Node gives repeated headers).
 *
 * @example
 * const headers: WebhookHeaders = { 'svix-id': 'msg_1', 'svix-timestamp': '1614265330', 'svix-signature': 'v1,…' };
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The signed-delivery headers, read from one family (`webhook-*` or `svix-*`). */
export interface DeliveryHeaders {
  id: string;
  timestamp: string;
  signature: string;
}

const NAMES = ['id', 'timestamp', 'signature'] as const;
// Clerk sends `svix-*`; the Standard Webhooks spec names them `webhook-*`. Both carry the same values.
const FAMILIES = ['webhook', 'svix'] as const;

function lowerCaseRecord(headers: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const key of Object.keys(headers)) map.set(key.toLowerCase(), headers[key]);
  return map;
}

function headerReader(headers: unknown): ((name: string) => string | undefined) | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return (name) => present(headers.get(name));
  if (typeof headers !== 'object' || headers === null) return undefined;
  const map = lowerCaseRecord(headers as Record<string, unknown>);
  return (name) => {
    const value = map.get(name);
    if (typeof value === 'string') return present(value);
    // A repeated header: joined as fetch's Headers would join it.
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return present(value.join(', '));
    return undefined;
  };
}

/** An empty or whitespace-only value counts as missing: an empty id would collide as an idempotency key (SECURITY G.44). */
function present(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value;
}

/**
 * The id, timestamp and signature headers from the first family that has all three, or the names
 * that are missing (empty, whitespace-only and unreadable values count as missing).
 *
 * @example
 * const { data } = readDeliveryHeaders(new Headers({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }));
 */
export function readDeliveryHeaders(headers: unknown): { data: DeliveryHeaders; missing?: never } | { data?: never; missing: string[] } {
  let read: ((name: string) => string | undefined) | undefined;
  try {
    read = headerReader(headers);
  } catch {
    // Headers whose keys cannot be listed (a Proxy, a revoked object…): nothing can be read from them.
    read = undefined;
  }
  if (read === undefined) return { missing: NAMES.map((name) => `webhook-${name}`) };
  let closest: string[] | undefined;
  for (const family of FAMILIES) {
    const [id, timestamp, signature] = NAMES.map((name) => safeRead(read, `${family}-${name}`));
    if (id !== undefined && timestamp !== undefined && signature !== undefined) return { data: { id, timestamp, signature } };
    // Report the family the sender was closest to completing (Clerk's `svix-*` when only those are present).
    const missing = NAMES.filter((_, i) => [id, timestamp, signature][i] === undefined).map((name) => `${family}-${name}`);
    if (closest === undefined || missing.length < closest.length) closest = missing;
  }
  return { missing: closest ?? [] };
}

function safeRead(read: (name: string) => string | undefined, name: string): string | undefined {
  try {
    return read(name);
  } catch {
    return undefined;
  }
}

/**
 * The `headers_missing` refusal of a delivery whose signature headers are incomplete, or `undefined`: adapters
 * that read the body themselves call it first, so an unsigned request never costs a body read (SECURITY G.44).
 *
 * @example
 * const refusal = refuseIncompleteHeaders(req.headers);
 * if (refusal) return refusal;
 */
export function refuseIncompleteHeaders(headers: unknown): { errors: NonEmptyArray<WebhookError> } | undefined {
  const read = readDeliveryHeaders(headers);
  if (!read.missing) return undefined;
  return failWebhook('headers_missing', `Missing webhook header(s): ${read.missing.join(', ')}.`, { missing: read.missing });
}
