import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A synthetic RSA key pair with helpers to mint tokens; never a real Clerk key. */
export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  /** PEM SPKI text. */
  pem: string;
  /** The public JWK, with `kid`, `alg`, `use`. */
  jwk: JsonWebKey & { kid: string };
  /** Signs `header.payload` with RS256 (or the given hash); header/payload are objects or raw JSON text. */
  sign(header: object | string, payload: object | string, hash?: 'sha256' | 'sha384' | 'sha512'): string;
}

const cache = new Map<string, TestKey>();

export function b64url(input: string | Uint8Array): string {
  return Buffer.from(input).toString('base64url');
}

/** Generates (and memoises per name) an RSA key; `bits` defaults to 2048. */
export function testKey(name = 'ins_test_1', bits = 2048, publicExponent = 65537): TestKey {
  const id = `${name}:${bits}:${publicExponent}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const { privateKey, publicKey } = storedKeyPair(id, bits, publicExponent);
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: name, alg: 'RS256', use: 'sig' };
  const key: TestKey = {
    kid: name,
    privateKey,
    pem,
    jwk,
    sign(header, payload, hash = 'sha256') {
      const h = b64url(typeof header === 'string' ? header : JSON.stringify(header));
      const p = b64url(typeof payload === 'string' ? payload : JSON.stringify(payload));
      const signature = sign(hash, Buffer.from(`${h}.${p}`), privateKey);
      return `${h}.${p}.${b64url(signature)}`;
    },
  };
  cache.set(id, key);
  return key;
}

// Generated keys are also kept on disk: every test file (and every mutant run of `npm run mutate`) imports this
// module afresh, and generating RSA keys is most of the time of a short auth test file (a 4096-bit key takes a
// second). They are synthetic test keys, so a world-readable temp directory is fine.
const KEY_DIR = join(tmpdir(), 'clerk-bapi-test-keys');

function storedKeyPair(id: string, bits: number, publicExponent: number): { privateKey: KeyObject; publicKey: KeyObject } {
  const file = join(KEY_DIR, `${id.replace(/[^A-Za-z0-9_-]/g, '_')}.pem`);
  try {
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    const pair = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent });
    try {
      mkdirSync(KEY_DIR, { recursive: true });
      // Written under a unique name and renamed, so that a parallel test file never reads half a key.
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(partial, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      renameSync(partial, file);
    } catch {
      // No writable temp directory: the key is simply generated again next time.
    }
    return pair;
  }
}

/** A fixed "now" for every test: 2024-01-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2024, 0, 1);
export const NOW_S = NOW_MS / 1000;

/** Valid session claims at NOW, overridable. */
export function sessionClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'user_2abc',
    sid: 'sess_2abc',
    iat: NOW_S - 10,
    nbf: NOW_S - 10,
    exp: NOW_S + 60,
    iss: 'https://clerk.example.com',
    azp: 'https://app.example.com',
    ...overrides,
  };
}

/** A session token signed with `key`, header `{ alg: RS256, kid, typ: JWT }` plus overrides. */
export function sessionToken(key: TestKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  return key.sign({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header }, sessionClaims(claims));
}
