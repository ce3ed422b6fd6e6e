import { LOGGER } from '../../kernel/check-options.js';
import { consoleLogger } from '../../kernel/logger.js';
import { reportPerWindow } from '../../kernel/report-per-window.js';
import type { AuthLogger } from '../key-source.js';
import type { AuthFailure } from './reasons.js';
import type { TokenType } from './token-types.js';

/**
 * Reasons that say this server cannot authenticate (no way to verify a machine token, the Backend API unreachable,
 * unusable options), as opposed to a bad request. JWKS failures are reported where the key set is loaded
 * (jwks-engine.ts), once per fetch cause, so they are not repeated here.
 */
const REPORTED: ReadonlySet<AuthFailure['reason']> = new Set<AuthFailure['reason']>([
  'machine_verification_unavailable',
  'options_invalid',
]);

/**
 * Tells the server log why authentication could not run: once per cause (reason, token kind, message) per
 * `REPORT_WINDOW_MS` (60 s) to each logger, never on every request. Messages of these reasons are fixed
 * sentences or option names: no token, no secret (and secret-key shapes are redacted anyway).
 *
 * @example
 * reportServerSide(options.logger, { reason: 'machine_verification_unavailable', message: '…' }, 'api_key', Date.now);
 */
export function reportServerSide(
  logger: AuthLogger | undefined,
  failure: AuthFailure,
  tokenType: TokenType | undefined,
  now: () => number,
): void {
  if (!REPORTED.has(failure.reason)) return;
  try {
    // The logger option itself may be what made the options unusable: then the default logger is told.
    const target = LOGGER[0](logger) ? (logger as AuthLogger) : consoleLogger;
    const cause = `${failure.reason} ${tokenType ?? '-'} ${failure.message}`;
    const message =
      failure.reason === 'options_invalid'
        ? 'Request authentication cannot run with these options; every request is signed out.'
        : 'A machine token was refused because it could not be verified (no client or secret key to ask the Backend API, or no usable answer from it).';
    reportPerWindow(target, cause, now(), message, { reason: failure.reason, tokenType, detail: failure.message });
  } catch {
    // An injected clock that throws must not turn a signed-out answer into an exception.
  }
}
