import type { Result } from '../kernel/result.js';
import { isRecord } from '../kernel/guards.js';
import { HASH_OF, isRsaAlgorithm, type RsaAlgorithm } from './algorithms.js';
import { fail, type TokenError } from './errors.js';
import { normalizePem } from '../kernel/pem.js';

/**
 * Options of {@link signJwt}.
 *
 * @example
 * const options: SignJwtOptions = { algorithm: 'RS256', header: { kid: 'ins_test' } };
 */
export interface SignJwtOptions {
  /** Default `RS256`, what Clerk signs with; `RS384` and `RS512` are accepted. */
  algorithm?: RsaAlgorithm | undefined;
  /** Extra header parameters (`kid`, say); `alg` and `typ: 'JWT'` are set here. */
  header?: Record<string, unknown> | undefined;
}

const PKCS8 = /^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=\n]+)\n-----END PRIVATE KEY-----$/;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function encodeJson(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

async function importPrivateKey(key: unknown, algorithm: RsaAlgorithm): Promise<CryptoKey | string> {
  const params = { name: 'RSASSA-PKCS1-v1_5', hash: HASH_OF[algorithm] };
  try {
    if (typeof key === 'string') {
      const match = PKCS8.exec(normalizePem(key));
      if (match === null) return 'The key is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----).';
      const der = Uint8Array.from(atob(match[1]!.replace(/\n/g, '')), (c) => c.charCodeAt(0));
      return await crypto.subtle.importKey('pkcs8', der, params, false, ['sign']);
    }
    if (isRecord(key) && key['kty'] === 'RSA' && typeof key['d'] === 'string') {
      const { alg: _alg, key_ops: _ops, use: _use, ext: _ext, ...jwk } = key as JsonWebKey;
      return await crypto.subtle.importKey('jwk', jwk, params, false, ['sign']);
    }
    return 'The key must be a PKCS#8 PEM private key or a private RSA JWK.';
  } catch {
    // WebCrypto's message is dropped: it may quote key material.
    return 'The key could not be imported as an RSA private key.';
  }
}

/**
 * Signs a JWT with an RSA private key (PKCS#8 PEM, literal `\n` allowed, or a private JWK) using WebCrypto, for
 * minting test tokens that `verifyJwt`/`verifyToken` accept with the matching public key. Never throws: an
 * unusable key or payload gives `jwk_invalid` or `options_invalid`, whose message never quotes the key.
 *
 * @example
 * const { data: token } = await signJwt({ sub: 'user_1', sid: 'sess_1', exp: now + 60, iat: now }, privateKeyPem, { header: { kid: 'ins_1' } });
 */
export async function signJwt(
  payload: Record<string, unknown>,
  key: string | JsonWebKey,
  options: SignJwtOptions = {},
): Promise<Result<string, TokenError>> {
  const algorithm = options?.algorithm ?? 'RS256';
  if (!isRsaAlgorithm(algorithm)) return fail('options_invalid', 'algorithm must be RS256, RS384 or RS512.');
  const extra = options?.header ?? {};
  if (!isRecord(payload) || !isRecord(extra)) return fail('options_invalid', 'The payload and header must be plain objects.');
  let signingInput: string;
  try {
    signingInput = `${encodeJson({ ...extra, alg: algorithm, typ: 'JWT' })}.${encodeJson(payload)}`;
  } catch {
    return fail('options_invalid', 'The payload or header cannot be serialised as JSON.');
  }
  const cryptoKey = await importPrivateKey(key, algorithm);
  if (typeof cryptoKey === 'string') return fail('jwk_invalid', cryptoKey);
  const modulusBits = (cryptoKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (modulusBits < 2048) return fail('jwk_invalid', `The key has ${modulusBits} bits; at least 2048 are required.`);
  try {
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', cryptoKey, new TextEncoder().encode(signingInput));
    return { data: `${signingInput}.${base64url(new Uint8Array(signature))}` };
  } catch {
    return fail('jwk_invalid', 'The key could not sign.');
  }
}
