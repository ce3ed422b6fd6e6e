import createFetchClient from 'openapi-fetch';
import type { ClientConfig } from './client-options.js';
import { redactSecret } from './secret-key.js';
import type { FetchClient, Transport } from './send-operation.js';

/**
 * Creates the openapi-fetch client and keeps the secret in this closure only: no object the
 * client exposes has it as a property, so `JSON.stringify`/`util.inspect` cannot reach it.
 *
 * @example
 * const transport = createTransport(config, 'sk_test_abc');
 */
export function createTransport(config: ClientConfig, secretKey: string): Transport {
  const authorization = `Bearer ${secretKey}`;
  // openapi-fetch types `request()` by a generated `paths` interface; the operation table plays
  // that role here, so the client is used through the narrower FetchClient shape.
  const client = createFetchClient({ baseUrl: config.baseUrl }) as unknown as FetchClient;
  return {
    config,
    client,
    authorize: (headers) => headers.set('Authorization', authorization),
    redact: (text) => redactSecret(text, secretKey),
  };
}
