/**
 * Where the client reports things that are not results: validation issues in `'warn'` mode
 * (`warn`) and retries (`debug`). Details never contain the secret key or request headers.
 *
 * @example
 * const logger: ClientLogger = { warn: (message, details) => console.warn(message, details) };
 */
export interface ClientLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  debug?(message: string, details?: Record<string, unknown>): void;
}

/**
 * The logger used when none is given: `console.warn` for warnings, debug output dropped.
 *
 * @example
 * consoleLogger.warn('response did not match the schema', { operationId: 'GetUser' });
 */
export const consoleLogger: ClientLogger = {
  warn(message, details) {
    console.warn(`[clerk-bapi] ${message}`, details ?? {});
  },
};

/** One wrapper per logger, so that what a logger was told (see reportOnce) is remembered across clients. */
const wrappers = new WeakMap<ClientLogger, ClientLogger>();

/**
 * Wraps a caller's logger so that a logger which throws can never turn a result into an exception. The same
 * logger always gets the same wrapper.
 *
 * @example
 * const safe = guardLogger({ warn: () => { throw new Error('boom'); } });
 * safe.warn('ignored'); // does not throw
 */
export function guardLogger(logger: ClientLogger): ClientLogger {
  let guarded = wrappers.get(logger);
  if (guarded === undefined) wrappers.set(logger, (guarded = wrap(logger)));
  return guarded;
}

function wrap(logger: ClientLogger): ClientLogger {
  const guarded: ClientLogger = {
    warn(message, details) {
      try {
        logger.warn(message, details);
      } catch {
        // A broken logger must not break the call it reports on.
      }
    },
  };
  if (typeof logger.debug === 'function') {
    const debug = logger.debug.bind(logger);
    guarded.debug = (message, details) => {
      try {
        debug(message, details);
      } catch {
        // Same as warn.
      }
    };
  }
  return guarded;
}
