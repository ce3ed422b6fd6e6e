import { isObject, isString } from '../core/guards.js';
import { BoundedMap } from '../core/bounded-map.js';
import type { Result } from '../core/result.js';
import type { VerifiedSession, VerifiedTemplateToken } from './claims.js';
import { buildVerifier, type SharedVerifier, type VerifyCall } from './create-token-verifier.js';
import { fail, type TokenError } from './errors.js';
import { sharedKeySource } from './key-set-registry.js';
import {
  checkedClock,
  isOptionalFunction,
  isOptionalLogger,
  resolveVerifierOptions,
  type AnyVerifierOptions,
  type TemplateVerifierOptions,
  type TokenVerifierOptions,
} from './options.js';

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
  'tokenType',
  'logger',
] as const satisfies ReadonlyArray<keyof TokenVerifierOptions>;

/** Options lent per call rather than baked into a verifier: they never pick the verifier or its key set. */
const CALL_OPTIONS: ReadonlySet<string> = new Set(['now', 'fetch', 'logger']);

/**
 * Verifiers kept by the convenience form, one per set of claim options. Their key sets live in the
 * key-set registry (`MAX_KEY_SETS`), so a verifier dropped from here costs no JWKS fetch.
 */
const MAX_VERIFIERS = 256;
const verifiers = new BoundedMap<string, SharedVerifier>(MAX_VERIFIERS);

/**
 * Verifies a Clerk token in one call; the convenience form of {@link createTokenVerifier}.
 *
 * Unlike the constructor, bad options never throw here: they give `options_invalid` or
 * `secret_key_invalid`. The key set (and so the JWKS fetch and its cooldown) is shared by every call
 * for the same API URL and secret key, or JWKS URL, whatever the claim options or callbacks: an
 * inline `now` or `fetch`, or `authorizedParties` built per request, cost no extra fetch. Up to
 * 10,000 key sets are kept, least recently used dropped first.
 *
 * @example
 * const { data, errors } = await verifyToken(token, { secretKey: 'sk_live_…', authorizedParties: ['https://app.example.com'] });
 * if (errors) return new Response(errors[0].code, { status: 401 });
 */
export function verifyToken(token: string, options: TemplateVerifierOptions): Promise<Result<VerifiedTemplateToken, TokenError>>;
export function verifyToken(token: string, options: TokenVerifierOptions): Promise<Result<VerifiedSession, TokenError>>;
export function verifyToken(
  token: string,
  options: AnyVerifierOptions,
): Promise<Result<VerifiedSession | VerifiedTemplateToken, TokenError>>;
export function verifyToken(
  token: string,
  options: AnyVerifierOptions,
): Promise<Result<VerifiedSession | VerifiedTemplateToken, TokenError>> {
  // Not `async`: the verifier's own promise is returned as is, one microtask hop fewer per call.
  let verifier: SharedVerifier | undefined;
  let call: VerifyCall | undefined;
  try {
    // One read of every option into plain data: the registry key and the verifier are both built from it,
    // so getters, inherited or non-enumerable options cannot make two different configurations share one.
    const snapshot = snapshotOptions(options);
    const id = registryKey(snapshot);
    verifier = verifiers.get(id);
    if (verifier === undefined) {
      const resolved = resolveVerifierOptions(snapshot);
      if (resolved.errors) return Promise.resolve(resolved);
      verifier = buildVerifier(resolved.data, sharedKeySource(resolved.data));
      verifiers.set(id, verifier);
    }
    call = callOf(snapshot);
  } catch {
    // Hostile option objects (throwing getters, cycles) are still a result, not an exception.
    return Promise.resolve(fail('options_invalid', 'The options could not be read.'));
  }
  if (call === undefined)
    return Promise.resolve(
      fail('options_invalid', 'The now, fetch and logger options must be functions and an object with warn.', {
        option: 'now, fetch, logger',
      }),
    );
  return verifier.verifyWith(token, call);
}

/** The callbacks of a call that injects none; one object, so the common case allocates nothing. */
const DEFAULT_CALL: VerifyCall = { now: Date.now, fetch: () => globalThis.fetch, logger: undefined };

/** This call's callbacks, checked as `resolveVerifierOptions` checks them; `undefined` when one is unusable. */
function callOf(snapshot: AnyVerifierOptions): VerifyCall | undefined {
  const { now, fetch: injected, logger } = snapshot;
  if (now === undefined && injected === undefined && logger === undefined) return DEFAULT_CALL;
  if (!isOptionalFunction(now) || !isOptionalFunction(injected) || !isOptionalLogger(logger)) return undefined;
  return { now: now === undefined ? Date.now : checkedClock(now), fetch: () => injected ?? globalThis.fetch, logger };
}

/**
 * A stable identity for the claim and key-set options, rebuilt on every call so that a mutated options
 * object never reuses a verifier built for its old values: strings length-prefixed, other values by JSON.
 * Callbacks are left out: they are lent per call.
 */
function registryKey(options: AnyVerifierOptions): string {
  let id = '';
  const record = options as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (CALL_OPTIONS.has(name)) continue;
    const value = record[name];
    // Strings (keys, URLs) are length-prefixed rather than JSON-escaped: unambiguous, and a PEM costs no escaping.
    if (isString(value)) id += `${name}=s${value.length}:${value};`;
    else id += `${name}=${JSON.stringify(value)};`;
  }
  return id;
}

/**
 * Reads each known option once, by property access (as the verifier would), into a plain object:
 * callbacks and the logger by reference, primitives as they are, other objects and arrays as a JSON copy.
 */
function snapshotOptions(options: AnyVerifierOptions): AnyVerifierOptions {
  if (!isObject(options)) throw new TypeError('options must be an object');
  const source = options as Record<string, unknown>;
  const snapshot: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    const value = source[name];
    if (value === undefined) continue;
    const copy = isObject(value) && !CALL_OPTIONS.has(name);
    snapshot[name] = copy ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
  }
  return snapshot as AnyVerifierOptions;
}
