import { describe, expect, it } from 'vitest';
import { authenticateRequest, createRequestAuthenticator } from '../../../../src/auth/index.js';
import { live, location, NOW_S, page, validToken } from './helpers.js';

const organizationSyncOptions = { organizationPatterns: ['/orgs/:slug', '/orgs/:slug/(.*)'], personalAccountPatterns: ['/me', '/me/(.*)'] };
const cookies = (claims: Record<string, unknown> = {}) => ({ __session: validToken(claims), __client_uat: String(NOW_S - 10) });
const at = (path: string, claims: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
  page({ ...cookies(claims), ...extra }, {}, `https://app.example.com${path}`);

describe('handshake: organization sync', () => {
  it('activates the organization a page URL names by a handshake with organization_id', async () => {
    const state = await authenticateRequest(at('/orgs/acme/settings'), live({ organizationSyncOptions }));
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('active-organization-mismatch');
    expect(location(state).searchParams.get('organization_id')).toBe('acme');
  });

  it('signs in when the named organization is already active', async () => {
    const state = await authenticateRequest(
      at('/orgs/acme', { org_id: 'org_1', org_slug: 'acme', org_role: 'org:admin' }),
      live({ organizationSyncOptions }),
    );
    expect(state.status).toBe('signed-in');
  });

  it('activates the personal account on its pages when an organization is active', async () => {
    const state = await authenticateRequest(
      at('/me', { org_id: 'org_1', org_slug: 'acme', org_role: 'org:admin' }),
      live({ organizationSyncOptions }),
    );
    expect(state.reason).toBe('active-organization-mismatch');
    expect(location(state).searchParams.get('organization_id')).toBe('');
  });

  it('gives up activating after three handshakes (an organization the user cannot activate) and signs in', async () => {
    const state = await authenticateRequest(at('/orgs/nope', {}, { __clerk_redirect_count: '3' }), live({ organizationSyncOptions }));
    expect(state.status).toBe('signed-in');
  });

  it('signs in a fetch() to an organization URL without a handshake', async () => {
    const request = new Request('https://app.example.com/orgs/acme', {
      headers: { 'sec-fetch-dest': 'empty', cookie: `__session=${validToken()}; __client_uat=${NOW_S - 10}` },
    });
    expect((await authenticateRequest(request, live({ organizationSyncOptions }))).status).toBe('signed-in');
  });

  it('refuses bad organizationSyncOptions at construction, naming the option', () => {
    expect(() => createRequestAuthenticator(live({ organizationSyncOptions: { organizationPatterns: ['/orgs'] } }))).toThrow(
      /organizationSyncOptions/,
    );
  });
});
