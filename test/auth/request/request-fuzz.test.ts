import { describe, expect, it } from 'vitest';
import { createRequestAuthenticator, parseCookies } from '../../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from '../helpers/keys.js';

const key = testKey();
const authenticator = createRequestAuthenticator({ jwtKey: key.pem, now: () => NOW_MS, acceptsToken: 'any' });
const valid = sessionToken(key);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = 'AZaz09-_.=;,% \t"\\:/+Bearer__session';

describe('request authentication fuzzing', () => {
  it('never throws and never signs in on random Authorization and Cookie headers', async () => {
    const next = random(1);
    const text = (length: number): string => Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const authorization = next() < 0.5 ? `Bearer ${text(Math.floor(next() * 60))}` : text(Math.floor(next() * 60));
      const parts = {
        authorization: next() < 0.7 ? authorization : undefined,
        cookie: text(Math.floor(next() * 80)),
        sessionIdParam: next() < 0.1 ? text(5) : undefined,
      };
      const state = await authenticator.authenticateParts(parts);
      expect(state.status).toBe('signed-out');
    }
  });

  it('never accepts a valid token with one character changed, from the header or a cookie', async () => {
    const next = random(2);
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(next() * valid.length);
      const replacement = chars[Math.floor(next() * chars.length)] as string;
      const mutated = valid.slice(0, at) + replacement + valid.slice(at + 1);
      if (mutated === valid) continue;
      const fromHeader = await authenticator.authenticateParts({
        authorization: `Bearer ${mutated}`,
        cookie: undefined,
        sessionIdParam: undefined,
      });
      const fromCookie = await authenticator.authenticateParts({
        authorization: undefined,
        cookie: `__session=${encodeURIComponent(mutated)}`,
        sessionIdParam: undefined,
      });
      // Non-canonical base64url is refused too, so even a padding-bit change of the signature fails.
      expect(fromHeader.status).toBe('signed-out');
      expect(fromCookie.status).toBe('signed-out');
    }
  });

  it('parses hostile cookie headers without throwing', () => {
    const next = random(3);
    for (let i = 0; i < 500; i++) {
      const header = Array.from({ length: Math.floor(next() * 100) }, () => String.fromCharCode(Math.floor(next() * 128))).join('');
      expect(() => parseCookies(header)).not.toThrow();
    }
    expect(parseCookies('a=%E0%A4%A; b=%41').get('a')).toBe('%E0%A4%A');
    expect(parseCookies('a=1; a=2').get('a')).toBe('1');
    // A cap on bytes, not on the count: a __session after a thousand cookies is read (issue #22 item 11).
    expect(parseCookies(`${'x=1;'.repeat(1000)}__session=late`).get('__session')).toBe('late');
  });
});
