// A synchronous look at a `jwtKey` before any request: importing a key with WebCrypto is asynchronous, so a
// constructor cannot wait for it, but the SPKI structure says enough — PEM armour, base64 body, the RSA OID, the
// modulus size and the exponent — to refuse at startup a key that would make every request a 401.
import { isObject, isString } from './guards.js';
import { decodeBase64Url } from './base64url.js';
import { normalizePem } from './pem.js';

const MIN_BITS = 2048;
const MAX_BITS = 8192;
// DER of the algorithm OIDs: rsaEncryption 1.2.840.113549.1.1.1 and id-ecPublicKey 1.2.840.10045.2.1.
const RSA_OID = '06092a864886f70d010101';
const EC_OID = '06072a8648ce3d0201';
const PEM_BLOCK = /^-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]*)-----END \1-----$/;

/**
 * Why a `jwtKey` cannot verify Clerk's tokens, in words that never quote it (`is an EC key; …`), or `undefined`
 * when it has the shape of a usable RSA public key (PEM SPKI or JWK, 2048–8192 bits, e = 65537). WebCrypto
 * still imports and checks it on first use.
 *
 * @example
 * describeJwtKeyProblem('sk_test_…'); // 'is a secret key (sk_…), not a public key: pass it as secretKey'
 * describeJwtKeyProblem(pem);         // undefined
 */
export function describeJwtKeyProblem(key: unknown): string | undefined {
  if (isString(key)) {
    const text = normalizePem(key);
    if (text.startsWith('sk_')) return 'is a secret key (sk_…), not a public key: pass it as secretKey';
    if (text.startsWith('pk_')) return 'is a publishable key (pk_…), not a public key: pass it as publishableKey';
    if (text.startsWith('{')) {
      try {
        return describeJwkProblem(JSON.parse(text));
      } catch {
        return 'is neither PEM nor JSON (a JWK)';
      }
    }
    return describePemProblem(text);
  }
  if (isObject(key)) return describeJwkProblem(key);
  return 'must be a PEM public key string or an RSA JWK';
}

function describePemProblem(pem: string): string | undefined {
  const block = PEM_BLOCK.exec(pem);
  if (block === null) return 'is not PEM: expected one -----BEGIN PUBLIC KEY----- block (the PEM public key from the Clerk Dashboard)';
  const label = block[1];
  if (label === 'RSA PUBLIC KEY') return 'is a PKCS#1 RSA key: pass the SPKI form (-----BEGIN PUBLIC KEY-----)';
  if (label !== 'PUBLIC KEY') return `is a ${label!.toLowerCase()}, not a public key (-----BEGIN PUBLIC KEY-----)`;
  let der: string;
  try {
    der = atob(block[2]!.replace(/\s/g, ''));
  } catch {
    return 'has a PEM body that is not valid base64';
  }
  const hex = Array.from(der, (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  // SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier SEQUENCE { OID, params }, BIT STRING }
  const spki = readTlv(hex, 0, '30');
  const algorithm = spki && readTlv(hex, spki.start, '30');
  if (!spki || !algorithm || spki.end !== hex.length) return 'is not a DER SubjectPublicKeyInfo';
  const oid = hex.slice(algorithm.start, algorithm.start + RSA_OID.length);
  if (hex.startsWith(EC_OID, algorithm.start)) return 'is an EC key; Clerk signs session tokens with RSA (RS256)';
  if (oid !== RSA_OID) return 'is not an RSA key; Clerk signs session tokens with RSA (RS256)';
  const bits = readTlv(hex, algorithm.end, '03');
  // The BIT STRING holds one byte of unused-bit count (0), then RSAPublicKey ::= SEQUENCE { n INTEGER, e INTEGER }.
  const rsa = bits && readTlv(hex, bits.start + 2, '30');
  const modulus = rsa && readTlv(hex, rsa.start, '02');
  const exponent = modulus && readTlv(hex, modulus.end, '02');
  if (!exponent) return 'is not a well-formed RSA public key';
  return describeRsaNumbers(hex.slice(modulus.start, modulus.end), hex.slice(exponent.start, exponent.end));
}

function describeJwkProblem(jwk: unknown): string | undefined {
  if (!isObject(jwk)) return 'is not a JWK object';
  if (jwk['kty'] !== 'RSA') return jwk['kty'] === 'EC' ? 'is an EC key; Clerk signs session tokens with RSA (RS256)' : 'is not an RSA JWK';
  const n = isString(jwk['n']) ? decodeBase64Url(jwk['n']) : undefined;
  const e = isString(jwk['e']) ? decodeBase64Url(jwk['e']) : undefined;
  if (!n || !e) return 'is an RSA JWK without a base64url modulus (n) and exponent (e)';
  const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return describeRsaNumbers(hex(n), hex(e));
}

/** The modulus size and exponent rules, on big-endian hex (a leading sign byte allowed). */
function describeRsaNumbers(modulus: string, exponent: string): string | undefined {
  const n = modulus.replace(/^(00)+/, '');
  const bitLength = n.length === 0 ? 0 : (n.length - 2) * 4 + parseInt(n.slice(0, 2), 16).toString(2).length;
  if (bitLength < MIN_BITS || bitLength > MAX_BITS) return `is a ${bitLength}-bit RSA key; ${MIN_BITS}–${MAX_BITS} bits are required`;
  if (exponent.replace(/^(00)+/, '') !== '010001') return 'has an RSA public exponent other than 65537';
  return undefined;
}

/** One DER TLV at `at` (hex offsets) with the given tag: where its content starts and where it ends. */
function readTlv(hex: string, at: number, tag: string): { start: number; end: number } | undefined {
  if (hex.slice(at, at + 2) !== tag) return undefined;
  let length = parseInt(hex.slice(at + 2, at + 4), 16);
  let start = at + 4;
  if (length > 0x80) {
    const octets = length - 0x80;
    if (octets > 3) return undefined;
    length = parseInt(hex.slice(start, start + octets * 2), 16);
    start += octets * 2;
  } else if (length === 0x80 || Number.isNaN(length)) return undefined;
  const end = start + length * 2;
  return end <= hex.length ? { start, end } : undefined;
}
