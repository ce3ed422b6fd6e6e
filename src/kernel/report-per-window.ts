import { BoundedMap } from './bounded-map.js';
import { redactSecretKeys } from './secret-key.js';

/**
 * How long a cause stays quiet after it was reported: a failing JWKS endpoint or an unreachable Backend API is
 * reported at most once per cause per minute to each logger, not on every request.
 */
export const REPORT_WINDOW_MS = 60_000;

/** Causes remembered per logger; past it the least recently reported is forgotten (and may be reported again). */
const MAX_CAUSES = 64;

/**
 * The slice of a logger a report needs: the client's and the verifier's loggers both fit.
 *
 * @example
 * const logger: WarnLogger = { warn: (message, details) => console.warn(message, details) };
 */
export interface WarnLogger {
  warn(message: string, details?: Record<string, unknown>): void;
}

// When each logger was last told about each cause. Keyed by the logger object, so two applications with their
// own loggers are each told; no timer runs: a cause is reported again once its stamp is a window old.
const stamps = new WeakMap<object, BoundedMap<string, number>>();

/**
 * Warns `logger` about `cause` unless this logger was told about it less than {@link REPORT_WINDOW_MS} ago
 * (by `nowMs`). The message and every string of `details` are redacted of secret-key-shaped values first; a
 * logger that throws is ignored. Returns whether the warning was sent.
 *
 * @example
 * reportPerWindow(console, 'jwks_timeout https://api.clerk.com/v1/jwks', Date.now(), 'The JWKS endpoint did not answer.', { url });
 */
export function reportPerWindow(
  logger: WarnLogger,
  cause: string,
  nowMs: number,
  message: string,
  details: Record<string, string | number | undefined>,
): boolean {
  // A broken clock must not turn the window off: fall back to the wall clock.
  const now = Number.isFinite(nowMs) ? nowMs : Date.now();
  let told = stamps.get(logger);
  if (told === undefined) stamps.set(logger, (told = new BoundedMap(MAX_CAUSES)));
  const last = told.get(cause);
  // A clock that stepped back by more than a window counts as a new window too, rather than muting the cause.
  if (last !== undefined && Math.abs(now - last) < REPORT_WINDOW_MS) return false;
  told.set(cause, now);
  const clean: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details)) {
    if (value !== undefined) clean[name] = typeof value === 'string' ? redactSecretKeys(value) : value;
  }
  try {
    logger.warn(redactSecretKeys(message), clean);
  } catch {
    // A broken logger must not break the request it reports on.
  }
  return true;
}
