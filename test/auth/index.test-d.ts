import { expectTypeOf, test } from 'vitest';
import { createTokenVerifier, type SessionClaimsV2, type TokenErrorCode, type VerifiedSession } from '../../src/auth/index.js';
import type { OPTION_NAMES } from '../../src/auth/verifier-registry.js';
import type { TokenVerifierOptions } from '../../src/auth/options.js';

test('a verification result narrows on errors', async () => {
  const result = await createTokenVerifier({ jwtKey: 'x' }).verify('t');
  if (result.errors) {
    expectTypeOf(result.errors[0].code).toEqualTypeOf<TokenErrorCode>();
    expectTypeOf(result.data).toEqualTypeOf<undefined>();
  } else {
    expectTypeOf(result.data).toEqualTypeOf<VerifiedSession>();
    if (result.data.claims.v === 2) expectTypeOf(result.data.claims).toEqualTypeOf<SessionClaimsV2>();
  }
});

test('the convenience form snapshots every verifier option', () => {
  type Unlisted = Exclude<keyof TokenVerifierOptions, (typeof OPTION_NAMES)[number]>;
  expectTypeOf<Unlisted>().toEqualTypeOf<never>();
});
