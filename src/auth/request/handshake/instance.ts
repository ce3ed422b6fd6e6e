import { issuerFromPublishableKey } from '../../publishable-key.js';

/**
 * Options of cookie sessions, beside the verifier's own (`publishableKey` among them).
 *
 * @example
 * const options: CookieSessionOptions = { isSatellite: true, domain: 'satellite.example.com', signInUrl: 'https://example.com/sign-in' };
 */
export interface CookieSessionOptions {
  /** A Clerk proxy in front of the Frontend API: an absolute URL, or a path (`/__clerk`) on the request's own origin. */
  proxyUrl?: string | undefined;
  /** This app runs on a satellite domain of a multi-domain instance. Needs `domain` or `proxyUrl`. */
  isSatellite?: boolean | undefined;
  /** The satellite's domain (`satellite.example.com`); its Frontend API is `clerk.<domain>` in production. */
  domain?: string | undefined;
  /** The primary's sign-in page, absolute; required for a development satellite, and the target of `requireAuth`'s redirect. */
  signInUrl?: string | undefined;
  /** A satellite starts a sync on a first visit without cookies too (Clerk's `satelliteAutoSync`). Default `false`. */
  satelliteAutoSync?: boolean | undefined;
  /** Origins a primary (development) may send the browser back to with `__clerk_redirect_url`; the request's own origin always may. */
  allowedRedirectOrigins?: readonly string[] | undefined;
}

/**
 * Cookie session settings checked once: the instance from the publishable key and the multi-domain options.
 *
 * @example
 * const instance = resolveInstance({ publishableKey: 'pk_test_…' });
 */
export interface InstanceConfig {
  publishableKey: string | undefined;
  instanceType: 'development' | 'production';
  /** The Frontend API host of the publishable key, e.g. `clerk.example.com`. */
  frontendApiHost: string | undefined;
  /** The host session tokens of this app are issued by: `clerk.<domain>` for a production satellite, else {@link frontendApiHost}. */
  issuerHost: string | undefined;
  /** `proxyUrl` as given: a path is resolved against each request's origin. */
  proxyUrl: string | undefined;
  isSatellite: boolean;
  domain: string | undefined;
  signInUrl: string | undefined;
  satelliteAutoSync: boolean;
  allowedRedirectOrigins: readonly string[];
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

/**
 * Checks the cookie session options; a string names the bad option (the caller throws a `TypeError` with it).
 *
 * @example
 * const instance = resolveInstance({ publishableKey, proxyUrl: '/__clerk' });
 * if (typeof instance === 'string') throw new TypeError(instance);
 */
export function resolveInstance(options: CookieSessionOptions & { publishableKey?: string | undefined }): InstanceConfig | string {
  const publishableKey = typeof options.publishableKey === 'string' ? options.publishableKey : undefined;
  const issuer = publishableKey === undefined ? undefined : issuerFromPublishableKey(publishableKey);
  const { proxyUrl, isSatellite = false, domain, signInUrl, satelliteAutoSync = false, allowedRedirectOrigins = [] } = options;
  if (proxyUrl !== undefined && !isProxyUrl(proxyUrl)) {
    return 'The proxyUrl option must be a path starting with one / or an absolute http(s) URL without credentials.';
  }
  if (typeof isSatellite !== 'boolean') return 'The isSatellite option must be a boolean.';
  if (typeof satelliteAutoSync !== 'boolean') return 'The satelliteAutoSync option must be a boolean.';
  const host = domain === undefined ? undefined : domainHost(domain);
  if (domain !== undefined && host === undefined) return 'The domain option must be a host name such as satellite.example.com.';
  if (signInUrl !== undefined && absoluteHttpUrl(signInUrl) === undefined && !isLocalPath(signInUrl)) {
    return 'The signInUrl option must be an absolute http(s) URL or a path starting with one /.';
  }
  const origins = readOrigins(allowedRedirectOrigins);
  if (origins === undefined) return 'The allowedRedirectOrigins option must be a list of http(s) origins.';
  const instanceType = publishableKey?.startsWith('pk_test_') ? 'development' : 'production';
  if (isSatellite) {
    if (publishableKey === undefined) return 'The isSatellite option needs a publishableKey.';
    if (proxyUrl === undefined && host === undefined) return 'The isSatellite option needs a domain or a proxyUrl.';
    if (signInUrl === undefined && instanceType === 'development') {
      return 'The isSatellite option needs a signInUrl on a development instance.';
    }
    if (signInUrl !== undefined && absoluteHttpUrl(signInUrl) === undefined) {
      return 'The signInUrl option of a satellite must be an absolute URL on the primary domain.';
    }
  }
  return {
    publishableKey: issuer === undefined ? undefined : publishableKey,
    instanceType,
    frontendApiHost: issuer?.slice('https://'.length),
    issuerHost: instanceType === 'production' && isSatellite && host !== undefined ? `clerk.${host}` : issuer?.slice('https://'.length),
    proxyUrl,
    isSatellite,
    domain: host,
    signInUrl,
    satelliteAutoSync,
    allowedRedirectOrigins: origins,
  };
}

/**
 * The Frontend API base URL the handshake goes to, for a request on `origin`: the proxy when there is one,
 * `clerk.<domain>` for a production satellite, else the publishable key's host (Clerk's `parsePublishableKey`).
 *
 * @example
 * frontendApiBase(instance, 'https://app.example.com'); // 'https://clerk.example.com/'
 */
export function frontendApiBase(instance: InstanceConfig, origin: string): string | undefined {
  let base: string | undefined;
  if (instance.proxyUrl !== undefined) {
    base = instance.proxyUrl.startsWith('/') ? `${origin}${instance.proxyUrl}` : instance.proxyUrl;
  } else if (instance.instanceType === 'production' && instance.isSatellite && instance.domain !== undefined) {
    base = `https://clerk.${instance.domain}`;
  } else if (instance.frontendApiHost !== undefined) {
    base = `https://${instance.frontendApiHost}`;
  }
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/`;
}

function isLocalPath(value: unknown): boolean {
  // `//evil` and `/\evil` are protocol-relative to browsers (SECURITY C.24).
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

function isProxyUrl(value: unknown): boolean {
  return isLocalPath(value) || absoluteHttpUrl(value) !== undefined;
}

/** An absolute http(s) URL without user info, parsed; `undefined` otherwise. */
export function absoluteHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function domainHost(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const host = /^https?:\/\//i.test(value) ? absoluteHttpUrl(value)?.host : value;
  return host !== undefined && HOST.test(host) ? host.toLowerCase() : undefined;
}

function readOrigins(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const origins: string[] = [];
  for (const item of value) {
    const url = absoluteHttpUrl(item);
    if (url === undefined) return undefined;
    origins.push(url.origin);
  }
  return origins;
}
