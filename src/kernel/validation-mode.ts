// What the client does with a 2xx body, and webhooks with a signed event, that does not match the schema.
/**
 * What to do when a 2xx body (or a signed webhook event) does not match its schema:
 *
 * - `'warn'` (the default): a body whose fields deviate comes back as `data`, unchanged, with `warnings` listing
 *   each deviation; the logger reports a deviation once per operation (or event type) and path per process. A
 *   body whose root cannot be any documented shape (an array or a string where an object is documented) is
 *   still an error.
 * - `'error'`: strict; any deviation gives `response_validation_failed` (`event_invalid` for webhooks). For tests
 *   and CI, where a deviation should fail loudly.
 * - `'off'`: not checked.
 *
 * @example
 * const mode: ResponseValidationMode = 'error'; // strict, in tests
 */
export type ResponseValidationMode = 'warn' | 'error' | 'off';

/** The modes, for option checks. */
export const VALIDATION_MODES: readonly ResponseValidationMode[] = ['warn', 'error', 'off'];
