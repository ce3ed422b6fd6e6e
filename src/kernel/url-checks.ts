/** Hosts where plain `http:` cannot leave the machine. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a URL that credentials are sent to (an API URL, a JWKS URL): absolute, `https:` (plain `http:`
 * only for a loopback host), no user info, no fragment, and no query unless `allowQuery`. An empty `?`
 * or `#` counts as one: `URL` reports both as `''`, yet `href` keeps them, and a path appended to such
 * an `href` would land in the query or fragment. Gives the normalised `href`, or `undefined`.
 *
 * @example
 * checkServiceUrl('https://api.clerk.com', { allowQuery: false }); // 'https://api.clerk.com/'
 * checkServiceUrl('https://api.clerk.com/?', { allowQuery: false }); // undefined
 */
export function checkServiceUrl(value: unknown, options: { allowQuery: boolean }): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username !== '' || url.password !== '' || url.href.includes('#')) return undefined;
  if (!options.allowQuery && url.href.includes('?')) return undefined;
  return url.href;
}
