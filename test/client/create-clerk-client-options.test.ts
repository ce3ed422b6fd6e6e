import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createClerkClient } from '../../src/index.js';
import { NOW_MS, sessionToken, testKey } from '../auth/helpers/keys.js';

// createClerkClient takes what @clerk/backend's createClerkClient takes, and clerk.authenticateRequest uses it.

const key = testKey('ins_client_options');

describe("createClerkClient with @clerk/backend's options", () => {
  it('authenticates networklessly with the client jwtKey and publishableKey', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    const clerk = createClerkClient({
      secretKey: 'sk_test_clientoptions',
      jwtKey: key.pem,
      publishableKey: `pk_test_${btoa('clerk.example.com$')}`,
      apiVersion: 'v1',
      sdkMetadata: { name: 'x' },
      telemetry: { disabled: true },
      fetch,
    });
    const token = sessionToken(key, { iss: 'https://clerk.example.com' });
    const request = new Request('https://app.example.com/', { headers: { authorization: `Bearer ${token}` } });
    const state = await clerk.authenticateRequest(request, { now: () => NOW_MS });
    expect(state.status).toBe('signed-in');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an unusable jwtKey at construction, naming it', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => createClerkClient({ secretKey: 'sk_test_clientoptions', jwtKey: ec })).toThrow(
      'createClerkClient: The jwtKey option must be an RSA public key',
    );
  });
});
