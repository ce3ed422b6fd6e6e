import { isString, isStringArray } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import { decodePayload, type CompactJwt } from './decode-jwt.js';
import { claimError, tokenRefusal, type TokenError, type TokenErrorCode } from './errors.js';
import { describeUntrusted } from './safe-detail.js';

/**
 * The claim rules of one verifier, resolved from its options.
 *
 * @example
 * const rules: ClaimRules = { clockSkewInMs: 5000, headerTypes: ['JWT'], authorizedParties: undefined, audience: undefined, issuer: undefined };
 */
export interface ClaimRules {
  clockSkewInMs: number;
  headerTypes: readonly string[];
  authorizedParties: readonly string[] | undefined;
  audience: readonly string[] | undefined;
  issuer: readonly string[] | undefined;
}

/**
 * Checks the `typ` header: it must be exactly one of the allowed types. An absent `typ` means a plain JWT
 * (RFC 7519 §5.1), so it passes only when `JWT` is allowed: a verifier that asks for an explicit type
 * (`at+jwt`, RFC 9068 §2.1; explicit typing, RFC 8725 §3.11) refuses a token without one.
 *
 * @example
 * checkHeaderType({ typ: 'at+jwt' }, rules); // { code: 'token_type_mismatch', … }
 */
export function checkHeaderType(header: Readonly<Record<string, unknown>>, rules: ClaimRules): TokenError | undefined {
  const typ = header['typ'];
  if (typ === undefined ? rules.headerTypes.includes('JWT') : isString(typ) && rules.headerTypes.includes(typ)) return undefined;
  return tokenRefusal('token_type_mismatch', `type (typ) must be one of: ${rules.headerTypes.join(', ')}`);
}

/** The optional time claims that must not lie in the future (beyond the skew), in the order they are checked. */
const NOT_IN_THE_FUTURE: ReadonlyArray<readonly ['nbf' | 'iat', TokenErrorCode, string]> = [
  ['nbf', 'token_not_active_yet', 'is not active yet'],
  ['iat', 'token_iat_in_the_future', 'was issued in the future'],
];

/**
 * Checks `exp`, `nbf`, `iat`, `azp`, `aud` and `iss` against the rules at time `nowMs`; cheap enough
 * to run again on every verified-token cache hit.
 *
 * @example
 * checkRegisteredClaims({ exp: 1 }, rules, Date.now()); // { code: 'token_expired', … }
 */
export function checkRegisteredClaims(
  payload: Readonly<Record<string, unknown>>,
  rules: ClaimRules,
  nowMs: number,
): TokenError | undefined {
  const { exp } = payload;
  // `exp: 1e400` parses to Infinity, so "finite" matters as much as "number".
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return claimError('exp', 'is missing or not a finite number');
  }
  if (exp * 1000 <= nowMs - rules.clockSkewInMs) {
    return tokenRefusal('token_expired', 'has expired', timeDetail('exp', exp, nowMs, rules));
  }
  for (const [claim, code, problem] of NOT_IN_THE_FUTURE) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return claimError(claim, 'is not a finite number');
    }
    if (value * 1000 > nowMs + rules.clockSkewInMs) return tokenRefusal(code, problem, timeDetail(claim, value, nowMs, rules));
  }
  return checkParties(payload, rules);
}

/** Safe context for a time-claim failure: the claim's value and the verifier's clock, both in seconds. */
function timeDetail(claim: 'exp' | 'nbf' | 'iat', value: number, nowMs: number, rules: ClaimRules): Record<string, unknown> {
  return { [claim]: value, now: Math.floor(nowMs / 1000), clockSkewInMs: rules.clockSkewInMs };
}

function checkParties(payload: Readonly<Record<string, unknown>>, rules: ClaimRules): TokenError | undefined {
  const { azp, aud, iss } = payload;
  if (azp !== undefined && !isString(azp)) {
    return claimError('azp', 'is not a string');
  }
  // Exact string equality only: no prefix, case or trailing-slash leniency (subdomain cookie leaks).
  if (rules.authorizedParties !== undefined && (azp === undefined || !rules.authorizedParties.includes(azp))) {
    return tokenRefusal('token_invalid_authorized_party', 'authorized party (azp) is not allowed', {
      ...(azp === undefined ? {} : { azp: describeUntrusted(azp) }),
      authorizedParties: [...rules.authorizedParties],
    });
  }
  if (aud !== undefined && !isString(aud) && !isStringArray(aud)) {
    return claimError('aud', 'is not a string or an array of strings');
  }
  if (rules.audience !== undefined) {
    const audiences = aud === undefined ? [] : isString(aud) ? [aud] : aud;
    if (!audiences.some((value) => rules.audience?.includes(value))) {
      return tokenRefusal('token_invalid_audience', 'audience (aud) is not allowed');
    }
  }
  if (iss !== undefined && !isString(iss)) {
    return claimError('iss', 'is not a string', 'token_invalid_issuer');
  }
  if (rules.issuer !== undefined && (iss === undefined || !rules.issuer.includes(iss))) {
    return tokenRefusal('token_invalid_issuer', 'issuer (iss) is not the expected one');
  }
  return undefined;
}

/**
 * The claims step shared by every verifier: decodes the payload of a split token and checks `typ` and the
 * registered claims at `nowMs`. Runs while the signature is checked (see `verifyCompact`).
 *
 * @example
 * const { data: payload, errors } = readCheckedClaims(compact, rules, Date.now());
 */
export function readCheckedClaims(
  compact: CompactJwt,
  rules: ClaimRules,
  nowMs: number,
): Result<Readonly<Record<string, unknown>>, TokenError> {
  const payload = decodePayload(compact);
  if (payload.errors) return payload;
  const problem = checkHeaderType(compact.header, rules) ?? checkRegisteredClaims(payload.data, rules, nowMs);
  return problem === undefined ? payload : { errors: [problem] };
}
