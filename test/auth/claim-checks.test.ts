import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../src/auth/index.js';
import { NOW_MS, NOW_S, sessionToken, testKey } from './helpers/keys.js';

const key = testKey('ins_claims');
const verifier = createTokenVerifier({ jwtKey: key.pem, now: () => NOW_MS, authorizedParties: ['https://app.example.com'] });

describe('claim errors carry safe detail in meta', () => {
  it('gives exp and the verifier’s clock for an expired token', async () => {
    const token = sessionToken(key, { exp: NOW_S - 60 });
    const { errors } = await verifier.verify(token);
    expect(errors?.[0]).toMatchObject({ code: 'token_expired', meta: { exp: NOW_S - 60, now: NOW_S, clockSkewInMs: 5000 } });
    expect(JSON.stringify(errors)).not.toContain(token.split('.')[1]!.slice(0, 24));
  });

  it('gives nbf and iat with the clock for a token that is not active yet or issued in the future', async () => {
    const notYet = await verifier.verify(sessionToken(key, { nbf: NOW_S + 600 }));
    expect(notYet.errors?.[0]).toMatchObject({ code: 'token_not_active_yet', meta: { nbf: NOW_S + 600, now: NOW_S } });
    const future = await verifier.verify(sessionToken(key, { iat: NOW_S + 600, nbf: undefined }));
    expect(future.errors?.[0]).toMatchObject({ code: 'token_iat_in_the_future', meta: { iat: NOW_S + 600, now: NOW_S } });
  });

  it('gives the received azp against the allowed list', async () => {
    const { errors } = await verifier.verify(sessionToken(key, { azp: 'https://evil.example.com' }));
    expect(errors?.[0].meta).toEqual({ azp: 'https://evil.example.com', authorizedParties: ['https://app.example.com'] });
  });

  it('cuts and sanitises a huge azp, and leaves a missing one out', async () => {
    const huge = await verifier.verify(sessionToken(key, { azp: `https://${'a'.repeat(5000)}\n` }));
    const azp = (huge.errors?.[0].meta as { azp: string }).azp;
    expect(azp.length).toBeLessThanOrEqual(65);
    expect(azp).not.toContain('\n');
    const missing = await verifier.verify(sessionToken(key, { azp: undefined }));
    expect(missing.errors?.[0].meta).toEqual({ authorizedParties: ['https://app.example.com'] });
  });
});
