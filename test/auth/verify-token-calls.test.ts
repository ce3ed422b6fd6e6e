import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/auth/index.js';
import { NOW_MS, sessionToken, testKey } from './helpers/keys.js';

// verifyToken's per-call options (now, fetch, logger), which a cached verifier takes from every call, and its
// exact refusals of options it cannot read or use.

const key = testKey('ins_calls');
const token = sessionToken(key);
const EXPECTED: Record<string, string> = { now: 'a function', fetch: 'a function', logger: 'an object with a warn method' };

describe('verifyToken per-call options', () => {
  it('refuses a now, fetch or logger it cannot use, also when the verifier is cached', async () => {
    expect((await verifyToken(token, { jwtKey: key.pem, now: () => NOW_MS })).errors).toBeUndefined();
    for (const bad of [{ now: 5 }, { fetch: 'fetch' }, { logger: {} }, { logger: null }, { logger: 'console' }]) {
      const result = await verifyToken(token, { jwtKey: key.pem, now: () => NOW_MS, ...bad } as never);
      const option = Object.keys(bad)[0] ?? '';
      const refusal = { code: 'options_invalid', message: `The ${option} option must be ${EXPECTED[option]}.`, meta: { option } };
      expect(result.errors, JSON.stringify(bad)).toEqual([refusal]);
    }
  });

  it('takes a usable logger and fetch per call', async () => {
    const logger = { warn: () => undefined };
    const fetch = (() => Promise.reject(new Error('unused'))) as typeof globalThis.fetch;
    expect((await verifyToken(token, { jwtKey: key.pem, now: () => NOW_MS, logger, fetch })).errors).toBeUndefined();
  });

  it("uses the real clock without a now option, and checks an injected clock's answers", async () => {
    // The test token expired in 2024, so the real clock refuses it.
    expect((await verifyToken(token, { jwtKey: key.pem })).errors?.[0].code).toBe('token_expired');
    expect((await verifyToken(token, { jwtKey: key.pem, now: () => Number.NaN })).errors).toEqual([
      { code: 'options_invalid', message: 'Verification could not run: an injected option (now, fetch) failed.' },
    ]);
  });

  it('refuses options it cannot read with one message', async () => {
    const unreadable = { code: 'options_invalid', message: 'The options could not be read.' };
    const throwing = {
      jwtKey: key.pem,
      get audience(): string {
        throw new Error('getter');
      },
    };
    expect((await verifyToken(token, throwing)).errors).toEqual([unreadable]);
    expect((await verifyToken(token, 'jwtKey' as never)).errors).toEqual([unreadable]);
  });

  it('copies object options, so changing them afterwards changes nothing', async () => {
    const authorizedParties = ['https://app.example.com'];
    const options = { jwtKey: key.pem, now: () => NOW_MS, authorizedParties };
    expect((await verifyToken(token, options)).errors).toBeUndefined();
    authorizedParties[0] = 'https://other.example.com';
    expect((await verifyToken(token, options)).errors?.[0].code).toBe('token_invalid_authorized_party');
    authorizedParties[0] = 'https://app.example.com';
    expect((await verifyToken(token, options)).errors).toBeUndefined();
  });
});
