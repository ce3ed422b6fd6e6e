import { describe, expect, it } from 'vitest';
import { createTokenVerifier, decodeJwt, hasValidSignature, verifyJwt } from '../../src/auth/index.js';
import { b64url, NOW_MS, sessionToken, testKey } from './helpers/keys.js';

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = testKey('ins_fuzz');
const valid = sessionToken(key);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n{}"';

function mutate(token: string, random: () => number): string {
  const chars = [...token];
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * chars.length);
    const op = random();
    const char = ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'A';
    if (op < 0.6) chars[at] = char;
    else if (op < 0.8) chars.splice(at, 1);
    else chars.splice(at, 0, char);
  }
  return chars.join('');
}

describe('fuzzing (A13)', () => {
  it('never throws and never accepts a mutated valid token', async () => {
    const random = rng(0xc1e4c);
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    expect((await verifier.verify(valid)).errors).toBeUndefined();
    for (let i = 0; i < 1500; i++) {
      const mutated = mutate(valid, random);
      if (mutated === valid) continue;
      const result = await verifier.verify(mutated);
      expect(result.errors, mutated).toBeDefined();
      expect((await hasValidSignature(mutated, key.pem)).data).not.toBe(true);
    }
  });

  it('never throws on random bytes', async () => {
    const random = rng(42);
    const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
    for (let i = 0; i < 500; i++) {
      const bytes = new Uint8Array(Math.floor(random() * 600)).map(() => Math.floor(random() * 256));
      const text =
        i % 2 ? String.fromCharCode(...bytes) : `${b64url(bytes.subarray(0, 40))}.${b64url(bytes.subarray(40))}.${b64url(bytes)}`;
      expect((await verifier.verify(text)).errors).toBeDefined();
      // Random bytes are never a compact JWS whose header is a JSON object: decoding must refuse them.
      expect(decodeJwt(text).errors?.[0].code, text).toMatch(/^token_(invalid|too_large)$/);
      expect((await verifyJwt(text, { key: key.pem })).errors).toBeDefined();
    }
  });

  it('never throws on odd but correctly signed JSON shapes', async () => {
    const shapes = [
      '{}',
      '[]',
      'null',
      '1',
      '"x"',
      '{"sub":null,"sid":null,"exp":null}',
      '{"exp":[1]}',
      '{"exp":{"valueOf":1}}',
      '{"sub":{},"sid":[],"exp":1e308}',
      '{"exp":-1e400}',
      '{"sub":"u","sid":"s","exp":9e15,"o":[]}',
      '{"aud":{},"exp":9e15}',
      '{"sub":"u","sid":"s","exp":9e15,"v":2,"o":{"id":"o","per":{},"fpm":1}}',
      '{"sub":"u","sid":"s","exp":9e15,"fea":7}',
      `{"a":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`,
      '{"sub":"u","sid":"s","exp":9e15,"constructor":{"prototype":null}}',
    ];
    const headers = [
      '{"alg":"RS256","kid":{}}',
      '{"alg":"RS256","typ":[]}',
      '{"alg":"RS256","crit":"x"}',
      '{"alg":["RS256"]}',
      '[]',
      '{"alg":"RS256","cat":{}}',
    ];
    const verifier = createTokenVerifier({
      jwtKey: key.pem,
      now: () => NOW_MS,
      authorizedParties: ['https://a.example'],
      audience: 'x',
      issuer: 'https://i',
    });
    for (const payload of shapes) {
      const result = await verifier.verify(key.sign('{"alg":"RS256"}', payload));
      expect(result.errors, payload).toBeDefined();
    }
    for (const header of headers) {
      expect((await verifier.verify(key.sign(header, '{"sub":"u","sid":"s","exp":9e15}'))).errors, header).toBeDefined();
    }
  });
});
