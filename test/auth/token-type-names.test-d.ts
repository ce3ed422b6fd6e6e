// Issue #22 item 12: one exported name per meaning. `TokenType` is the kind of token a request carried (what
// `auth.tokenType` and `state.tokenType` hold); the verifier's `tokenType` option is `VerifierTokenType`.
import { expectTypeOf, test } from 'vitest';
import type * as Auth from '../../src/auth/index.js';
import type { AuthObject, RequestState, TokenType, VerifiedToken, VerifierTokenType } from '../../src/auth/index.js';

test('TokenType is the request token kind, so auth.tokenType can be typed with it', () => {
  expectTypeOf<TokenType>().toEqualTypeOf<'session_token' | 'api_key' | 'm2m_token' | 'oauth_token'>();
  expectTypeOf<AuthObject['tokenType']>().toEqualTypeOf<TokenType>();
  expectTypeOf<Extract<RequestState, { status: 'signed-in' }>['tokenType']>().toEqualTypeOf<TokenType>();
});

test("the verifier's tokenType option has a name of its own", () => {
  expectTypeOf<VerifierTokenType>().toEqualTypeOf<'session' | 'jwt_template'>();
  expectTypeOf<VerifiedToken<'jwt_template'>>().toEqualTypeOf<Auth.VerifiedTemplateToken>();
  expectTypeOf<Auth.TokenVerifierOptions['tokenType']>().toEqualTypeOf<'session' | undefined>();
});
