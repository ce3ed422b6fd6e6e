import { describe, expect, it } from 'vitest';
import { describeUntrusted, MAX_DETAIL_LENGTH } from '../../src/auth/safe-detail.js';

describe('describeUntrusted', () => {
  it('keeps a short printable string as it is', () => {
    expect(describeUntrusted('ins_2abc')).toBe('ins_2abc');
  });

  it('keeps a string of exactly the maximum length uncut', () => {
    expect(describeUntrusted('k'.repeat(MAX_DETAIL_LENGTH))).toBe('k'.repeat(MAX_DETAIL_LENGTH));
  });

  it('cuts a huge string and marks the cut', () => {
    const text = describeUntrusted('k'.repeat(10_000));
    expect(text).toBe(`${'k'.repeat(MAX_DETAIL_LENGTH)}…`);
  });

  it('replaces control and non-ASCII characters', () => {
    expect(describeUntrusted('a\nb\u0000c\u202ed')).toBe('a?b?c?d');
  });

  it('names other values by their type, never their content', () => {
    expect(describeUntrusted({ secret: 'x' })).toBe('[object]');
    expect(describeUntrusted(['x'])).toBe('[array]');
    expect(describeUntrusted(null)).toBe('[null]');
    expect(describeUntrusted(7)).toBe('[number]');
  });
});
