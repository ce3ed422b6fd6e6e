const suffixes = new Map<string, Promise<string | undefined>>();

/**
 * The suffix of Clerk's per-instance cookies (`__session_<suffix>`): the first 8 characters of the
 * base64url SHA-1 of the publishable key, as Clerk's `getCookieSuffix` computes it. Memoised per key.
 *
 * @example
 * const suffix = await cookieSuffix('pk_test_…'); // e.g. 'Dvw4Jd-k'
 */
export function cookieSuffix(publishableKey: string): Promise<string | undefined> {
  let suffix = suffixes.get(publishableKey);
  if (suffix === undefined) {
    suffix = computeSuffix(publishableKey);
    if (suffixes.size < 64) suffixes.set(publishableKey, suffix);
  }
  return suffix;
}

async function computeSuffix(publishableKey: string): Promise<string | undefined> {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(publishableKey)));
    const base64 = btoa(String.fromCharCode(...digest));
    return base64.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8);
  } catch {
    return undefined;
  }
}
