// Standard Webhooks signatures: HMAC-SHA256 over `${id}.${timestamp}.` followed by the raw body bytes.
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#verifying-webhook-authenticity

const encoder = new TextEncoder();

/**
 * The bytes that are signed: the id, the timestamp and the body exactly as received (never re-serialised).
 *
 * @example
 * signedContent('msg_1', '1614265330', new TextEncoder().encode('{}'));
 */
export function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix, 0);
  content.set(body, prefix.length);
  return content;
}

/**
 * Compares two strings in time that depends only on their lengths (which are public: a SHA-256 signature
 * is always 44 base64 characters), so a forger learns nothing from how fast a guess is refused.
 *
 * @example
 * equalInConstantTime('abc', 'abd'); // false
 */
export function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * `true` when one `v1,` entry of a space-separated signature header matches `expected` (base64).
 * Other versions (`v1a`, `v2`…) and entries without a version are skipped, as the spec requires. An
 * entry's signature ends at the next comma, as `svix` reads it, so a repeated header joined with `, `
 * (`v1,abc, v1,def`) is read as its several signatures.
 *
 * @example
 * matchesSignatureHeader('v2,abc v1,xyz=', 'xyz='); // true
 * matchesSignatureHeader('v1,abc=, v1,xyz=', 'abc='); // true
 */
export function matchesSignatureHeader(header: string, expected: string): boolean {
  let matched = false;
  for (const entry of header.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const end = entry.indexOf(',', comma + 1);
    // No early exit: every entry costs the same whether or not an earlier one matched.
    if (equalInConstantTime(entry.slice(comma + 1, end === -1 ? undefined : end), expected)) matched = true;
  }
  return matched;
}
