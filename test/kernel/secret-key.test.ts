import { describe, expect, it } from 'vitest';
import { assertSecretKey, describeSecretKeyProblem, isSecretKey, redactSecretKeys } from '../../src/kernel/secret-key.js';

const accepted = ['sk_test_abc123', 'sk_live_ABC_def-456', `sk_live_${'a'.repeat(64)}`];
const refused = [
  '',
  'sk_test_',
  'sk_prod_abc',
  'pk_test_abc',
  'sk_test_a b',
  'sk_test_abc\r\nX: 1',
  'sk_test_abc.def',
  'sk_test_ab=',
  'sk_test_é',
  ' sk_test_abc',
];

describe('the shared secret-key rule', () => {
  it.each(accepted)('accepts %s everywhere', (key) => {
    expect(isSecretKey(key)).toBe(true);
    expect(describeSecretKeyProblem(key)).toBeUndefined();
    expect(() => assertSecretKey(key)).not.toThrow();
  });

  it.each(refused)('refuses %j everywhere, without quoting it', (key) => {
    expect(isSecretKey(key)).toBe(false);
    const problem = describeSecretKeyProblem(key);
    expect(problem).toEqual(expect.any(String));
    if (key.length > 'sk_live_'.length) expect(problem).not.toContain(key);
    expect(() => assertSecretKey(key)).toThrow(TypeError);
  });

  it('refuses non-strings and names a publishable key as such', () => {
    for (const value of [undefined, null, 42, {}]) expect(isSecretKey(value)).toBe(false);
    expect(describeSecretKeyProblem('pk_live_abc')).toContain('publishable key');
  });
});

describe('redactSecretKeys', () => {
  it('replaces the configured key and any other secret-key-shaped token', () => {
    expect(redactSecretKeys('a sk_test_mine b sk_live_Other-1_x c', 'sk_test_mine')).toBe('a [redacted] b [redacted] c');
    expect(redactSecretKeys('Bearer sk_live_abc,sk_test_def;')).toBe('Bearer [redacted],[redacted];');
  });

  it('leaves text without a key unchanged, including a bare prefix', () => {
    expect(redactSecretKeys('nothing to see, sk_ or sk_live_ alone', 'sk_test_mine')).toBe('nothing to see, sk_ or sk_live_ alone');
  });
});

describe('secret-key refusals, word for word', () => {
  it('say a missing or empty key is required, and a malformed one what it must look like', () => {
    const required = 'secretKey is required (a string starting with sk_test_ or sk_live_).';
    for (const value of [undefined, null, 42, '']) expect(describeSecretKeyProblem(value)).toBe(required);
    expect(describeSecretKeyProblem('sk_test_a b')).toBe('secretKey must be sk_test_ or sk_live_ followed by letters, digits, "_" or "-".');
  });

  it('never take a value that only stringifies to a key for one', () => {
    expect(isSecretKey(['sk_test_abc'])).toBe(false);
    expect(isSecretKey({ toString: () => 'sk_test_abc' })).toBe(false);
  });

  it('replace a configured secret of any shape, not only sk_-shaped tokens', () => {
    expect(redactSecretKeys('token ak_live_123 refused', 'ak_live_123')).toBe('token [redacted] refused');
  });
});
