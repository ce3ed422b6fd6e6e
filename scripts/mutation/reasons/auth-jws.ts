// Why the surviving mutants of the `auth-jws` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const RSA_KEY = 'src/auth/rsa-key.ts';

export const reasons: SurvivorReason[] = [
  // rsa-key: what WebCrypto's import already guarantees, and the DER length reader past the end of its input.
  {
    file: RSA_KEY,
    mutant: /key\.type !== 'public'|algorithm\.name !== 'RSASSA-PKCS1-v1_5'|algorithm\.hash\.name !== HASH_OF\[alg\]/,
    kind: 'equivalent',
    why: "importKey is called with ['verify'], name RSASSA-PKCS1-v1_5 and HASH_OF[alg] on public SPKI/JWK input: the key it returns always has that type, name and hash.",
  },
  {
    file: RSA_KEY,
    mutant: /BlockStatement: \{ return 'The key is not an RSA public key|StringLiteral: 'The key is not an RSA public key/,
    kind: 'unreachable',
    why: 'The refusal of a non-public or non-PKCS#1 key after import: WebCrypto never returns one for the parameters passed (see the check above).',
  },
  {
    file: RSA_KEY,
    mutant: /start < exponent\.length|exponent\.length - start -> exponent\.length \+ start|start\+\+ -> start--/,
    kind: 'equivalent',
    why: 'WebCrypto reports publicExponent without leading zero bytes, so the zero-skipping loop never advances and `start` stays 0.',
  },
  {
    file: RSA_KEY,
    mutant: /der\.length < 2|2 \+ octets -> 2 - octets/,
    kind: 'equivalent',
    why: 'Reading the DER header past the end of the text gives NaN (charCodeAt), so the computed length never equals der.length and the key is refused with the same message.',
  },
  {
    file: RSA_KEY,
    mutant: 'UnaryOperator: -1 -> +1',
    kind: 'equivalent',
    why: 'derSequenceLength returning 1 instead of -1 for a bad header: a DER text here has at least 2 characters, so 1 never equals its length either.',
  },
  {
    file: RSA_KEY,
    mutant: `StringLiteral: 'Error' -> ""`,
    kind: 'unreachable',
    why: "WebCrypto's importKey rejects with DOMExceptions, which are Errors, so the non-Error fallback name is never used.",
  },
  {
    file: RSA_KEY,
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'equivalent',
    why: "The PEM pattern's group is not optional, so `match[1]` is always a string and the `?? ''` fallback is never used.",
  },
  // base64url
  {
    file: 'src/auth/base64url.ts',
    mutant: 'BlockStatement: { return undefined; } -> {}',
    kind: 'equivalent',
    why: 'The emptied `catch` of decodeBase64UrlJson falls through to the end of the function, which returns undefined as well.',
  },
  {
    file: 'src/auth/base64url.ts',
    mutant: 'EqualityOperator: i < binary.length -> i <= binary.length',
    kind: 'equivalent',
    why: 'The extra round writes past the end of a Uint8Array of binary.length bytes, which typed arrays ignore.',
  },
  // The JWS pipeline
  {
    file: 'src/auth/has-valid-signature.ts',
    mutant: /ObjectLiteral: \{ nowMs: 0 \} -> \{\}|ObjectLiteral: \{ data: undefined \} -> \{\}/,
    kind: 'equivalent',
    why: 'A fixed key source ignores the key context, and verifyCompact only reads `.errors` of the claims step, which neither object has.',
  },
  {
    file: 'src/auth/verify-jwt.ts',
    mutant: 'ObjectLiteral: { nowMs } -> {}',
    kind: 'equivalent',
    why: 'verifyJwt uses a fixed key source, which ignores the key context; the claims step gets nowMs from its own closure.',
  },
  {
    file: 'src/auth/verify-compact.ts',
    mutant: /ConditionalExpression: (key === undefined|!key) -> true/,
    kind: 'equivalent',
    why: 'Skipping the synchronous peek: getKey resolves the same key (peek only returns an already loaded one), one microtask later.',
  },
];
