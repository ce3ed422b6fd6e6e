import { consoleLogger, guardLogger, type ClientLogger } from '../kernel/logger.js';
import { VALIDATION_MODES, type ResponseValidationMode } from '../kernel/validation-mode.js';
import type { Result } from '../kernel/result.js';
import { failWebhook, type WebhookError } from './errors.js';

/**
 * How to verify deliveries.
 *
 * @example
 * const options: WebhookVerifierOptions = { signingSecret: 'whsec_…', toleranceInSeconds: 300 };
 */
export interface WebhookVerifierOptions {
  /** The endpoint's signing secret from the Clerk Dashboard (`whsec_…`; the prefix is optional). */
  signingSecret: string;
  /** How far the `webhook-timestamp` may be from now, either way; 0–86400 s. Default 300. */
  toleranceInSeconds?: number | undefined;
  /**
   * What to do when an event does not match its schema, as the client's `responseValidation`: `'warn'` (the
   * default) returns the event with `warnings` (logged once per event type and path), `'error'` gives
   * `event_invalid` (strict, for tests and CI), `'off'` skips validation. An event whose `data` is not an object
   * where one is documented is `event_invalid` unless `'off'`.
   */
  eventValidation?: ResponseValidationMode | undefined;
  /** Receives the deviations `'warn'` mode reports. Default `console.warn`. */
  logger?: ClientLogger | undefined;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** The largest body verified; a `Request` body is read no further (`body_too_large`). Default 1048576 (1 MiB). */
  maxBodyBytes?: number | undefined;
}

/** Options with defaults filled in; the secret is deliberately absent. */
export interface ResolvedWebhookOptions {
  readonly toleranceInSeconds: number;
  readonly eventValidation: ResponseValidationMode;
  readonly logger: ClientLogger;
  readonly now: () => number;
  readonly maxBodyBytes: number;
}

const MAX_TOLERANCE = 86_400;

/**
 * Checks the options other than the secret; unusable ones give `options_invalid` (nothing throws).
 *
 * @example
 * const { data: resolved } = resolveWebhookOptions({ signingSecret: 'whsec_…' });
 */
export function resolveWebhookOptions(options: Partial<WebhookVerifierOptions> | undefined): Result<ResolvedWebhookOptions, WebhookError> {
  if (typeof options !== 'object' || options === null)
    return failWebhook('options_invalid', 'The options must be an object with a signingSecret.');
  const { toleranceInSeconds = 300, eventValidation = 'warn', logger = consoleLogger, now = Date.now, maxBodyBytes = 1_048_576 } = options;
  if (typeof toleranceInSeconds !== 'number' || !(toleranceInSeconds >= 0 && toleranceInSeconds <= MAX_TOLERANCE)) {
    return failWebhook('options_invalid', `toleranceInSeconds must be a number from 0 to ${MAX_TOLERANCE}.`);
  }
  if (!(VALIDATION_MODES as readonly unknown[]).includes(eventValidation))
    return failWebhook('options_invalid', "eventValidation must be 'error', 'warn' or 'off'.");
  if (typeof now !== 'function') return failWebhook('options_invalid', 'now must be a function returning milliseconds.');
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    return failWebhook('options_invalid', 'maxBodyBytes must be a positive whole number of bytes.');
  }
  if (typeof logger !== 'object' || logger === null || typeof logger.warn !== 'function') {
    return failWebhook('options_invalid', 'logger must have a warn(message, details) method.');
  }
  return { data: { toleranceInSeconds, eventValidation, logger: guardLogger(logger), now, maxBodyBytes } };
}
