import { describe, expect, it } from 'vitest';
import { isRsaAlgorithm } from '../../src/auth/algorithms.js';
import { decodeBase64Url, decodeBase64UrlJson } from '../../src/kernel/base64url.js';
import { decodeJwt, MAX_TOKEN_LENGTH } from '../../src/auth/decode-jwt.js';
import { tokenError } from '../../src/auth/errors.js';
import { checkHeader } from '../../src/auth/header-checks.js';
import { createTokenVerifier, hasValidSignature, verifyJwt } from '../../src/auth/index.js';
import type { RsaKeyEntry } from '../../src/auth/rsa-key.js';
import { useSignatureCheck, verifySignature } from '../../src/auth/verify-signature.js';
import { webCryptoSignatureCheck } from '../../src/auth/web-signature-check.js';
import { createSign } from 'node:crypto';
import { b64url, NOW_MS, sessionClaims, sessionToken, testKey } from './helpers/keys.js';

// Each refusal of the JWS pipeline names its reason, and the strict decoders refuse every non-canonical input.

describe('decodeBase64Url and decodeBase64UrlJson: canonical input only', () => {
  it('refuses an impossible length and characters outside the alphabet, ASCII or not', () => {
    expect(decodeBase64Url('A')).toBeUndefined();
    expect(decodeBase64Url('AAAAA')).toBeUndefined();
    expect(decodeBase64Url('aé')).toBeUndefined();
    expect(decodeBase64Url('éAAA')).toBeUndefined();
    expect(decodeBase64Url('a\u0100')).toBeUndefined();
    expect([...(decodeBase64Url('aGk') ?? [])]).toEqual([104, 105]);
  });

  it('decodes the URL-safe characters of the alphabet and refuses the standard ones', () => {
    // '>>>' and '???' are the bytes that base64 spells with '+' and '/'.
    expect(decodeBase64UrlJson(b64url('{"a":">>>","b":"???"}'))).toEqual({ a: '>>>', b: '???' });
    expect(b64url('{"a":">>>","b":"???"}')).toMatch(/-.*_/);
    expect(decodeBase64UrlJson(Buffer.from('{"a":">>>"}').toString('base64'))).toBeUndefined();
  });

  it('refuses whitespace, which atob alone would skip', () => {
    expect(decodeBase64UrlJson('e30 ')).toBeUndefined();
    expect(decodeBase64UrlJson('e3 0')).toBeUndefined();
  });

  it('refuses a last character with non-zero padding bits, for both partial lengths', () => {
    // '{"a":1}' is eyJhIjoxfQ; 'U' differs from 'Q' in a bit that only the two-character remainder drops.
    expect(decodeBase64UrlJson('eyJhIjoxfQ')).toEqual({ a: 1 });
    expect(decodeBase64UrlJson('eyJhIjoxfU')).toBeUndefined();
    // '{}' is e30; '1' differs from '0' in a bit that the three-character remainder drops.
    expect(decodeBase64UrlJson('e30')).toEqual({});
    expect(decodeBase64UrlJson('e31')).toBeUndefined();
  });

  it('refuses JSON that is not an object', () => {
    for (const json of ['null', '[]', '1', '"s"']) expect(decodeBase64UrlJson(b64url(json)), json).toBeUndefined();
  });
});

describe('decodeJwt: every refusal says what is wrong', () => {
  const header = b64url('{"alg":"RS256"}');
  const payload = b64url('{"sub":"user_1"}');

  it.each([
    ['a number', 42, 'token_invalid', 'The token must be a string.'],
    ['a two-segment string', `${header}.${payload}`, 'token_invalid', 'The token is not a compact JWS (three base64url segments).'],
    ['a header that is not JSON', `${b64url('nope')}.${payload}.c2ln`, 'token_invalid', 'The token header is not a base64url JSON object.'],
    [
      'a payload that is not JSON',
      `${header}.${b64url('nope')}.c2ln`,
      'token_invalid',
      'The token payload is not a base64url JSON object.',
    ],
    ['a non-canonical signature', `${header}.${payload}.c2l`, 'token_invalid', 'The token signature is not canonical base64url.'],
  ])('refuses %s', (_name, token, code, message) => {
    expect(decodeJwt(token as string).errors?.[0]).toEqual({ code, message });
  });

  it('refuses a header nested deeper than claims may be', () => {
    const deep = `${'{"x":'.repeat(40)}1${'}'.repeat(40)}`;
    expect(decodeJwt(`${b64url(deep)}.${payload}.c2ln`).errors?.[0]).toEqual({
      code: 'token_invalid',
      message: 'The token header is nested too deeply.',
    });
  });

  it('refuses a token over the size cap as too large, and not one of exactly the cap', () => {
    const filler = 'A'.repeat(MAX_TOKEN_LENGTH - header.length - 6);
    const atCap = `${header}.${filler}.c2ln`;
    expect(atCap).toHaveLength(MAX_TOKEN_LENGTH);
    expect(decodeJwt(atCap).errors?.[0].code).not.toBe('token_too_large');
    expect(decodeJwt(`${atCap}A`).errors?.[0]).toEqual({
      code: 'token_too_large',
      message: `The token is longer than ${MAX_TOKEN_LENGTH} characters.`,
    });
  });
});

describe('header and algorithm refusals', () => {
  it('lists the allowed algorithms in the refusal', () => {
    expect(checkHeader({ alg: 'HS256' }, ['RS256', 'RS512']).errors?.[0].message).toBe('The token algorithm is not one of: RS256, RS512.');
  });

  it('knows exactly the three RSA PKCS#1 algorithms', () => {
    expect(['RS256', 'RS384', 'RS512', 'PS256', 'rs256', ''].map(isRsaAlgorithm)).toEqual([true, true, true, false, false, false]);
  });

  it('builds errors without a meta key unless meta is given', () => {
    expect(Object.keys(tokenError('token_invalid', 'm'))).toEqual(['code', 'message']);
    expect(tokenError('token_invalid', 'm', { a: 1 })).toEqual({ code: 'token_invalid', message: 'm', meta: { a: 1 } });
  });
});

describe('verifyJwt and hasValidSignature: unusable options', () => {
  const key = testKey();
  const token = sessionToken(key);

  it('name the option that is wrong', async () => {
    const expected = { code: 'options_invalid', message: 'The algorithms option must be a non-empty list of RS256, RS384, RS512.' };
    expect((await hasValidSignature(token, key.pem, { algorithms: [] })).errors?.[0]).toMatchObject(expected);
    expect((await verifyJwt(token, { key: key.pem, algorithms: [] })).errors?.[0]).toMatchObject(expected);
  });

  it('give options_invalid instead of throwing when the options cannot be read', async () => {
    const hostile = {
      key: key.pem,
      get algorithms(): never {
        throw new Error('no');
      },
    };
    const expected = { code: 'options_invalid', message: 'The options could not be read.' };
    expect((await hasValidSignature(token, key.pem, hostile)).errors?.[0]).toEqual(expected);
    expect((await verifyJwt(token, hostile)).errors?.[0]).toEqual(expected);
  });
});

describe('verifySignature fails closed', () => {
  const key = testKey();
  const token = sessionToken(key);
  const [h, p, s] = token.split('.') as [string, string, string];
  const compact = { header: {}, payloadSegment: p, signatureSegment: s, signingInput: `${h}.${p}` };

  async function entry(): Promise<RsaKeyEntry> {
    const jwk: JsonWebKey = { kty: 'RSA', n: key.jwk.n as string, e: 'AQAB' };
    const cryptoKey = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    return { kid: undefined, alg: undefined, cryptoKeys: new Map([['RS256', cryptoKey]]) };
  }

  it('is false for an algorithm the entry has no key for', async () => {
    expect(await verifySignature(await entry(), 'RS256', compact)).toBe(true);
    expect(await verifySignature(await entry(), 'RS384', compact)).toBe(false);
  });

  it('is false when the installed check throws or rejects', async () => {
    const valid = await entry();
    try {
      useSignatureCheck(() => {
        throw new Error('native check crashed');
      });
      expect(await verifySignature(valid, 'RS256', compact)).toBe(false);
      useSignatureCheck(() => Promise.reject(new Error('native check crashed')));
      expect(await verifySignature(valid, 'RS256', compact)).toBe(false);
    } finally {
      useSignatureCheck(webCryptoSignatureCheck);
    }
  });

  it('is false when WebCrypto rejects instead of answering', async () => {
    // An RSA-PSS key cannot verify a PKCS#1 v1.5 signature: WebCrypto rejects the call.
    const jwk: JsonWebKey = { kty: 'RSA', n: key.jwk.n as string, e: 'AQAB' };
    const pss = await crypto.subtle.importKey('jwk', jwk, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
    expect(await webCryptoSignatureCheck(pss, 'RS256', compact.signatureSegment, compact.signingInput)).toBe(false);
  });

  it('is false for a signature segment that is not canonical base64url', async () => {
    const valid = await entry();
    expect(await verifySignature(valid, 'RS256', compact)).toBe(true);
    // Padding, the standard alphabet, a stray character, non-zero trailing bits: each the same bytes to a lenient decoder.
    for (const signatureSegment of [
      `${s}==`,
      s.replaceAll('-', '+').replaceAll('_', '/'),
      `${s}A`,
      `${s.slice(0, -1)}${lastBitsFlipped(s)}`,
    ]) {
      if (signatureSegment === s) continue;
      expect(await verifySignature(valid, 'RS256', { ...compact, signatureSegment }), signatureSegment.slice(-4)).toBe(false);
    }
  });
});

/** The last character of a base64url string with its unused trailing bit set: the same bytes to a lenient decoder. */
function lastBitsFlipped(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(segment.at(-1) as string) | 1] as string;
}

describe('a signature check answering with a promise of another realm (an edge runtime VM handing out host promises)', () => {
  it('is awaited like any promise: valid tokens pass, forged ones are refused', async () => {
    const { runInNewContext } = await import('node:vm');
    const key = testKey();
    const token = sessionToken(key);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(342)}`;
    try {
      useSignatureCheck((cryptoKey, alg, signature, input) => {
        const valid = webCryptoSignatureCheck(cryptoKey, alg, signature, input);
        return runInNewContext('(valid) => Promise.resolve(valid)')(valid) as Promise<boolean>;
      });
      const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS });
      expect((await verifier.verify(token)).errors).toBeUndefined();
      expect((await verifier.verify(forged)).errors?.[0].code).toBe('token_invalid_signature');
    } finally {
      useSignatureCheck(webCryptoSignatureCheck);
    }
  });
});

describe('a payload segment spelled outside canonical base64url, signed as it is', () => {
  // The payload decoder relies on the shape check for the alphabet: a correctly signed token whose payload segment
  // atob alone would read (standard alphabet, padding, whitespace) or whose ending is not canonical is refused.
  const key = testKey('ins_payload_spelling');
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: key.kid, typ: 'JWT' }));
  const payload = b64url(JSON.stringify(sessionClaims({ sub: 'user_>>>?' })));
  const signed = (segment: string): string => {
    const signer = createSign('sha256');
    signer.update(`${header}.${segment}`);
    return `${header}.${segment}.${signer.sign(key.privateKey).toString('base64url')}`;
  };
  const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, tokenCache: false });

  it('accepts the canonical spelling', async () => {
    expect(payload).toMatch(/[-_]/);
    expect((await verifier.verify(signed(payload))).data?.userId).toBe('user_>>>?');
  });

  it.each([
    ['the standard alphabet', payload.replaceAll('-', '+').replaceAll('_', '/')],
    ['padding', `${payload}${'='.repeat((4 - (payload.length % 4)) % 4 || 4)}`],
    ['whitespace inside', `${payload.slice(0, 8)} ${payload.slice(8)}`],
    ['a non-ASCII character', `${payload.slice(0, 8)}\u00e9${payload.slice(8)}`],
    ['an impossible length', `${payload}${'A'.repeat((5 - (payload.length % 4)) % 4)}`],
  ])('refuses %s', async (_name, segment) => {
    const { errors } = await verifier.verify(signed(segment));
    expect(errors?.[0].code).toBe('token_invalid');
  });

  it('refuses a last character with non-zero padding bits', async () => {
    const bytes = Buffer.from(JSON.stringify(sessionClaims({ pad: 'x' })));
    const trimmed = bytes.subarray(0, bytes.length - (bytes.length % 3 === 0 ? 1 : 0));
    const canonical = b64url(trimmed);
    expect(canonical.length % 4).not.toBe(0);
    const last = canonical.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const mutated = `${canonical.slice(0, -1)}${alphabet[alphabet.indexOf(last) + 1]}`;
    expect((await verifier.verify(signed(mutated))).errors?.[0]).toEqual({
      code: 'token_invalid',
      message: 'The token payload is not a base64url JSON object.',
    });
  });
});
