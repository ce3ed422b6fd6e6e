import { expectTypeOf, test } from 'vitest';
import {
  createTokenVerifier,
  verifyToken,
  type SessionClaimsV2,
  type TokenErrorCode,
  type VerifiedSession,
  type VerifiedTemplateToken,
} from '../../src/auth/index.js';
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

test('tokenType picks the data type, and template custom claims are unknown', async () => {
  const template = await createTokenVerifier({ jwtKey: 'x', tokenType: 'jwt_template' }).verify('t');
  if (!template.errors) {
    expectTypeOf(template.data).toEqualTypeOf<VerifiedTemplateToken>();
    expectTypeOf(template.data.claims['role']).toEqualTypeOf<unknown>();
    expectTypeOf(template.data.claims.exp).toEqualTypeOf<number>();
  }
  const session = await verifyToken('t', { jwtKey: 'x' });
  if (!session.errors) expectTypeOf(session.data).toEqualTypeOf<VerifiedSession>();
  const viaTemplate = await verifyToken('t', { jwtKey: 'x', tokenType: 'jwt_template' });
  if (!viaTemplate.errors) expectTypeOf(viaTemplate.data).toEqualTypeOf<VerifiedTemplateToken>();
});
