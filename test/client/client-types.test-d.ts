import { describe, expectTypeOf, it } from 'vitest';
import type { ApiError } from '../../src/client/api-error.js';
import type { ApiResult } from '../../src/client/api-result.js';
import type { Paginator } from '../../src/client/paginate.js';
import type { NonEmptyArray } from '../../src/kernel/result.js';
import type { Mismatch } from '../../src/kernel/describe-mismatch.js';
import { createFixtureClient } from './fixtures/client.js';

const clerk = createFixtureClient('https://api.clerk.com');

describe('client types', () => {
  it('narrows data when errors is checked', async () => {
    const result = await clerk.users.getUser('user_1');
    if (result.errors) {
      expectTypeOf(result.errors).toEqualTypeOf<NonEmptyArray<ApiError>>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.response).toEqualTypeOf<Response | undefined>();
    } else {
      expectTypeOf(result.data.id).toEqualTypeOf<string>();
      expectTypeOf(result.response).toEqualTypeOf<Response>();
      expectTypeOf(result.status).toEqualTypeOf<number>();
    }
    // @ts-expect-error data may be undefined until errors is ruled out
    result.data.id;
  });

  it('carries warnings on the success branch only', async () => {
    const result = await clerk.users.getUser('user_1');
    if (result.errors) expectTypeOf(result.warnings).toEqualTypeOf<undefined>();
    else expectTypeOf(result.warnings).toEqualTypeOf<NonEmptyArray<Mismatch> | undefined>();
  });

  it('types params from the signature and rejects wrong field names', () => {
    clerk.users.updateUser('user_1', { first_name: 'Ada' });
    // @ts-expect-error frist_name is not a field of UpdateUser
    clerk.users.updateUser('user_1', { frist_name: 'Ada' });
    // @ts-expect-error first_name must be a string
    clerk.users.updateUser('user_1', { first_name: 1 });
    // @ts-expect-error limit must be a number
    clerk.users.getUserList({ limit: '10' });
  });

  it('takes path params positionally and checks their count', () => {
    clerk.invitations.revokeInvitation('org_1', 'inv_1');
    // @ts-expect-error the invitation id is missing
    clerk.invitations.revokeInvitation('org_1');
    // @ts-expect-error the user id is missing
    clerk.users.getUser();
  });

  it('requires params when the signature says so and omits the slot when there are none', () => {
    // @ts-expect-error CreateUser params are required
    clerk.users.createUser();
    clerk.users.getUserList();
    clerk.users.getUser('user_1', { timeoutMs: 100 });
    // @ts-expect-error GetUser takes no params, so the second argument is request options
    clerk.users.getUser('user_1', { first_name: 'Ada' });
  });

  it('types multipart binary fields as Blob | Uint8Array', () => {
    clerk.users.setUserProfileImage('user_1', { file: new Uint8Array(1) });
    clerk.users.setUserProfileImage('user_1', { file: new Blob([]) });
    // @ts-expect-error a string is not a file
    clerk.users.setUserProfileImage('user_1', { file: 'x' });
  });

  it('offers .all() on paginated operations only, yielding the item type', () => {
    expectTypeOf(clerk.users.getUserList.all({ limit: 10 })).toEqualTypeOf<
      Paginator<
        Awaited<ReturnType<typeof clerk.users.getUser>> extends infer R
          ? R extends { data: infer D }
            ? Exclude<D, undefined>
            : never
          : never
      >
    >();
    expectTypeOf(clerk.organizations.listOrganizations.all()).toEqualTypeOf<
      Paginator<{ id: string; object: 'organization'; name: string; slug: string }>
    >();
    // @ts-expect-error GetUser is not paginated
    clerk.users.getUser.all;
  });

  it('returns ApiResult<undefined> for operations without a body', () => {
    expectTypeOf(clerk.invitations.revokeInvitation('o', 'i')).toEqualTypeOf<Promise<ApiResult<undefined>>>();
  });

  it('has no namespace or method that the resource map does not list', () => {
    // @ts-expect-error there is no such namespace
    clerk.sessions;
    // @ts-expect-error there is no such method
    clerk.users.getUsr;
  });
});
