import { describe, expect, it } from 'vitest';
import {
  acronymsAsWords,
  assertNoCollisions,
  camelCase,
  lowerCamel,
  methodNameOf,
  namespaceOf,
  readNamingMap,
  type NamingMap,
} from '../../scripts/gen/naming.js';
import { methodNameOf as runtimeMethodName } from '../../src/client/operation.js';
import { operations as definitions } from '../../src/generated/operations.js';

// The runtime derives most method names (methodNameOf); what the client exposes is what these tests check.
const operations = definitions.map((def) => ({ ...def, methodName: runtimeMethodName(def) }));

const naming = readNamingMap();
const byId = new Map(operations.map((op) => [op.operationId, op]));

describe('method names', () => {
  it('are the operationId in lowerCamelCase with acronyms as words, unless the naming map renames them', () => {
    expect(lowerCamel('GetUserList')).toBe('getUserList');
    expect(lowerCamel('createApiKey')).toBe('createApiKey');
    for (const op of operations) {
      const renamed = naming.methods?.[op.operationId]?.method;
      expect(op.methodName).toBe(renamed ?? acronymsAsWords(op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1)));
    }
  });

  it('write every acronym as a word (one rule for SAML, URL, JWKS, JWT, SCIM, API, TOTP, MFA, M2M)', () => {
    const cases: Record<string, string> = {
      getJWKS: 'getJwks',
      listSAMLConnections: 'listSamlConnections',
      createRedirectURL: 'createRedirectUrl',
      listRedirectURLs: 'listRedirectUrls',
      listJWTTemplates: 'listJwtTemplates',
      rotateSCIMDirectoryAPIKey: 'rotateScimDirectoryApiKey',
      verifyTOTP: 'verifyTotp',
      disableMFA: 'disableMfa',
      getM2MTokens: 'getM2mTokens',
      generateSvixAuthURL: 'generateSvixAuthUrl',
      // A single capital before a lower-case letter is a word already.
      getOAuthAccessToken: 'getOAuthAccessToken',
      getApiKeys: 'getApiKeys',
      getUser: 'getUser',
    };
    for (const [name, expected] of Object.entries(cases)) expect(acronymsAsWords(name), name).toBe(expected);
    // After the rule, two capitals in a row only start a word (the O of OAuth).
    for (const op of operations) expect(op.methodName, op.operationId).not.toMatch(/[A-Z]{2}(?![a-z])/);
  });

  it("give clean names where the spec's operationId leaks (naming map `methods`)", () => {
    expect(byId.get('UsersGetOrganizationMemberships')).toMatchObject({ namespace: 'users', methodName: 'getOrganizationMembershipList' });
    expect(byId.get('UsersGetOrganizationInvitations')).toMatchObject({ namespace: 'users', methodName: 'getOrganizationInvitationList' });
    expect(byId.get('UserPasskeyDelete')).toMatchObject({ namespace: 'users', methodName: 'deleteUserPasskey' });
    expect(byId.get('UserWeb3WalletDelete')).toMatchObject({ namespace: 'users', methodName: 'deleteUserWeb3Wallet' });
    expect(byId.get('UsersBan')).toMatchObject({ namespace: 'users', methodName: 'banUsers' });
    expect(byId.get('InstanceGetOrganizationMemberships')).toMatchObject({
      namespace: 'organizationMemberships',
      methodName: 'listInstanceOrganizationMemberships',
    });
    expect(methodNameOf('GetCommercePlanList', naming)).toBe('getBillingPlanList');
    // No method keeps a namespace-like prefix or a trailing verb from its operationId.
    for (const op of operations) expect(op.methodName, op.operationId).not.toMatch(/^(users|user|instance)[A-Z]|Delete$/);
    for (const [operationId, entry] of Object.entries(naming.methods ?? {})) {
      expect(byId.has(operationId), `naming.json methods.${operationId} names no operation`).toBe(true);
      expect(entry.why.length).toBeGreaterThan(10);
    }
  });

  it('place the documented examples where users look for them', () => {
    expect(byId.get('GetUser')).toMatchObject({ namespace: 'users', methodName: 'getUser' });
    expect(byId.get('GetUserList')).toMatchObject({ namespace: 'users', methodName: 'getUserList' });
    expect(byId.get('ListOrganizations')).toMatchObject({ namespace: 'organizations', methodName: 'listOrganizations' });
  });
});

describe('namespaces', () => {
  it('are the x-speakeasy-group in camelCase', () => {
    expect(camelCase('emailAddresses')).toBe('emailAddresses');
    expect(camelCase('Admin Portal Link Tokens')).toBe('adminPortalLinkTokens');
    expect(namespaceOf({ operationId: 'X', group: 'jwtTemplates', tags: [] }, naming)).toBe('jwtTemplates');
  });

  it('merge the three template groups into one namespace', () => {
    const templateOps = ['GetTemplateList', 'GetTemplate', 'UpsertTemplate', 'RevertTemplate', 'PreviewTemplate', 'ToggleTemplateDelivery'];
    expect(new Set(templateOps.map((id) => byId.get(id)?.namespace))).toEqual(new Set(['emailSmsTemplates']));
  });

  it('map the operations without a group through openapi/naming.json', () => {
    expect(byId.get('createApiKey')?.namespace).toBe('apiKeys');
    expect(byId.get('verifyApiKey')?.namespace).toBe('apiKeys');
    expect(byId.get('createAdminPortalLinkToken')?.namespace).toBe('adminPortalLinkTokens');
    expect(byId.get('GetInstanceProtect')?.namespace).toBe('instanceSettings');
    expect(byId.get('UpdateInstanceProtect')?.namespace).toBe('instanceSettings');
  });

  it('put an operation with two tags in exactly one namespace', () => {
    // GetOrganizationBillingSubscription-like operations are tagged Organizations and Billing.
    const counts = new Map<string, number>();
    for (const op of operations) counts.set(op.operationId, (counts.get(op.operationId) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('refuse to guess for an operation with neither group nor mapping', () => {
    const empty: NamingMap = { groups: {}, tags: {}, operations: {} };
    expect(() => namespaceOf({ operationId: 'Mystery', group: undefined, tags: ['Nope'] }, empty)).toThrow(/Mystery.*naming\.json/);
  });
});

describe('collisions', () => {
  it('fail the generator loudly', () => {
    expect(() =>
      assertNoCollisions([
        { operationId: 'GetUser', namespace: 'users', methodName: 'getUser' },
        { operationId: 'getUser', namespace: 'users', methodName: 'getUser' },
      ]),
    ).toThrow(/users\.getUser: GetUser and getUser/);
  });

  it('do not occur in the pinned spec', () => {
    expect(() => assertNoCollisions([...operations])).not.toThrow();
    expect(operations).toHaveLength(249);
  });
});
