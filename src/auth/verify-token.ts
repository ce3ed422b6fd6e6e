import type { Result } from '../core/result.js';
import type { VerifiedSession } from './claims.js';
import { buildVerifier, type TokenVerifier } from './create-token-verifier.js';
import { fail, type TokenError } from './errors.js';
import { resolveVerifierOptions, type TokenVerifierOptions } from './options.js';

/** Every option a verifier reads; the snapshot copies exactly these (a type test keeps the list complete). */
export const OPTION_NAMES = [
  'authorizedParties',
  'audience',
  'issuer',
  'clockSkewInMs',
  'algorithms',
  'headerType',
  'now',
  'jwtKey',
  'secretKey',
  'apiUrl',
  'jwksUrl',
  'publishableKey',
  'jwksCacheTtlInMs',
  'jwksCooldownInMs',
  'jwksStaleIfErrorInMs',
  'jwksTimeoutInMs',
  'jwksMaxBytes',
  'jwksMaxKeys',
  'tokenCache',
  'fetch',
] as const satisfies ReadonlyArray<keyof TokenVerifierOptions>;

/** Verifiers kept by the convenience form, so repeated calls share keys and caches. */
const MAX_VERIFIERS = 32;
const verifiers = new Map<string, TokenVerifier>();
const functionIds = new WeakMap<object, number>();
let nextFunctionId = 0;

/**
 * Verifies a Clerk session token in one call; the convenience form of {@link createTokenVerifier}.
 *
 * Unlike the constructor, bad options never throw here: they give `options_invalid` or
 * `secret_key_invalid`. Calls with the same options reuse one verifier (at most 32 are kept), so the
 * JWKS is not fetched per call; its caches are scoped by the options, secret key included.
 *
 * @example
 * const { data, errors } = await verifyToken(token, { secretKey: 'sk_live_…', authorizedParties: ['https://app.example.com'] });
 * if (errors) return new Response(errors[0].code, { status: 401 });
 */
export function verifyToken(token: string, options: TokenVerifierOptions): Promise<Result<VerifiedSession, TokenError>> {
  // Not `async`: the verifier's own promise is returned as is, one microtask hop fewer per call.
  let verifier: TokenVerifier | undefined;
  try {
    // One read of every option into plain data: the registry key and the verifier are both built from it,
    // so getters, inherited or non-enumerable options cannot make two different configurations share one.
    const snapshot = snapshotOptions(options);
    const id = registryKey(snapshot);
    verifier = verifiers.get(id);
    if (verifier === undefined) {
      const resolved = resolveVerifierOptions(snapshot);
      if (resolved.errors) return Promise.resolve(resolved);
      verifier = buildVerifier(resolved.data);
      verifiers.set(id, verifier);
      if (verifiers.size > MAX_VERIFIERS) {
        const oldest = verifiers.keys().next();
        if (oldest.done !== true) verifiers.delete(oldest.value);
      }
    }
  } catch {
    // Hostile option objects (throwing getters, cycles) are still a result, not an exception.
    return Promise.resolve(fail('options_invalid', 'The options could not be read.'));
  }
  return verifier.verify(token);
}

/**
 * A stable identity for the options, rebuilt on every call so that a mutated options object never reuses a
 * verifier built for its old values: strings length-prefixed, other values by JSON, functions by identity.
 * Built per top-level option, since a replacer walking every value costs more than the lookup saves.
 */
function registryKey(options: TokenVerifierOptions): string {
  let id = '';
  const record = options as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const value = record[name];
    // Strings (keys, URLs) are length-prefixed rather than JSON-escaped: unambiguous, and a PEM costs no escaping.
    if (typeof value === 'string') id += `${name}=s${value.length}:${value};`;
    else id += `${name}=${typeof value === 'function' ? `fn:${functionId(value)}` : JSON.stringify(value)};`;
  }
  return id;
}

function functionId(value: object): number {
  let id = functionIds.get(value);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(value, id);
  }
  return id;
}

/**
 * Reads each known option once, by property access (as the verifier would), into a plain object:
 * functions by reference, primitives as they are, objects and arrays as a JSON copy.
 */
function snapshotOptions(options: TokenVerifierOptions): TokenVerifierOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const source = options as Record<string, unknown>;
  const snapshot: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    const value = source[name];
    if (value === undefined) continue;
    snapshot[name] = typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
  }
  return snapshot as TokenVerifierOptions;
}

