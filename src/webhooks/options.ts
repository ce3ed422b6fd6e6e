import { findOptionProblem, FUNCTION, LOGGER, oneOf, range, type OptionRule } from '../kernel/check-options.js';
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

/**
 * Every option of a webhook verifier, in the order they are checked; the secret has its own check when it is
 * imported (`secret_invalid`).
 */
export const WEBHOOK_OPTIONS = {
  signingSecret: null,
  toleranceInSeconds: range(0, 86_400, 'seconds'),
  eventValidation: oneOf(VALIDATION_MODES),
  logger: LOGGER,
  now: FUNCTION,
  maxBodyBytes: range(1, Number.MAX_SAFE_INTEGER, 'bytes', true),
} as const satisfies Record<keyof WebhookVerifierOptions, OptionRule | null>;

/**
 * Checks the options other than the secret: an unknown option (with the closest known name) or an unusable
 * value gives `options_invalid` naming it.
 *
 * @example
 * const { data: resolved } = resolveWebhookOptions({ signingSecret: 'whsec_…' });
 */
export function resolveWebhookOptions(options: Partial<WebhookVerifierOptions> | undefined): Result<ResolvedWebhookOptions, WebhookError> {
  if (typeof options !== 'object' || options === null)
    return failWebhook('options_invalid', 'The options must be an object with a signingSecret.');
  const problem = findOptionProblem(options, WEBHOOK_OPTIONS);
  if (problem) return failWebhook('options_invalid', problem.message, { option: problem.option });
  const { toleranceInSeconds = 300, eventValidation = 'warn', logger = consoleLogger, now = Date.now, maxBodyBytes = 1_048_576 } = options;
  return { data: { toleranceInSeconds, eventValidation, logger: guardLogger(logger), now, maxBodyBytes } };
}
