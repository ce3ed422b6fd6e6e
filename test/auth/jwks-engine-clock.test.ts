import { describe, expect, it } from 'vitest';
import { createJwksEngine } from '../../src/auth/jwks-engine.js';
import type { KeyContext } from '../../src/auth/key-source.js';
import { jwksResponse } from './helpers/jwks-server.js';
import { testKey } from './helpers/keys.js';

// Found by the soak (test/soak): a lookup that waited for a fetch in flight handed the engine its arrival time
// after newer readings had been seen. The elapsed clock took that older reading for a backwards clock step and
// counted the time between it and the next reading twice, so the cooldown (and the TTL) ended early in real time.

const keyA = testKey('ins_a');

function engine() {
  return createJwksEngine({
    url: 'https://clerk.example.com/.well-known/jwks.json',
    headers: {},
    bapi: false,
    timeoutInMs: 5000,
    maxBytes: 262_144,
    algorithms: ['RS256'],
    ttlInMs: 300_000,
    cooldownInMs: 1000,
    staleIfErrorInMs: 600_000,
    maxKeys: 32,
  });
}

describe('JWKS engine: lookups that wait for a fetch in flight', () => {
  it('keeps fetches a full cooldown apart when a waiting lookup resumes with its older arrival time', async () => {
    const starts: number[] = [];
    let release: (() => void) | undefined;
    let clock = 0;
    const fetch = (async () => {
      starts.push(clock);
      // The second fetch hangs until the test releases it, as a slow endpoint does.
      if (starts.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return jwksResponse([keyA.jwk]);
    }) as unknown as typeof globalThis.fetch;
    const at = (nowMs: number): KeyContext => {
      clock = nowMs;
      return { nowMs, fetch: () => fetch };
    };
    const keys = engine();
    expect((await keys.getKey('ins_a', at(0))).data).toBeDefined();
    // An unknown kid after the cooldown: a second fetch, which hangs.
    const first = keys.getKey('ins_new', at(1000));
    // Another unknown kid arrives at 1100 and waits for that fetch; traffic with the known kid goes on meanwhile.
    const waiting = keys.getKey('ins_new', at(1100));
    expect(keys.peek('ins_a', 1500)).toBeDefined();
    release?.();
    await first;
    await waiting;
    expect(keys.peek('ins_a', 1600)).toBeDefined();
    // 1700 is 700 ms after the last fetch started: still inside the cooldown, so no third fetch.
    expect((await keys.getKey('ins_new', at(1700))).errors?.[0]?.code).toBe('jwk_kid_mismatch');
    expect(starts).toEqual([0, 1000]);
    // Once the cooldown has really passed, the unknown kid is looked up again.
    await keys.getKey('ins_new', at(2000));
    expect(starts).toEqual([0, 1000, 2000]);
  });

  it('counts the cooldown from when a fetch really started, when a lookup that waited starts it', async () => {
    const starts: number[] = [];
    let release: (() => void) | undefined;
    let clock = 0;
    const fetch = (async () => {
      starts.push(clock);
      if (starts.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return jwksResponse([keyA.jwk]);
    }) as unknown as typeof globalThis.fetch;
    const at = (nowMs: number): KeyContext => {
      clock = nowMs;
      return { nowMs, fetch: () => fetch };
    };
    const keys = engine();
    await keys.getKey('ins_a', at(0));
    const first = keys.getKey('ins_new', at(1000));
    // Arrives a cooldown after the hanging fetch started, and waits for it.
    const waiting = keys.getKey('ins_new', at(2100));
    expect(keys.peek('ins_a', 2600)).toBeDefined();
    clock = 2600;
    release?.();
    await first;
    await waiting;
    // The waiting lookup started a fetch when it resumed, at 2600 (the newest time seen), not at its arrival (2100).
    expect(starts).toEqual([0, 1000, 2600]);
    await keys.getKey('ins_new', at(3200));
    expect(starts).toEqual([0, 1000, 2600]);
    await keys.getKey('ins_new', at(3600));
    expect(starts).toEqual([0, 1000, 2600, 3600]);
  });

  it('reads the clock again for a fetch started after a wait, when no newer reading came in meanwhile', async () => {
    const starts: number[] = [];
    let release: (() => void) | undefined;
    let clock = 0;
    const fetch = (async () => {
      starts.push(clock);
      if (starts.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return jwksResponse([keyA.jwk]);
    }) as unknown as typeof globalThis.fetch;
    const at = (nowMs: number): KeyContext => {
      clock = nowMs;
      return { nowMs, now: () => clock, fetch: () => fetch };
    };
    const keys = engine();
    await keys.getKey('ins_a', at(0));
    const first = keys.getKey('ins_new', at(1000));
    const waiting = keys.getKey('ins_new', at(2100));
    // Every lookup is parked on the hanging fetch: nothing reads the clock until it ends at 2600.
    clock = 2600;
    release?.();
    await first;
    await waiting;
    expect(starts).toEqual([0, 1000, 2600]);
    await keys.getKey('ins_new', at(3200));
    expect(starts).toEqual([0, 1000, 2600]);
    await keys.getKey('ins_new', at(3600));
    expect(starts).toEqual([0, 1000, 2600, 3600]);
  });
});
