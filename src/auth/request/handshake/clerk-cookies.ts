import { decodeJwt } from '../../decode-jwt.js';
import type { InstanceConfig } from './instance.js';
import { COOKIE } from './names.js';

/**
 * The Clerk cookies of one request, after choosing between the instance's suffixed cookies
 * (`__session_<suffix>`) and the un-suffixed ones with Clerk's precedence.
 *
 * @example
 * const jar = readClerkCookies(cookies, suffix, instance, Date.now());
 * if (jar.clientUat > 0 && jar.sessionToken === undefined) console.log('handshake');
 */
export interface ClerkCookies {
  /** Whether the suffixed cookies were chosen. */
  readonly suffixed: boolean;
  readonly sessionToken: string | undefined;
  /** `__client_uat` in seconds; 0 when absent or not a number (signed out). */
  readonly clientUat: number;
  /** `__refresh_<suffix>`: only ever the suffixed cookie, as in Clerk. */
  readonly refreshToken: string | undefined;
  readonly devBrowser: string | undefined;
  readonly handshakeToken: string | undefined;
  readonly handshakeNonce: string | undefined;
  readonly redirectCount: number;
}

/**
 * Reads the Clerk cookies of a request. Never throws; a malformed value reads as absent.
 *
 * @example
 * const jar = readClerkCookies(parseCookies(header), 'Dvw4Jd-k', instance, Date.now());
 */
export function readClerkCookies(
  cookies: ReadonlyMap<string, string>,
  suffix: string | undefined,
  instance: Pick<InstanceConfig, 'instanceType' | 'issuerHost'>,
  nowMs: number,
): ClerkCookies {
  const get = (name: string): string | undefined => {
    const value = cookies.get(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const suffixedName = (name: string): string | undefined => (suffix === undefined ? undefined : get(`${name}_${suffix}`));
  const suffixed = suffix !== undefined && usesSuffixedCookies(get, suffixedName, instance, nowMs);
  const pick = (name: string): string | undefined => (suffixed ? suffixedName(name) : get(name));
  const uat = Number.parseInt(pick(COOKIE.clientUat) ?? '', 10);
  const count = Number(get(COOKIE.redirectCount));
  return {
    suffixed,
    sessionToken: pick(COOKIE.session),
    clientUat: Number.isFinite(uat) && uat > 0 ? uat : 0,
    refreshToken: suffixedName(COOKIE.refresh),
    devBrowser: pick(COOKIE.devBrowser),
    handshakeToken: get(COOKIE.handshake),
    handshakeNonce: get(COOKIE.handshakeNonce),
    redirectCount: Number.isInteger(count) && count > 0 ? count : 0,
  };
}

/**
 * Clerk's `usesSuffixedCookies`: the suffixed cookies win unless the un-suffixed ones are clearly newer
 * or the suffixed ones are clearly unusable. A stale un-suffixed cookie never wins over a suffixed
 * `__client_uat` that says signed out, unless the un-suffixed one says signed in (it is set by every
 * clerk.js version, so it is the newer).
 */
function usesSuffixedCookies(
  get: (name: string) => string | undefined,
  suffixedName: (name: string) => string | undefined,
  instance: Pick<InstanceConfig, 'instanceType' | 'issuerHost'>,
  nowMs: number,
): boolean {
  const suffixedUat = suffixedName(COOKIE.clientUat);
  const uat = get(COOKIE.clientUat);
  const suffixedSession = suffixedName(COOKIE.session);
  const session = get(COOKIE.session);
  const plain = session === undefined ? undefined : payloadOf(session);
  // A malformed un-suffixed session (no issuer) is read, to give a plain signed-out answer rather than a handshake.
  if (session !== undefined && !plain?.['iss']) return false;
  // An un-suffixed token of another instance (an app on a sibling subdomain): trust the suffixed cookies.
  if (session !== undefined && !belongsToInstance(plain, instance.issuerHost)) return true;
  if (suffixedUat === undefined && suffixedSession === undefined) return false;
  const suffixedPayload = suffixedSession === undefined ? undefined : payloadOf(suffixedSession);
  const plainIat = numberOr0(plain?.['iat']);
  const suffixedIat = numberOr0(suffixedPayload?.['iat']);
  if (suffixedUat !== '0' && uat !== '0' && plainIat > suffixedIat) return false;
  if (suffixedUat === '0' && uat !== '0') return false;
  if (instance.instanceType !== 'production') {
    const exp = suffixedPayload?.['exp'];
    const suffixedExpired = suffixedPayload !== undefined && typeof exp === 'number' && exp <= Math.floor(nowMs / 1000);
    if (suffixedUat !== '0' && uat === '0' && suffixedExpired) return false;
  }
  if (suffixedUat === undefined && suffixedSession !== undefined) return false;
  return true;
}

function payloadOf(token: string): Readonly<Record<string, unknown>> | undefined {
  const decoded = decodeJwt(token);
  return decoded.errors ? undefined : decoded.data.payload;
}

function belongsToInstance(payload: Readonly<Record<string, unknown>> | undefined, issuerHost: string | undefined): boolean {
  const iss = payload?.['iss'];
  if (typeof iss !== 'string' || issuerHost === undefined) return false;
  return iss.replace(/https?:\/\//gi, '') === issuerHost;
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
