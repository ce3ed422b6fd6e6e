import type { RequestParts } from '../read-token.js';

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * What the cookie session flow reads of a request besides its cookies: method, headers, and the public
 * URL (rebuilt from `X-Forwarded-Host` / `X-Forwarded-Proto` the way Clerk's `ClerkRequest` does).
 *
 * @example
 * const view = createRequestView(parts);
 * view.header('sec-fetch-dest'); // 'document'
 */
export interface RequestView {
  readonly method: string;
  header(name: string): string | undefined;
  /** The request's public URL; `undefined` when the request gave none that parses. Computed once, on first use. */
  url(): URL | undefined;
}

/**
 * Builds the view of a request's parts; nothing is parsed until asked for.
 *
 * @example
 * const view = createRequestView({ authorization: undefined, cookie, sessionIdParam: undefined, method: 'GET', url: '/', header });
 */
export function createRequestView(parts: RequestParts): RequestView {
  const read = parts.header;
  const header = (name: string): string | undefined => {
    if (typeof read !== 'function') return undefined;
    try {
      const value = read(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  let url: URL | undefined | null = null;
  return {
    method: typeof parts.method === 'string' ? parts.method.toUpperCase() : 'GET',
    header,
    url() {
      if (url === null) url = publicUrl(parts, header);
      return url;
    },
  };
}

function publicUrl(parts: RequestParts, header: (name: string) => string | undefined): URL | undefined {
  const raw = parts.url;
  if (typeof raw !== 'string' || raw === '') return undefined;
  const host = validHost(header('host'));
  let initial: URL;
  try {
    if (/^https?:\/\//i.test(raw)) initial = new URL(raw);
    // A path is appended to an origin as text: `//evil.example/x` must stay a path, never become a host.
    else if (raw.startsWith('/')) initial = new URL(`${parts.protocol === 'https' ? 'https' : 'http'}://${host ?? 'localhost'}${raw}`);
    else return undefined;
  } catch {
    return undefined;
  }
  const forwardedHost = validHost(first(header('x-forwarded-host')));
  const forwardedProto = first(header('x-forwarded-proto'))?.toLowerCase();
  const resolvedHost = forwardedHost ?? host;
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : initial.protocol.slice(0, -1);
  if (resolvedHost === undefined) return initial;
  try {
    return new URL(`${protocol}://${resolvedHost}${initial.pathname}${initial.search}`);
  } catch {
    return initial;
  }
}

function first(value: string | undefined): string | undefined {
  const item = value?.split(',')[0]?.trim();
  return item === '' ? undefined : item;
}

function validHost(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= 261 && HOST.test(value) ? value.toLowerCase() : undefined;
}

/**
 * Whether a request is (probably) a browser navigation to a document, the only kind a handshake redirect
 * may answer: a GET with `Sec-Fetch-Dest: document` (or `iframe`), or without `Sec-Fetch-Dest` an
 * `Accept` that starts with `text/html` (Clerk's `isRequestEligibleForHandshake`).
 *
 * @example
 * isDocumentRequest(view); // true for a page load
 */
export function isDocumentRequest(view: RequestView): boolean {
  if (view.method !== 'GET') return false;
  const dest = view.header('sec-fetch-dest');
  if (dest === 'document' || dest === 'iframe') return true;
  return dest === undefined && (view.header('accept')?.startsWith('text/html') ?? false);
}
