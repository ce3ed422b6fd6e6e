/**
 * Derives the Frontend API issuer (`https://<frontend-api-host>`) from a publishable key
 * (`pk_test_` / `pk_live_` + base64 of `<host>$`); `undefined` when the key is malformed.
 *
 * @example
 * issuerFromPublishableKey('pk_test_' + btoa('clerk.example.com$')); // 'https://clerk.example.com'
 */
export function issuerFromPublishableKey(publishableKey: string): string | undefined {
  const match = /^pk_(?:test|live)_([A-Za-z0-9+/]+={0,2})$/.exec(publishableKey);
  if (match === null) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1] ?? '');
  } catch {
    return undefined;
  }
  if (!decoded.endsWith('$')) return undefined;
  const host = decoded.slice(0, -1);
  // A hostname (with an optional port) only: anything else could smuggle a path or userinfo into the issuer.
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$/i.test(host) || host.startsWith('.') || host.includes('..')) return undefined;
  return `https://${host.toLowerCase()}`;
}
