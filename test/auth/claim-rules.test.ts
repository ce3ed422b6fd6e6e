import { describe, expect, it } from 'vitest';
import { checkHeaderType, checkRegisteredClaims, type ClaimRules } from '../../src/auth/claim-checks.js';
import { NOW_MS, NOW_S } from './helpers/keys.js';

// The claim rules on their own, each refusal with its exact code, message and meta, and each time bound at its
// edge (the verifiers reach these through readCheckedClaims).

const rules: ClaimRules = {
  clockSkewInMs: 5000,
  headerTypes: ['JWT'],
  authorizedParties: undefined,
  audience: undefined,
  issuer: undefined,
};
const valid = { exp: NOW_S + 60 };

function check(payload: Record<string, unknown>, overrides: Partial<ClaimRules> = {}) {
  return checkRegisteredClaims(payload, { ...rules, ...overrides }, NOW_MS);
}

describe('time claims', () => {
  it('requires a finite numeric exp', () => {
    for (const exp of [undefined, '9999999999', Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(check({ exp }), String(exp)).toEqual({
        code: 'token_invalid',
        message: 'The exp claim is missing or not a finite number.',
        meta: { claim: 'exp' },
      });
    }
  });

  it('refuses exp from the skew before now on, and accepts it a second later', () => {
    expect(check({ exp: NOW_S - 5 })).toEqual({
      code: 'token_expired',
      message: 'The token has expired.',
      meta: { exp: NOW_S - 5, now: NOW_S, clockSkewInMs: 5000 },
    });
    expect(check({ exp: NOW_S - 4 })).toBeUndefined();
    expect(check({ exp: NOW_S }, { clockSkewInMs: 0 })?.code).toBe('token_expired');
  });

  it('accepts nbf up to the skew after now, and refuses it beyond', () => {
    expect(check({ ...valid, nbf: NOW_S + 5 })).toBeUndefined();
    expect(check({ ...valid, nbf: NOW_S + 6 })).toEqual({
      code: 'token_not_active_yet',
      message: 'The token is not active yet.',
      meta: { nbf: NOW_S + 6, now: NOW_S, clockSkewInMs: 5000 },
    });
    expect(check({ ...valid, nbf: '0' })).toEqual({
      code: 'token_invalid',
      message: 'The nbf claim is not a finite number.',
      meta: { claim: 'nbf' },
    });
    expect(check({ ...valid, nbf: Number.NEGATIVE_INFINITY })?.code).toBe('token_invalid');
  });

  it('accepts iat up to the skew after now, and refuses it beyond', () => {
    expect(check({ ...valid, iat: NOW_S + 5 })).toBeUndefined();
    expect(check({ ...valid, iat: NOW_S + 6 })).toEqual({
      code: 'token_iat_in_the_future',
      message: 'The token was issued in the future.',
      meta: { iat: NOW_S + 6, now: NOW_S, clockSkewInMs: 5000 },
    });
    expect(check({ ...valid, iat: null })).toEqual({
      code: 'token_invalid',
      message: 'The iat claim is not a finite number.',
      meta: { claim: 'iat' },
    });
    expect(check({ ...valid, iat: Number.POSITIVE_INFINITY })?.code).toBe('token_invalid');
  });
});

describe('parties', () => {
  const parties = { authorizedParties: ['https://a.example', 'https://b.example'] };

  it('refuses a non-string azp even when no parties are configured', () => {
    expect(check({ ...valid, azp: 1 })).toEqual({
      code: 'token_invalid',
      message: 'The azp claim is not a string.',
      meta: { claim: 'azp' },
    });
    expect(check({ ...valid, azp: 'anything' })).toBeUndefined();
  });

  it('accepts any listed azp and refuses a missing or other one', () => {
    expect(check({ ...valid, azp: 'https://b.example' }, parties)).toBeUndefined();
    expect(check(valid, parties)).toEqual({
      code: 'token_invalid_authorized_party',
      message: 'The token authorized party (azp) is not allowed.',
      meta: { authorizedParties: ['https://a.example', 'https://b.example'] },
    });
    expect(check({ ...valid, azp: 'https://c.example' }, parties)?.meta).toEqual({
      azp: 'https://c.example',
      authorizedParties: ['https://a.example', 'https://b.example'],
    });
  });

  it('refuses an aud that is neither a string nor a list of strings', () => {
    for (const aud of [1, ['a', 2], { a: 1 }]) {
      expect(check({ ...valid, aud }), JSON.stringify(aud)).toEqual({
        code: 'token_invalid',
        message: 'The aud claim is not a string or an array of strings.',
        meta: { claim: 'aud' },
      });
    }
    expect(check({ ...valid, aud: ['x', 'y'] })).toBeUndefined();
  });

  it('accepts an aud (string or any item of a list) in the audience, and refuses a missing or other one', () => {
    const audience = { audience: ['api-1', 'api-2'] };
    expect(check({ ...valid, aud: 'api-2' }, audience)).toBeUndefined();
    expect(check({ ...valid, aud: ['other', 'api-1'] }, audience)).toBeUndefined();
    const refused = { code: 'token_invalid_audience', message: 'The token audience (aud) is not allowed.' };
    expect(check(valid, audience)).toEqual(refused);
    expect(check({ ...valid, aud: 'api-3' }, audience)).toEqual(refused);
    expect(check({ ...valid, aud: [] }, audience)).toEqual(refused);
  });

  it('refuses a non-string iss, and a missing or other iss when an issuer is expected', () => {
    expect(check({ ...valid, iss: ['x'] })).toEqual({
      code: 'token_invalid_issuer',
      message: 'The iss claim is not a string.',
      meta: { claim: 'iss' },
    });
    const issuer = { issuer: ['https://i.example', 'https://j.example'] };
    expect(check({ ...valid, iss: 'https://j.example' }, issuer)).toBeUndefined();
    const refused = { code: 'token_invalid_issuer', message: 'The token issuer (iss) is not the expected one.' };
    expect(check(valid, issuer)).toEqual(refused);
    expect(check({ ...valid, iss: 'https://k.example' }, issuer)).toEqual(refused);
  });
});

describe('checkHeaderType', () => {
  it('accepts no typ or an allowed one, and lists the allowed ones otherwise', () => {
    const two = { ...rules, headerTypes: ['JWT', 'at+jwt'] };
    expect(checkHeaderType({}, two)).toBeUndefined();
    expect(checkHeaderType({ typ: 'at+jwt' }, two)).toBeUndefined();
    for (const typ of ['jwt', 1]) {
      expect(checkHeaderType({ typ }, two)).toEqual({
        code: 'token_type_mismatch',
        message: 'The token type (typ) must be one of: JWT, at+jwt.',
      });
    }
  });
});
