// Type-level rules of issue 9: response enums open but still completing their known values, request enums closed,
// and unions of verifications narrowing on their `object` tag where it is present.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../src/generated/types.js';

type Schemas = components['schemas'];
type Verification = NonNullable<Schemas['EmailAddress']['verification']>;

describe('generated types', () => {
  it('type response enums as their known values plus any string', () => {
    expectTypeOf<'verified'>().toExtend<Schemas['verification_otp']['status']>();
    expectTypeOf<'quantum_verified'>().toExtend<Schemas['verification_otp']['status']>();
    expectTypeOf<Schemas['verification_otp']['status']>().toEqualTypeOf<'unverified' | 'verified' | 'failed' | 'expired' | (string & {})>();
  });

  it('keep request enums and resource object constants closed', () => {
    expectTypeOf<Schemas['AdjustCreditBalanceRequest']['action']>().toEqualTypeOf<'increase' | 'decrease'>();
    expectTypeOf<'double'>().not.toExtend<Schemas['AdjustCreditBalanceRequest']['action']>();
    expectTypeOf<Schemas['verification_otp']['object']>().toEqualTypeOf<'verification_otp' | undefined>();
  });

  it('narrow a verification on its object tag, which may be absent', () => {
    const narrow = (verification: Verification) => {
      if (verification.object === 'verification_saml') {
        expectTypeOf(verification).toEqualTypeOf<Schemas['verification_saml']>();
      }
      expectTypeOf(verification.object).toExtend<string | undefined>();
    };
    expectTypeOf(narrow).toBeFunction();
  });
});
