import { describe, expect, it } from 'vitest';
import { createTokenAdmission } from '../../src/auth/token-admission.js';

describe('createTokenAdmission', () => {
  it('admits every token while entries are used, and after a turnover with at least one used entry', () => {
    const admission = createTokenAdmission(64);
    for (let i = 0; i < 1000; i++) {
      expect(admission.admits(i)).toBe(true);
      // One eviction in 64 had been used: the cache pays, however many unused ones surround it.
      expect(admission.evicted(i % 64 === 0)).toBe(false);
    }
  });

  it('asks for the cache to be emptied after a full turnover of unused entries, then admits only a token seen again within reach', () => {
    const admission = createTokenAdmission(64);
    for (let i = 0; i < 63; i++) expect(admission.evicted(false)).toBe(false);
    expect(admission.evicted(false)).toBe(true);
    // The fillers are distinct tokens that all land on slot 1 of the 128-slot table, away from the tokens watched.
    const filler = (i: number): number => 128 * (i + 1) + 1;
    // First sighting: not admitted; seen again 64 verifications later (within reach): admitted.
    expect(admission.admits(1000)).toBe(false);
    for (let i = 0; i < 63; i++) expect(admission.admits(filler(i))).toBe(false);
    expect(admission.admits(1000)).toBe(true);
    // Seen again 65 verifications later: beyond reach, not admitted.
    expect(admission.admits(3000)).toBe(false);
    for (let i = 100; i < 164; i++) admission.admits(filler(i));
    expect(admission.admits(3000)).toBe(false);
  });

  it('admits every token again after a hit', () => {
    const admission = createTokenAdmission(64);
    for (let i = 0; i < 64; i++) admission.evicted(false);
    expect(admission.admits(7)).toBe(false);
    admission.hit();
    expect(admission.admits(8)).toBe(true);
    // And the count of unused evictions starts again from zero.
    for (let i = 0; i < 63; i++) expect(admission.evicted(false)).toBe(false);
    expect(admission.evicted(false)).toBe(true);
  });

  it('never stops admitting for a cache smaller than 64 entries', () => {
    const admission = createTokenAdmission(63);
    for (let i = 0; i < 1000; i++) expect(admission.evicted(false)).toBe(false);
    expect(admission.admits(1)).toBe(true);
  });

  it('tells a token from another that lands on the same slot of its table', () => {
    const admission = createTokenAdmission(64);
    for (let i = 0; i < 64; i++) admission.evicted(false);
    // The table has 128 slots: 5 and 5 + 128 share one.
    expect(admission.admits(5)).toBe(false);
    expect(admission.admits(5 + 128)).toBe(false);
    expect(admission.admits(5)).toBe(false);
    expect(admission.admits(5)).toBe(true);
  });
});
