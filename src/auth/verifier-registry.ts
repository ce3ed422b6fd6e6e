import { isObject, isString } from '../kernel/guards.js';
import { BoundedMap } from '../kernel/bounded-map.js';
import type { Result } from '../kernel/result.js';
import type { VerifiedSession, VerifiedTemplateToken } from './claims.js';
import { buildVerifier, type SharedVerifier, type VerifyCall } from './create-token-verifier.js';
import { fail, type TokenError } from './errors.js';
import { sharedKeySource } from './key-set-registry.js';
import { CALLBACK_RULES, CLAIM_RULES, firstInvalidOption, unknownVerifierOption, VERIFIER_RULES } from './option-rules.js';
import {
  callbacksOf,
  resolveVerifierOptions,
  type AnyVerifierOptions,
  type TemplateVerifierOptions,
  type TokenVerifierOptions,
} from './options.js';

/** Every option a verifier reads, from the rule tables (whose types list every option); the snapshot copies exactly these. */
export const OPTION_NAMES = [...Object.keys(CLAIM_RULES), ...Object.keys(VERIFIER_RULES)] as Array<
  keyof typeof CLAIM_RULES | keyof typeof VERIFIER_RULES
>;

/** Options lent per call rather than baked into a verifier: they never pick the verifier or its key set. */
const CALL_OPTIONS: ReadonlySet<string> = new Set(Object.keys(CALLBACK_RULES));

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
  let call: VerifyCall;
  try {
    // One read of every option into plain data: the registry key and the verifier are both built from it,
    // so getters, inherited or non-enumerable options cannot make two different configurations share one.
    // Checked on every call, not only when a verifier is built: a misspelt option (`authorisedParties`) must
    // never be dropped in silence, and the snapshot below reads known names only.
    const unknown = unknownVerifierOption(options);
    if (unknown) return Promise.resolve(unknown);
    const { snapshot, id } = snapshotOptions(options);
    verifier = verifiers.get(id);
    if (verifier === undefined) {
      const resolved = resolveVerifierOptions(snapshot);
      if (resolved.errors) return Promise.resolve(resolved);
      verifier = buildVerifier(resolved.data, sharedKeySource(resolved.data));
      verifiers.set(id, verifier);
    }
    // A cached verifier was built for other callbacks: this call's own are checked as the verifier's were.
    const problem = firstInvalidOption(snapshot, CALLBACK_RULES);
    if (problem) return Promise.resolve(problem);
    call = callbacksOf(snapshot);
  } catch {
    // Hostile option objects (throwing getters, cycles) are still a result, not an exception.
    return Promise.resolve(fail('options_invalid', 'The options could not be read.'));
  }
  return verifier.verifyWith(token, call);
}

/**
 * Reads each known option once, by property access (as the verifier would), into a plain object, and builds
 * the registry key from the same reads: callbacks and the logger are kept by reference and left out of the
 * key (they are lent per call); strings are kept and length-prefixed in the key (unambiguous, and a PEM costs
 * no escaping); other values go into the key as JSON, and objects and arrays are copied from that JSON. The
 * key is rebuilt on every call, so a mutated options object never reuses a verifier built for its old values.
 */
function snapshotOptions(options: AnyVerifierOptions): { snapshot: AnyVerifierOptions; id: string } {
  if (!isObject(options)) throw new TypeError('options must be an object');
  const source = options as Record<string, unknown>;
  const snapshot: Record<string, unknown> = {};
  let id = '';
  for (const name of OPTION_NAMES) {
    const value = source[name];
    if (value === undefined) continue;
    if (CALL_OPTIONS.has(name)) {
      snapshot[name] = value;
      continue;
    }
    const text = isString(value) ? `s${value.length}:${value}` : JSON.stringify(value);
    snapshot[name] = isObject(value) ? (JSON.parse(text) as unknown) : value;
    id += `${name}=${text};`;
  }
  return { snapshot: snapshot as AnyVerifierOptions, id };
}
