// What the client does with a 2xx body, and webhooks with a signed event, that does not match the schema.
/**
 * What to do when a 2xx body does not match the operation's schema: fail, log and return, or skip.
 *
 * @example
 * const mode: ResponseValidationMode = 'warn';
 */
export type ResponseValidationMode = 'error' | 'warn' | 'off';
