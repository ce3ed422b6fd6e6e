import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestAuthenticator, createTokenVerifier } from '../../src/auth/index.js';
import { describeJwtKeyProblem } from '../../src/kernel/key-shape.js';
import { clerkMiddleware, requireAuth } from '../../src/express/index.js';
import { clerkPlugin } from '../../src/fastify/index.js';
import { createWebAuth } from '../../src/web/index.js';
import Fastify from 'fastify';
import { testKey } from '../auth/helpers/keys.js';

// A jwtKey (or CLERK_JWT_KEY) that cannot verify Clerk's tokens is refused when the verifier, authenticator,
// middleware or plugin is created, naming the option or variable and what is wrong: never a 401 for everyone.

const rsa = testKey('ins_shape');
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecJwk = ec.publicKey.export({ format: 'jwk' });
const small = testKey('ins_shape_small', 1024);
const exponent3 = testKey('ins_shape_e3', 2048, 3);
const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('describeJwtKeyProblem', () => {
  it('accepts RSA public keys as PEM (with literal \\n from an environment variable), JWK and JWK JSON', () => {
    expect(describeJwtKeyProblem(rsa.pem)).toBeUndefined();
    expect(describeJwtKeyProblem(rsa.pem.replace(/\n/g, '\\n'))).toBeUndefined();
    expect(describeJwtKeyProblem(rsa.jwk)).toBeUndefined();
    expect(describeJwtKeyProblem(JSON.stringify(rsa.jwk))).toBeUndefined();
    expect(describeJwtKeyProblem(testKey('ins_shape_4096', 4096).pem)).toBeUndefined();
  });

  it.each([
    ['a secret key pasted by mistake', 'sk_test_abcdefghijklmnop', 'is a secret key (sk_…), not a public key: pass it as secretKey'],
    ['a publishable key', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', 'is a publishable key (pk_…), not a public key: pass it as publishableKey'],
    ['text that is not PEM', 'my-jwt-key', 'is not PEM'],
    ['an EC key', ecPem, 'is an EC key; Clerk signs session tokens with RSA (RS256)'],
    ['an EC JWK', ecJwk, 'is an EC key'],
    ['a 1024-bit RSA key', small.pem, 'is a 1024-bit RSA key; 2048–8192 bits are required'],
    ['a 1024-bit RSA JWK', small.jwk, 'is a 1024-bit RSA key'],
    ['an RSA key with e = 3', exponent3.pem, 'has an RSA public exponent other than 65537'],
    ['a PKCS#1 RSA key', pkcs1, 'is a PKCS#1 RSA key'],
    ['a private key', privatePem, 'is a private key, not a public key'],
    ['a PEM body that is not base64', '-----BEGIN PUBLIC KEY-----\nAAA=A\n-----END PUBLIC KEY-----', 'not valid base64'],
    ['a truncated PEM body', rsa.pem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n'), 'is not a DER SubjectPublicKeyInfo'],
    ['a number', 42, 'must be a PEM public key string or an RSA JWK'],
  ])('refuses %s, saying why without quoting it', (_label, key, why) => {
    const problem = describeJwtKeyProblem(key);
    expect(problem).toContain(why);
    if (typeof key === 'string' && key.length > 20) expect(problem).not.toContain(key.slice(10, 30));
  });
});

describe('an unusable jwtKey fails at construction', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('in createTokenVerifier, createRequestAuthenticator and createWebAuth, naming jwtKey', () => {
    expect(() => createTokenVerifier({ jwtKey: ecPem })).toThrow(
      new TypeError('createTokenVerifier: The jwtKey option is an EC key; Clerk signs session tokens with RSA (RS256).'),
    );
    expect(() => createRequestAuthenticator({ jwtKey: 'sk_test_abc' })).toThrow(
      'createRequestAuthenticator: The jwtKey option is a secret key (sk_…)',
    );
    expect(() => createWebAuth({ jwtKey: small.pem })).toThrow('createWebAuth: The jwtKey option is a 1024-bit RSA key');
  });

  it('in clerkMiddleware and requireAuth, naming CLERK_JWT_KEY when the key came from the environment', () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    vi.stubEnv('CLERK_JWT_KEY', ecPem);
    expect(() => clerkMiddleware()).toThrow(
      new TypeError('clerkMiddleware: The CLERK_JWT_KEY environment variable is an EC key; Clerk signs session tokens with RSA (RS256).'),
    );
    expect(() => requireAuth({ acceptsToken: 'session_token' })).toThrow('requireAuth: The CLERK_JWT_KEY environment variable');
    expect(() => clerkMiddleware({ jwtKey: 'not a key' })).toThrow('clerkMiddleware: The jwtKey option is not PEM');
    // An option given in code wins over the environment, and a usable one is accepted.
    expect(() => clerkMiddleware({ jwtKey: rsa.pem })).not.toThrow();
  });

  it('names CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY of the wrong shape', () => {
    vi.stubEnv('CLERK_JWT_KEY', '');
    vi.stubEnv('CLERK_SECRET_KEY', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
    expect(() => clerkMiddleware()).toThrow('clerkMiddleware: The CLERK_SECRET_KEY environment variable is a publishable key (pk_…)');
    vi.stubEnv('CLERK_SECRET_KEY', 'sk_test_abc');
    vi.stubEnv('CLERK_PUBLISHABLE_KEY', 'pk_test_notbase64!');
    expect(() => clerkMiddleware()).toThrow('clerkMiddleware: The CLERK_PUBLISHABLE_KEY environment variable must be pk_test_ or pk_live_');
  });

  it('in the Fastify plugin, at registration', async () => {
    vi.stubEnv('CLERK_SECRET_KEY', '');
    vi.stubEnv('CLERK_JWT_KEY', 'sk_live_pasted_in_the_wrong_place');
    const app = Fastify();
    await expect(app.register(clerkPlugin).ready()).rejects.toThrow('clerkPlugin: The CLERK_JWT_KEY environment variable is a secret key');
    await app.close();
  });
});
