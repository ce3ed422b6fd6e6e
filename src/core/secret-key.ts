/**
 * Checks that a value is a Clerk secret key (`sk_test_…` / `sk_live_…`) and throws a `TypeError`
 * that never echoes the value, because a mis-pasted secret must not end up in logs.
 *
 * @example
 * assertSecretKey('sk_test_abc123'); // ok
 * assertSecretKey('pk_test_abc123'); // throws TypeError: secretKey is a publishable key…
 */
export function assertSecretKey(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError('createClerkClient: secretKey is required (a string starting with sk_test_ or sk_live_).');
  }
  if (value.startsWith('pk_')) {
    throw new TypeError('createClerkClient: secretKey is a publishable key (pk_…); pass the secret key (sk_test_… or sk_live_…).');
  }
  // Printable ASCII only: anything else would be rejected by `Headers` later, or worse, split a header.
  if (!/^sk_(?:test|live)_[\x21-\x7e]+$/.test(value)) {
    throw new TypeError('createClerkClient: secretKey must start with sk_test_ or sk_live_ and contain no spaces or control characters.');
  }
}

/**
 * Replaces every occurrence of the secret in a message that came from outside (a `fetch` error, say).
 *
 * @example
 * redactSecret('failed for sk_test_x', 'sk_test_x'); // 'failed for [redacted]'
 */
export function redactSecret(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}
