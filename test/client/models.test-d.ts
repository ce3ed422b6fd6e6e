import { describe, expectTypeOf, it } from 'vitest';
import type {
  ClerkError,
  CreateUserParams,
  EmailAddress,
  GetUserData,
  GetUserListParams,
  JWKS_rsa_PublicKey,
  Organization,
  OrganizationMembership,
  RawClerkError,
  Session,
  User,
  components,
} from '../../src/index.js';
import { createClerkClient } from '../../src/index.js';

describe('named model types', () => {
  it('exports component schemas under their spec names', () => {
    expectTypeOf<User>().toEqualTypeOf<components['schemas']['User']>();
    expectTypeOf<Organization>().toEqualTypeOf<components['schemas']['Organization']>();
    expectTypeOf<EmailAddress>().toEqualTypeOf<components['schemas']['EmailAddress']>();
    expectTypeOf<Session>().toEqualTypeOf<components['schemas']['Session']>();
    expectTypeOf<OrganizationMembership['organization']>().toEqualTypeOf<Organization>();
    expectTypeOf<User['email_addresses'][number]>().toEqualTypeOf<EmailAddress>();
  });

  it('makes dotted spec names identifiers and renames the one that clashes with a handwritten export', () => {
    expectTypeOf<JWKS_rsa_PublicKey>().toEqualTypeOf<components['schemas']['JWKS.rsa.PublicKey']>();
    expectTypeOf<RawClerkError>().toEqualTypeOf<components['schemas']['ClerkError']>();
    expectTypeOf<RawClerkError>().toHaveProperty('long_message');
    expectTypeOf<ClerkError>().toHaveProperty('longMessage');
  });

  it('exports the params and data type of every operation, matching the client methods', () => {
    const clerk = createClerkClient({ secretKey: 'sk_test_models' });
    expectTypeOf(clerk.users.createUser).parameter(0).toEqualTypeOf<CreateUserParams | undefined>();
    expectTypeOf(clerk.users.getUserList).parameter(0).toEqualTypeOf<GetUserListParams | undefined>();
    expectTypeOf<GetUserData>().toEqualTypeOf<User>();
    expectTypeOf<CreateUserParams>().toHaveProperty('email_address');
  });
});
