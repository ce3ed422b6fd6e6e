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
