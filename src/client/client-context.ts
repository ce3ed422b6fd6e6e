import { mergeHeaders } from 'openapi-fetch';
import type { ClientLogger } from '../kernel/logger.js';
import type { ClientConfig } from './client-options.js';
import { redactDeep } from '../kernel/redact-deep.js';
import { redactSecretKeys } from '../kernel/secret-key.js';

/**
 * Everything a call needs besides its arguments. The secret lives only in the closures of
 * `headersFor` and `redact`: no property holds it, so `JSON.stringify`/`util.inspect` cannot reach it.
 *
 * @example
 * const context: ClientContext = createClientContext(config, secretKey);
 */
export interface ClientContext {
  readonly config: ClientConfig;
  /** The headers of one call: the caller's, then ours (`Authorization` always the client's own). */
  headersFor(callerHeaders: Headers, jsonBody: boolean): Headers;
  /** Removes the configured secret and any other secret-key-shaped token from a text. */
  redact(text: string): string;
  /** The configured logger, with every string of a message and its details redacted. */
  readonly logger: Required<ClientLogger>;
}

/**
 * Builds the {@link ClientContext} of one client.
 *
 * @example
 * const context = createClientContext(config, 'sk_test_abc');
 * const headers = context.headersFor(new Headers(), false);
 */
export function createClientContext(config: ClientConfig, secretKey: string): ClientContext {
  const authorization = `Bearer ${secretKey}`;
  const ours = { Accept: 'application/json', 'Clerk-API-Version': config.specVersion, Authorization: authorization };
  const redact = (text: string): string => redactSecretKeys(text, secretKey);
  const { logger } = config;
  const clean = (details: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
    details === undefined ? undefined : (redactDeep(details, redact) as Record<string, unknown>);
  return {
    config,
    // Lowest to highest priority: Content-Type and User-Agent may be overridden by the caller; the rest may not.
    headersFor: (callerHeaders, jsonBody) =>
      mergeHeaders(jsonBody ? { 'Content-Type': 'application/json' } : undefined, { 'User-Agent': config.userAgent }, callerHeaders, ours),
    redact,
    logger: {
      warn: (message, details) => logger.warn(redact(message), clean(details)),
      debug: (message, details) => logger.debug?.(redact(message), clean(details)),
    },
  };
}
