// Differential test against jose (a devDependency, never a runtime one): every token of the corpus — valid, forged,
// malformed, mutated, random — goes through jose's jwtVerify and through our verifyJwt with the same key, clock,
// algorithms, audience and issuer. The decisions must be the same, except where SECURITY.md makes ours stricter:
// each such refusal names its rule, and every named rule must really be where the two differ.
import { createHmac, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../../src/kernel/base64url.js';
import { MAX_TOKEN_LENGTH } from '../../src/auth/decode-jwt.js';
import { verifyJwt, type VerifyJwtOptions } from '../../src/auth/index.js';
import { b64url, NOW_MS, NOW_S, sessionClaims, testKey, type TestKey } from './helpers/keys.js';

/** The SECURITY.md rules under which we refuse what jose accepts. */
const RULES = {
  canonical: 'A.2 canonical base64url only (non-zero padding bits refused)',
  size: 'A.2 size cap before parsing (8 KB)',
  cty: 'A.2 no nested tokens (cty)',
  b64: 'A.3 b64: false refused',
  kid: 'A.4 kid must be a short non-empty string',
  key: 'A.5 keys checked when loaded (e = 65537)',
  exp: 'A.7 exp must be finite (1e400 is Infinity)',
  iat: 'A.7 iat in the future refused',
  azp: 'A.8 azp must be an authorized party',
  typ: 'A.11 typ, when present, must be JWT',
} as const;
type Rule = keyof typeof RULES;

type Config = 'default' | 'parties' | 'allAlgorithms' | 'weakKey';
interface Case {
  name: string;
  token: string;
  config?: Config;
  /** Declared: ours refuses under this rule while jose accepts. */
  stricter?: Rule;
}

const key = testKey();
const other = testKey('ins_other');
const weak = testKey('ins_weak_e3', 2048, 3);
const AUDIENCE = 'https://api.example.com';
const ISSUER = 'https://clerk.example.com';
const PARTY = 'https://app.example.com';

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sessionClaims({ aud: AUDIENCE, ...overrides });
}

/** Signs a raw signing input (any text) with RS256/384/512. */
function signRaw(signer: TestKey, input: string, hash: 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return b64url(sign(hash, Buffer.from(input), signer.privateKey));
}

function token(header: object | string, payload: object | string, signer: TestKey = key, hash?: 'sha256' | 'sha384' | 'sha512'): string {
  return signer.sign(header, payload, hash);
}

const H = { alg: 'RS256', kid: key.kid, typ: 'JWT' };
const valid = token(H, claims());

function handBuilt(): Case[] {
  const [h, p, s] = valid.split('.') as [string, string, string];
  const lastFlip = (segment: string): string => {
    // The last character of a 256-byte signature carries 4 padding bits: flip one of them.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(segment.at(-1) as string);
    return segment.slice(0, -1) + (alphabet[index ^ 1] as string);
  };
  const padded = (text: string): string => text + '='.repeat((4 - (text.length % 4)) % 4 || 1);
  const signedOver = (header: string, payload: string): string => `${header}.${payload}.${signRaw(key, `${header}.${payload}`)}`;
  const hs256 = (secret: string): string => {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims()));
    return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
  };
  const jwkText = JSON.stringify(key.jwk);
  const der = createPublicKey(key.pem).export({ type: 'spki', format: 'der' }).toString('binary');
  return [
    // Accepted by both.
    { name: 'a valid session token', token: valid },
    { name: 'a token without typ or kid', token: token({ alg: 'RS256' }, claims()) },
    { name: 'an aud list holding the audience', token: token(H, claims({ aud: ['x', AUDIENCE] })) },
    { name: 'exp just inside the skew', token: token(H, claims({ exp: NOW_S - 4 })) },
    { name: 'nbf just inside the skew', token: token(H, claims({ nbf: NOW_S + 5 })) },
    {
      name: 'jku, x5u, x5c and jwk headers (ignored by both)',
      token: token({ ...H, jku: 'https://evil.example/jwks', x5u: 'https://evil.example/x5u', x5c: ['AAAA'], jwk: other.jwk }, claims()),
    },
    { name: 'a __proto__ claim', token: token(H, `{"__proto__":{"admin":true},${JSON.stringify(claims()).slice(1)}`) },
    { name: 'a duplicated exp claim (last wins in both)', token: token(H, `{"exp":1,${JSON.stringify(claims()).slice(1)}`) },
    {
      name: 'RS384 when every RSA algorithm is allowed',
      token: token({ ...H, alg: 'RS384' }, claims(), key, 'sha384'),
      config: 'allAlgorithms',
    },
    {
      name: 'RS512 when every RSA algorithm is allowed',
      token: token({ ...H, alg: 'RS512' }, claims(), key, 'sha512'),
      config: 'allAlgorithms',
    },
    { name: 'an authorized azp', token: token(H, claims({ azp: PARTY })), config: 'parties' },
    // Refused by both.
    { name: 'alg none', token: `${b64url('{"alg":"none","typ":"JWT"}')}.${p}.` },
    { name: 'alg NONE with a signature', token: `${b64url('{"alg":"NONE"}')}.${p}.${s}` },
    { name: 'HS256 signed with the PEM text', token: hs256(key.pem) },
    { name: 'HS256 signed with the JWK JSON', token: hs256(jwkText) },
    { name: 'HS256 signed with the DER bytes', token: hs256(der) },
    { name: 'RS384 against an RS256-only verifier', token: token({ ...H, alg: 'RS384' }, claims(), key, 'sha384') },
    { name: 'PS256 in the header', token: `${b64url('{"alg":"PS256"}')}.${p}.${s}` },
    { name: 'ES256 in the header', token: `${b64url('{"alg":"ES256"}')}.${p}.${s}` },
    { name: 'a token signed by another key', token: token(H, claims(), other) },
    { name: 'a payload swapped under a valid signature', token: `${h}.${b64url(JSON.stringify(claims({ sub: 'user_evil' })))}.${s}` },
    { name: 'an expired token', token: token(H, claims({ exp: NOW_S - 5 })) },
    { name: 'exp missing', token: token(H, claims({ exp: undefined })) },
    { name: 'exp as a string', token: token(H, claims({ exp: String(NOW_S + 60) })) },
    { name: 'nbf in the future', token: token(H, claims({ nbf: NOW_S + 60 })) },
    { name: 'nbf as a string', token: token(H, claims({ nbf: 'soon' })) },
    { name: 'iat as a string', token: token(H, claims({ iat: 'now' })) },
    { name: 'a foreign audience', token: token(H, claims({ aud: 'https://other.example' })) },
    { name: 'no audience', token: token(H, claims({ aud: undefined })) },
    { name: 'a foreign issuer', token: token(H, claims({ iss: 'https://evil.example' })) },
    { name: 'a trailing-slash issuer', token: token(H, claims({ iss: `${ISSUER}/` })) },
    { name: 'no issuer', token: token(H, claims({ iss: undefined })) },
    { name: 'a numeric issuer', token: token(H, claims({ iss: 42 })) },
    { name: 'an unknown crit extension', token: token({ ...H, crit: ['exp'], exp: 1 }, claims()) },
    { name: 'an empty crit list', token: token({ ...H, crit: [] }, claims()) },
    { name: 'a payload that is JSON but not an object', token: token(H, '[1,2,3]') },
    { name: 'a header that is not JSON', token: `${b64url('nope')}.${p}.${s}` },
    { name: 'two segments', token: `${h}.${p}` },
    { name: 'five segments (JWE)', token: `${h}.${p}.${s}.${s}.${s}` },
    { name: 'the JSON serialization', token: JSON.stringify({ protected: h, payload: p, signature: s }) },
    { name: 'an empty string', token: '' },
    { name: 'an empty signature', token: `${h}.${p}.` },
    { name: 'an "="-padded payload, signed as sent', token: signedOver(h, padded(p)) },
    { name: 'a payload in the standard base64 alphabet, signed as sent', token: standardAlphabet() },
    // Refused by ours only, each under its SECURITY.md rule.
    { name: 'a signature with non-zero padding bits', token: `${h}.${p}.${lastFlip(s)}`, stricter: 'canonical' },
    { name: 'a token over the size cap', token: token(H, claims({ pad: 'x'.repeat(MAX_TOKEN_LENGTH) })), stricter: 'size' },
    { name: 'a nested token (cty: JWT)', token: token({ ...H, cty: 'JWT' }, claims()), stricter: 'cty' },
    { name: 'b64: false without crit', token: token({ ...H, b64: false }, claims()), stricter: 'b64' },
    { name: 'a numeric kid', token: token({ ...H, kid: 42 }, claims()), stricter: 'kid' },
    { name: 'an empty kid', token: token({ ...H, kid: '' }, claims()), stricter: 'kid' },
    { name: 'a 300-character kid', token: token({ ...H, kid: 'k'.repeat(300) }, claims()), stricter: 'kid' },
    { name: 'exp 1e400 (Infinity)', token: token(H, JSON.stringify(claims()).replace(/"exp":\d+/, '"exp":1e400')), stricter: 'exp' },
    { name: 'iat in the future', token: token(H, claims({ iat: NOW_S + 600 })), stricter: 'iat' },
    { name: 'typ at+jwt (an OAuth access token)', token: token({ ...H, typ: 'at+jwt' }, claims()), stricter: 'typ' },
    { name: 'a foreign azp', token: token(H, claims({ azp: 'https://app.example.com.evil.com' })), config: 'parties', stricter: 'azp' },
    { name: 'no azp where parties are required', token: token(H, claims({ azp: undefined })), config: 'parties', stricter: 'azp' },
    { name: 'a token of a key with e = 3', token: token(H, claims(), weak), config: 'weakKey', stricter: 'key' },
  ];
}

function standardAlphabet(): string {
  // Claims whose base64 needs '+' or '/', signed as sent in the standard alphabet.
  const payload = Buffer.from(JSON.stringify(claims({ note: '>>>???>>>' })))
    .toString('base64')
    .replace(/=+$/, '');
  const header = b64url(JSON.stringify(H));
  return `${header}.${payload}.${signRaw(key, `${header}.${payload}`)}`;
}

/** mulberry32: deterministic, so a disagreement reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(): Case[] {
  const random = rng(0x70_5e);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
  const cases: Case[] = [];
  for (let i = 0; i < 400; i++) {
    const chars = [...valid];
    const at = Math.floor(random() * chars.length);
    const op = random();
    const char = alphabet[Math.floor(random() * alphabet.length)] as string;
    if (op < 0.6) chars[at] = char;
    else if (op < 0.8) chars.splice(at, 1);
    else chars.splice(at, 0, char);
    cases.push({ name: `mutation ${i}`, token: chars.join('') });
  }
  for (let i = 0; i < 150; i++) {
    const bytes = new Uint8Array(Math.floor(random() * 400)).map(() => Math.floor(random() * 256));
    const text =
      i % 2 ? Buffer.from(bytes).toString('latin1') : `${b64url(bytes.subarray(0, 30))}.${b64url(bytes.subarray(30))}.${b64url(bytes)}`;
    cases.push({ name: `random ${i}`, token: text });
  }
  return cases;
}

/** Rules recognised from the token itself, for generated cases. */
function recognisedRule(text: string): Rule | undefined {
  if (text.length > MAX_TOKEN_LENGTH) return 'size';
  const segments = text.split('.');
  if (segments.length === 3 && segments.some((segment) => decodeBase64Url(segment) === undefined)) return 'canonical';
  return undefined;
}

const keys: Record<Config, { pem: string; object: KeyObject }> = {
  default: { pem: key.pem, object: createPublicKey(key.pem) },
  parties: { pem: key.pem, object: createPublicKey(key.pem) },
  allAlgorithms: { pem: key.pem, object: createPublicKey(key.pem) },
  weakKey: { pem: weak.pem, object: createPublicKey(weak.pem) },
};

async function ours(text: string, config: Config): Promise<boolean> {
  const options: VerifyJwtOptions = {
    key: keys[config].pem,
    now: () => NOW_MS,
    clockSkewInMs: 5000,
    audience: AUDIENCE,
    issuer: ISSUER,
    algorithms: config === 'allAlgorithms' ? ['RS256', 'RS384', 'RS512'] : ['RS256'],
    ...(config === 'parties' ? { authorizedParties: [PARTY] } : {}),
  };
  const result = await verifyJwt(text, options);
  return result.errors === undefined;
}

async function jose(text: string, config: Config): Promise<boolean> {
  try {
    await jwtVerify(text, keys[config].object, {
      algorithms: config === 'allAlgorithms' ? ['RS256', 'RS384', 'RS512'] : ['RS256'],
      currentDate: new Date(NOW_MS),
      clockTolerance: 5,
      audience: AUDIENCE,
      issuer: ISSUER,
      requiredClaims: ['exp'],
    });
    return true;
  } catch {
    return false;
  }
}

describe('verifyJwt against jose.jwtVerify (issue #22)', () => {
  it('makes the same decision on every token, except refusals SECURITY.md makes stricter, each under its rule', async () => {
    const corpus = [...handBuilt(), ...generated()];
    const tally = { total: 0, bothAccept: 0, bothRefuse: 0, stricter: {} as Record<string, number> };
    const problems: string[] = [];
    for (const entry of corpus) {
      const config = entry.config ?? 'default';
      const [mine, theirs] = [await ours(entry.token, config), await jose(entry.token, config)];
      tally.total++;
      if (mine && theirs) tally.bothAccept++;
      else if (!mine && !theirs) tally.bothRefuse++;
      else if (mine && !theirs) problems.push(`${entry.name}: accepted by ours, refused by jose`);
      else {
        const rule = entry.stricter ?? recognisedRule(entry.token);
        if (rule === undefined) problems.push(`${entry.name}: refused by ours, accepted by jose, under no listed rule`);
        else tally.stricter[RULES[rule]] = (tally.stricter[RULES[rule]] ?? 0) + 1;
      }
      // A declared rule must be a real difference, or the list would excuse nothing.
      if (entry.stricter !== undefined && !(theirs && !mine)) problems.push(`${entry.name}: declared stricter (${entry.stricter}) but not`);
    }
    if (process.env['JOSE_DIFF_REPORT']) console.info(JSON.stringify(tally, null, 2));
    expect(problems).toEqual([]);
    expect(tally.total).toBeGreaterThanOrEqual(600);
    expect(tally.bothAccept).toBeGreaterThanOrEqual(11);
    // Every listed rule is exercised by at least one token.
    expect(Object.keys(tally.stricter).sort()).toEqual(Object.values(RULES).sort());
  });
});
