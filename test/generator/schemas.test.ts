import { describe, expect, it } from 'vitest';
import { ZodType } from 'zod';
import { fits } from '../../src/kernel/shape.js';
import { documentedResponses } from '../generated/documented-responses.js';
import { operations } from '../../src/generated/operations.js';
import { noBody, responses, schemas } from '../../src/generated/schemas.js';

const organization = {
  object: 'organization',
  id: 'org_123',
  name: 'Acme',
  slug: 'acme',
  has_image: false,
  max_allowed_memberships: 5,
  admin_delete_enabled: true,
  public_metadata: {},
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_000_000,
};

const otpVerification = { object: 'verification_otp', status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null };

describe('component validators', () => {
  it('accept a valid payload and keep properties the spec does not list', () => {
    const result = schemas.Organization().safeParse({ ...organization, brand_new_field: { a: 1 } });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ brand_new_field: { a: 1 } });
  });

  it('reject a payload missing a required property, naming it', () => {
    const { name: _name, ...withoutName } = organization;
    const result = schemas.Organization().safeParse(withoutName);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
  });

  it('reject a property of the wrong type', () => {
    expect(schemas.Organization().safeParse({ ...organization, has_image: 'no' }).success).toBe(false);
    expect(schemas.Organization().safeParse({ ...organization, created_at: '1700000000' }).success).toBe(false);
  });

  it('accept null only where the spec says nullable', () => {
    expect(schemas.Organization().safeParse({ ...organization, role_set_key: null }).success).toBe(true);
    expect(schemas.Organization().safeParse({ ...organization, slug: null }).success).toBe(false);
  });

  it('treat an absent optional property as absent and reject an explicit wrong value for it', () => {
    expect(schemas.Organization().safeParse({ ...organization, members_count: 3 }).success).toBe(true);
    expect(schemas.Organization().safeParse({ ...organization, members_count: 'three' }).success).toBe(false);
  });

  it('accept any JSON object for free-form metadata, and nothing else', () => {
    const metadata = { plan: 'pro', nested: { deep: [1, 2] } };
    const result = schemas.Organization().safeParse({ ...organization, public_metadata: metadata });
    expect(result.data?.public_metadata).toEqual(metadata);
    for (const bad of [[], 'pro', 1, null]) {
      expect(schemas.Organization().safeParse({ ...organization, public_metadata: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('keep int64 values as numbers, beyond 32 bits', () => {
    const result = schemas.Organization().safeParse({ ...organization, created_at: 2 ** 40 });
    expect(result.data?.created_at).toBe(2 ** 40);
  });

  it('accept unknown values of response enums, and keep the resource `object` constants exact', () => {
    expect(schemas.verification_otp().safeParse(otpVerification).success).toBe(true);
    expect(schemas.verification_otp().safeParse({ ...otpVerification, status: 'teleported' }).success).toBe(true);
    expect(schemas.verification_otp().safeParse({ ...otpVerification, strategy: 'carrier_pigeon' }).success).toBe(true);
    expect(schemas.verification_otp().safeParse({ ...otpVerification, status: 3 }).success).toBe(false);
    expect(schemas.verification_otp().safeParse({ ...otpVerification, object: 'verification_admin' }).success).toBe(false);
  });

  it('keep enums closed in schemas only requests use', () => {
    const adjustment = { amount: 5, action: 'increase', idempotency_key: 'k1' };
    expect(schemas.AdjustCreditBalanceRequest().safeParse(adjustment).success).toBe(true);
    expect(schemas.AdjustCreditBalanceRequest().safeParse({ ...adjustment, action: 'double' }).success).toBe(false);
  });

  it('pick a union variant by its `object` tag when present, and by shape when the tag is absent', () => {
    const emailAddress = {
      object: 'email_address',
      email_address: 'ada@example.com',
      reserved: false,
      verification: otpVerification,
      linked_to: [],
      created_at: 1,
      updated_at: 1,
    };
    const { object: _tag, ...untagged } = otpVerification;
    expect(schemas.EmailAddress().safeParse(emailAddress).success).toBe(true);
    expect(schemas.EmailAddress().safeParse({ ...emailAddress, verification: null }).success).toBe(true);
    expect(schemas.EmailAddress().safeParse({ ...emailAddress, verification: untagged }).success).toBe(true);
    expect(schemas.EmailAddress().safeParse({ ...emailAddress, verification: { ...untagged, attempts: 'many' } }).success).toBe(false);
    expect(
      schemas.EmailAddress().safeParse({ ...emailAddress, verification: { ...otpVerification, object: 'verification_nope' } }).success,
    ).toBe(false);
    // The tag picks verification_saml, whose `status` is required: the OTP-shaped rest cannot rescue it.
    const result = schemas
      .EmailAddress()
      .safeParse({ ...emailAddress, verification: { object: 'verification_saml', strategy: 'saml', attempts: null } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['verification', 'status']);
  });

  it('share one validator instance per component (by reference, built once)', () => {
    expect(schemas.User()).toBe(schemas.User());
    expect(responses.User()).toBe(schemas.User());
  });

  it('validate Clerk error bodies', () => {
    const body = {
      errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'No user was found' }],
      clerk_trace_id: 't1',
    };
    expect(responses.ResourceNotFound().safeParse(body).success).toBe(true);
    expect(responses.ResourceNotFound().safeParse({ errors: [{ code: 1 }] }).success).toBe(false);
  });
});

describe('operation response validators', () => {
  it('exist for every documented status of every operation (in the test-only table), and all build', () => {
    let count = 0;
    for (const op of operations) {
      const documented = documentedResponses[op.operationId]!.responses;
      expect(Object.keys(documented).length, op.operationId).toBeGreaterThan(0);
      for (const [status, validator] of Object.entries(documented)) {
        expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        expect(validator()).toBeInstanceOf(ZodType);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('ship in the runtime definitions as shapes, for the success statuses with a JSON body only', () => {
    let successes = 0;
    for (const op of operations) {
      const documented = documentedResponses[op.operationId]!.responses;
      const expected = Object.keys(documented).filter((status) => /^2(\d\d|XX)$/.test(status) && documented[status] !== noBody);
      expect(Object.keys(op.shapes ?? {}).sort(), op.operationId).toEqual(expected.sort());
      successes += expected.length;
    }
    expect(successes).toBeGreaterThan(200);
  });

  it('validate a list response of GetUserList as an array of users', () => {
    const getUserList = operations.find((op) => op.operationId === 'GetUserList')!;
    expect(getUserList.pagination).toBe('array');
    expect(fits(getUserList.shapes!['200']!, [])).toBe(true);
    expect(fits(getUserList.shapes!['200']!, { data: [] })).toBe(false);
  });
});

describe('the operation table', () => {
  it('records per-parameter query serialization (GET /organization_domains mixes explode true and false)', () => {
    const op = operations.find((o) => o.method === 'GET' && o.path === '/organization_domains')!;
    const explodes = new Set(op.query.map((q) => q.explode));
    expect(explodes).toEqual(new Set([true, false]));
  });

  it('lists path params in path order and marks multipart bodies', () => {
    const op = operations.find((o) => o.operationId === 'SetUserProfileImage')!;
    expect(op).toMatchObject({ method: 'POST', path: '/users/{user_id}/profile_image', pathParams: ['user_id'], body: 'multipart' });
    const multi = operations
      .filter((o) => o.body === 'multipart')
      .map((o) => o.operationId)
      .sort();
    expect(multi).toEqual(['SetUserProfileImage', 'UploadOAuthApplicationLogo', 'UploadOrganizationLogo']);
    for (const o of operations) expect(o.pathParams).toEqual([...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
  });
});
