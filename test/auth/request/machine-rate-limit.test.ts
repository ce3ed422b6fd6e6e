import { describe, expect, it } from 'vitest';
import { verifyWithClient } from '../../../src/auth/request/machine-token-client.js';

// Found by the soak (test/soak): a rate-limited machine-token endpoint (429) was reported as "the Backend API does
// not accept this machine token", sending operators after a valid token instead of the rate limit.

const answering = (status: number) => ({
  m2m: { verifyM2mToken: async () => ({ errors: [{ code: 'too_many_requests', message: 'slow down', status }] }) },
});

describe('machine token verification when the Backend API gives no verdict', () => {
  it.each([429, 408])('reports a %i answer as machine_verification_unavailable, not as an invalid token', async (status) => {
    expect(await verifyWithClient(answering(status), 'm2m_token', 'mt_1')).toMatchObject({ reason: 'machine_verification_unavailable' });
  });

  it.each([400, 401, 404, 422])('still reports a %i answer as machine_token_invalid', async (status) => {
    expect(await verifyWithClient(answering(status), 'm2m_token', 'mt_1')).toMatchObject({ reason: 'machine_token_invalid' });
  });
});
