import { describe, expect, it } from 'vitest';
import type { InstanceConfig } from '../../../../src/auth/request/handshake/instance.js';
import { isCrossOriginReferrer, isKnownClerkReferrer, syncBackTarget } from '../../../../src/auth/request/handshake/referrers.js';
import type { RequestView } from '../../../../src/auth/request/handshake/request-view.js';

// The referrer decisions of the cookie session flow on their own. Ported from Clerk's authenticateContext.test.ts
// and request.test.ts (isCrossOriginReferrer, isKnownClerkReferrer: Frontend API, Account Portal, development
// Account Portal hosts) and SECURITY.md C.24 / G.47 for the satellite sync-back target.

/** A GET with this `Referer`; `url: null` for a request whose URL did not parse. */
function view(referer: string | undefined, url: string | null = 'https://app.example.com/page'): RequestView {
  return {
    method: 'GET',
    header: (name) => (name === 'referer' ? referer : undefined),
    url: () => (url === null ? undefined : new URL(url)),
  };
}

function instance(overrides: Partial<InstanceConfig> = {}): InstanceConfig {
  return {
    publishableKey: undefined,
    instanceType: 'production',
    frontendApiHost: 'clerk.example.com',
    issuerHost: 'clerk.example.com',
    proxyUrl: undefined,
    isSatellite: false,
    domain: undefined,
    signInUrl: undefined,
    satelliteAutoSync: false,
    allowedRedirectOrigins: [],
    ...overrides,
  };
}

describe('isCrossOriginReferrer', () => {
  it('is true for a referrer of another origin: host, port or scheme', () => {
    for (const referer of [
      'https://satellite.example/page',
      'https://app.example.com:8443/page',
      'http://app.example.com/page',
      'https://sub.app.example.com/',
    ]) {
      expect(isCrossOriginReferrer(view(referer)), referer).toBe(true);
    }
  });

  it('is false for a referrer of the same origin, whatever its path or case', () => {
    expect(isCrossOriginReferrer(view('https://app.example.com/other?x=1'))).toBe(false);
    expect(isCrossOriginReferrer(view('https://APP.example.com:443/'))).toBe(false);
  });

  it('is false without a usable referrer or request URL', () => {
    expect(isCrossOriginReferrer(view(undefined))).toBe(false);
    expect(isCrossOriginReferrer(view('not a url'))).toBe(false);
    expect(isCrossOriginReferrer(view('javascript:alert(1)'))).toBe(false);
    expect(isCrossOriginReferrer(view('https://other.example/', null))).toBe(false);
  });
});

describe('isKnownClerkReferrer', () => {
  it('is true for the Frontend API host, ignoring a port in the configured host', () => {
    expect(isKnownClerkReferrer(view('https://clerk.example.com/v1/client'), instance())).toBe(true);
    expect(isKnownClerkReferrer(view('https://clerk.example.com/'), instance({ frontendApiHost: 'clerk.example.com:8443' }))).toBe(true);
    expect(isKnownClerkReferrer(view('https://clerk.example.com.evil.example/'), instance())).toBe(false);
  });

  it('is true for the production Account Portal (accounts.<domain>) over https only, compared by origin', () => {
    expect(isKnownClerkReferrer(view('https://accounts.example.com/sign-in'), instance())).toBe(true);
    expect(isKnownClerkReferrer(view('http://accounts.example.com/sign-in'), instance())).toBe(false);
    expect(isKnownClerkReferrer(view('https://accounts.example.com:8443/'), instance())).toBe(false);
    expect(isKnownClerkReferrer(view('https://accounts.example.com.evil.example/'), instance())).toBe(false);
    expect(isKnownClerkReferrer(view('https://accounts.evil.example/'), instance())).toBe(false);
  });

  it('maps the development Frontend API host to its Account Portal', () => {
    const dev = instance({ instanceType: 'development', frontendApiHost: 'happy-cat-1.clerk.accounts.dev' });
    expect(isKnownClerkReferrer(view('https://happy-cat-1.accounts.dev/sign-in'), dev)).toBe(true);
    const stage = instance({ frontendApiHost: 'clerk.accountsstage.example.com' });
    expect(isKnownClerkReferrer(view('https://accountsstage.example.com/'), stage)).toBe(true);
    expect(isKnownClerkReferrer(view('https://accounts.accountsstage.example.com/'), stage)).toBe(false);
  });

  it('accepts the development Account Portal hosts only on development instances', () => {
    const dev = instance({ instanceType: 'development', frontendApiHost: undefined });
    const prod = instance({ frontendApiHost: undefined });
    for (const host of [
      'accounts.foo.lcl.dev',
      'accounts.foo.lclstage.dev',
      'accounts.foo.lclclerk.com',
      'foo.accounts.dev',
      'foo.accountsstage.dev',
      'foo.accounts.lclclerk.com',
    ]) {
      expect(isKnownClerkReferrer(view(`https://${host}/`), dev), host).toBe(true);
      expect(isKnownClerkReferrer(view(`https://${host}/`), prod), host).toBe(false);
    }
  });

  it('never accepts a bare accounts.* prefix, a legacy host without it, or a development Frontend API host', () => {
    const dev = instance({ instanceType: 'development', frontendApiHost: undefined });
    for (const host of [
      'accounts.evil.example',
      'foo.lcl.dev',
      'foo.lclclerk.com',
      'foo.clerk.accounts.dev',
      'foo.clerk.accountsstage.dev',
      'evil-accounts.dev',
      'accounts.dev.evil.example',
    ]) {
      expect(isKnownClerkReferrer(view(`https://${host}/`), dev), host).toBe(false);
    }
  });

  it('is false without a usable referrer', () => {
    for (const referer of [undefined, '', 'clerk.example.com', 'ftp://clerk.example.com/']) {
      expect(isKnownClerkReferrer(view(referer), instance()), String(referer)).toBe(false);
    }
  });
});

describe('syncBackTarget', () => {
  const here = new URL('https://app.example.com/page');

  it("gives a target of the request's own origin or an allowed origin", () => {
    expect(syncBackTarget('https://app.example.com/dashboard?tab=1', instance(), here)?.href).toBe(
      'https://app.example.com/dashboard?tab=1',
    );
    const allowed = instance({ allowedRedirectOrigins: ['http://localhost:3001'] });
    expect(syncBackTarget('http://localhost:3001/x', allowed, here)?.href).toBe('http://localhost:3001/x');
    expect(syncBackTarget('http://localhost:3001/x', allowed, undefined)?.href).toBe('http://localhost:3001/x');
  });

  it('refuses any other origin, a relative or protocol-relative target and other schemes', () => {
    const allowed = instance({ allowedRedirectOrigins: ['http://localhost:3001'] });
    for (const value of [
      'https://evil.example/',
      'https://app.example.com.evil.example/',
      'http://app.example.com/',
      'http://localhost:3002/',
      '//evil.example/',
      '/relative',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(syncBackTarget(value, allowed, here), value).toBeUndefined();
    }
    expect(syncBackTarget('https://app.example.com/', instance(), undefined)).toBeUndefined();
  });
});
