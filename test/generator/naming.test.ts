import { describe, expect, it } from 'vitest';
import { assertNoCollisions, camelCase, lowerCamel, namespaceOf, readNamingMap, type NamingMap } from '../../scripts/gen/naming.js';
import { methodNameOf } from '../../src/client/operation.js';
import { operations as definitions } from '../../src/generated/operations.js';

const operations = definitions.map((def) => ({ ...def, methodName: methodNameOf(def) }));

const naming = readNamingMap();
const byId = new Map(operations.map((op) => [op.operationId, op]));

describe('method names', () => {
  it('are the operationId in lowerCamelCase', () => {
    expect(lowerCamel('GetUserList')).toBe('getUserList');
    expect(lowerCamel('createApiKey')).toBe('createApiKey');
    for (const op of operations) expect(op.methodName).toBe(op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1));
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
