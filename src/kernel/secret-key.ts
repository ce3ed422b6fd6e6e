/**
 * The one rule for a Clerk secret key, shared by the client and `src/auth`: `sk_test_` or `sk_live_`
 * followed by letters, digits, `_` or `-` (what Clerk issues). Anything else would either be refused by
 * `Headers` later, split a header, or escape the redaction pattern below.
 *
 * @example
 * SECRET_KEY.test('sk_test_abc123'); // true
 * SECRET_KEY.test('sk_test_a b');    // false
 */
export const SECRET_KEY = /^sk_(?:test|live)_[A-Za-z0-9_-]+$/;

/** Any secret-key-shaped token inside a text, whether or not it is the configured key. */
const SECRET_KEY_SHAPE = /sk_(?:test|live)_[A-Za-z0-9_-]+/g;

/**
 * Why a value is not a usable secret key, in words that never quote it; `undefined` when it is one.
 * `src/auth` turns the reason into a `secret_key_invalid` result, the client into a `TypeError`.
 *
 * @example
 * describeSecretKeyProblem('pk_test_abc'); // 'secretKey is a publishable key (pk_…); …'
 * describeSecretKeyProblem('sk_test_abc'); // undefined
 */
export function describeSecretKeyProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'secretKey is required (a string starting with sk_test_ or sk_live_).';
  if (value.startsWith('pk_')) return 'secretKey is a publishable key (pk_…); pass the secret key (sk_test_… or sk_live_…).';
  if (!SECRET_KEY.test(value)) return 'secretKey must be sk_test_ or sk_live_ followed by letters, digits, "_" or "-".';
  return undefined;
}

/**
 * Whether a value is a Clerk secret key under the shared rule; see {@link SECRET_KEY}.
 *
 * @example
 * if (!isSecretKey(options.secretKey)) return fail('secret_key_invalid', '…');
 */
export function isSecretKey(value: unknown): value is string {
  return typeof value === 'string' && SECRET_KEY.test(value);
}

/**
 * Checks that a value is a Clerk secret key and throws a `TypeError` that never echoes the value,
 * because a mis-pasted secret must not end up in logs.
 *
 * @example
 * assertSecretKey('sk_test_abc123'); // ok
 * assertSecretKey('pk_test_abc123'); // throws TypeError: createClerkClient: secretKey is a publishable key…
 */
export function assertSecretKey(value: unknown): asserts value is string {
  const problem = describeSecretKeyProblem(value);
  if (problem !== undefined) throw new TypeError(`createClerkClient: ${problem}`);
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

/**
 * Replaces the configured secret and any other `sk_test_…`/`sk_live_…`-shaped token: a proxy may echo a
 * key that is not this client's, and an echoed key must not leak however the text is cut afterwards.
 *
 * @example
 * redactSecretKeys('auth: Bearer sk_live_abc, old: sk_test_def'); // 'auth: Bearer [redacted], old: [redacted]'
 */
export function redactSecretKeys(text: string, secret?: string): string {
  const withoutSecret = secret === undefined ? text : redactSecret(text, secret);
  // The includes() test keeps the common case (no key at all) free of a regex scan.
  return withoutSecret.includes('sk_') ? withoutSecret.replace(SECRET_KEY_SHAPE, '[redacted]') : withoutSecret;
}
