import { isObject, isString, isStringArray } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import { HASH_OF, isRsaAlgorithm, type RsaAlgorithm } from './algorithms.js';
import { binaryToBytes, decodeBase64Url } from '../kernel/base64url.js';
import { normalizePem } from '../kernel/pem.js';
import { invalidKey, type TokenError } from './errors.js';

const MIN_MODULUS_BITS = 2048;
const MAX_MODULUS_BITS = 8192;

/**
 * A verified-usable RSA public key, imported once per allowed algorithm.
 *
 * @example
 * const entry = (await importRsaKey({ pem }, ['RS256'])).data;
 */
export interface RsaKeyEntry {
  readonly kid: string | undefined;
  /** The `alg` the key set pins this key to, if any. */
  readonly alg: RsaAlgorithm | undefined;
  readonly cryptoKeys: ReadonlyMap<RsaAlgorithm, CryptoKey>;
}

/**
 * Where a key comes from: PEM SPKI text, or the public part of an RSA JWK.
 *
 * @example
 * const material: RsaKeyMaterial = { jwk: { kty: 'RSA', n: '…', e: 'AQAB' } };
 */
export type RsaKeyMaterial = { pem: string } | { jwk: JsonWebKey & { kid?: string } };

// Public keys only, so nothing secret can be exported; Node's native check (src/node) converts them with
// KeyObject.from(), which Node 24 deprecates for non-extractable keys.
const EXTRACTABLE = true;

/**
 * Imports and checks an RSA public key for every allowed algorithm: `e = 65537` and a 2048–8192-bit
 * modulus are required, because WebCrypto and jose accept `e = 1`, which makes forgery trivial.
 *
 * @example
 * const { data, errors } = await importRsaKey({ pem: jwtKeyPem }, ['RS256']);
 */
export async function importRsaKey(
  material: RsaKeyMaterial,
  algorithms: readonly RsaAlgorithm[],
): Promise<Result<RsaKeyEntry, TokenError>> {
  let kid: string | undefined;
  let pinned: RsaAlgorithm | undefined;
  let source: ['spki', Uint8Array<ArrayBuffer>] | ['jwk', JsonWebKey];
  if ('pem' in material) {
    const spki = readPemSpki(normalizePem(material.pem));
    if (isString(spki)) return invalidKey(`The PEM key ${spki}.`);
    source = ['spki', spki];
  } else {
    const checked = checkJwkShape(material.jwk);
    if (isString(checked)) return invalidKey(`The JWK ${checked}.`);
    source = ['jwk', checked.jwk];
    kid = checked.kid;
    pinned = checked.alg;
    if (pinned !== undefined && !algorithms.includes(pinned)) {
      return invalidKey(`The key is pinned to ${pinned}, which is not an allowed algorithm.`);
    }
  }
  const cryptoKeys = new Map<RsaAlgorithm, CryptoKey>();
  for (const alg of algorithms) {
    if (pinned !== undefined && alg !== pinned) continue;
    let key: CryptoKey;
    // WebCrypto directly (jose's importSPKI/importJWK would add ~7 KB to every bundle for the same call): the
    // PEM and JWK shapes are checked above, and checkRsaParameters checks what WebCrypto accepted.
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: HASH_OF[alg] };
    try {
      // TypeScript's importKey overloads split 'jwk' from the binary formats (hence the casts); WebCrypto takes
      // either through this one call.
      key = await crypto.subtle.importKey(source[0] as 'jwk', source[1] as JsonWebKey, algorithm, EXTRACTABLE, ['verify']);
    } catch (error) {
      // WebCrypto's message is dropped: it may quote key material.
      return invalidKey('The key could not be imported as an RSA public key.', {
        cause: error instanceof Error ? error.name : 'Error',
      });
    }
    const problem = checkRsaParameters(key, alg);
    if (problem !== undefined) return invalidKey(problem);
    cryptoKeys.set(alg, key);
  }
  return { data: { kid, alg: pinned, cryptoKeys } };
}

/** The public parameters, `kid` and pinned `alg` of a usable RSA signing JWK, or why not (`The JWK <why>.`). */
function checkJwkShape(
  jwk: JsonWebKey & { kid?: unknown },
): { jwk: JsonWebKey; kid: string | undefined; alg: RsaAlgorithm | undefined } | string {
  if (!isObject(jwk)) return 'is not an object';
  if (jwk.kty !== 'RSA') return 'is not an RSA key';
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'is not a signing key (use)';
  // RFC 7517 §4.3: when key_ops is present, the key may only be used for the operations it lists.
  const ops: unknown = jwk.key_ops;
  if (ops !== undefined && !(isStringArray(ops) && ops.includes('verify'))) {
    return 'key_ops does not allow verify';
  }
  if (!isString(jwk.n) || decodeBase64Url(jwk.n) === undefined) {
    return 'modulus (n) is not base64url';
  }
  // Only the canonical encoding of 65537 is accepted; see checkRsaParameters for why.
  if (jwk.e !== 'AQAB') return 'public exponent (e) must be 65537';
  if (jwk.alg !== undefined && !isRsaAlgorithm(jwk.alg)) return 'alg is not supported';
  if (jwk.kid !== undefined && !isString(jwk.kid)) return 'kid is not a string';
  // Only the public parameters go to WebCrypto: `d`, `key_ops` or `ext` must not change what is imported.
  return { jwk: { kty: 'RSA', n: jwk.n, e: jwk.e }, kid: jwk.kid, alg: jwk.alg };
}

/** Exactly one SPKI PEM block: base64 (and whitespace) between the armour, nothing before or after it. */
const PEM_SPKI = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/;

/**
 * The DER bytes of exactly one SPKI PEM block, or why not (`The PEM key <why>.`): text around the block, a second block, and DER bytes
 * after the SPKI structure (which `@clerk/backend` refuses too) are refused.
 */
function readPemSpki(pem: string): Uint8Array<ArrayBuffer> | string {
  const match = PEM_SPKI.exec(pem);
  if (match === null) return 'is not exactly one SPKI public key block';
  let der: string;
  try {
    der = atob((match[1] ?? '').replace(/\s/g, ''));
  } catch {
    return 'is not valid base64';
  }
  if (derSequenceLength(der) !== der.length) return 'has bytes after its SPKI structure';
  return binaryToBytes(der);
}

/** The total length (header included) of the DER SEQUENCE at the start of `der`, or -1. */
function derSequenceLength(der: string): number {
  if (der.charCodeAt(0) !== 0x30 || der.length < 2) return -1;
  const first = der.charCodeAt(1);
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4 || der.length < 2 + octets) return -1;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + der.charCodeAt(2 + i);
  return 2 + octets + length;
}

function checkRsaParameters(key: CryptoKey, alg: RsaAlgorithm): string | undefined {
  const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
  if (key.type !== 'public' || algorithm.name !== 'RSASSA-PKCS1-v1_5' || algorithm.hash.name !== HASH_OF[alg]) {
    return 'The key is not an RSA public key for PKCS#1 v1.5 signatures.';
  }
  if (algorithm.modulusLength < MIN_MODULUS_BITS || algorithm.modulusLength > MAX_MODULUS_BITS) {
    return `The RSA modulus must be ${MIN_MODULUS_BITS}–${MAX_MODULUS_BITS} bits, got ${algorithm.modulusLength}.`;
  }
  if (!isExponent65537(algorithm.publicExponent)) return 'The RSA public exponent must be 65537.';
  return undefined;
}

function isExponent65537(exponent: Uint8Array): boolean {
  let start = 0;
  while (start < exponent.length && exponent[start] === 0) start++;
  return exponent.length - start === 3 && exponent[start] === 1 && exponent[start + 1] === 0 && exponent[start + 2] === 1;
}
