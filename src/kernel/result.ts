/**
 * The one result shape of the SDK: either `data` or a non-empty `errors` array, never both.
 * Split with `never` so that `if (result.errors)` narrows `result.data` (STYLE.md rule 5).
 *
 * @example
 * const result: Result<number, { code: string; message: string }> = { data: 1 };
 * if (!result.errors) result.data.toFixed();
 */
export type Result<T, E> = { data: T; errors?: never } | { data?: never; errors: NonEmptyArray<E> };

/** An array with at least one element. */
export type NonEmptyArray<T> = [T, ...T[]];

/**
 * The error shape shared by the Backend API client and the auth layer; it mirrors Clerk's own
 * `errors[]` objects (`code`, `message`, `long_message`, `meta`) in camelCase, the top-level keys of `meta` included.
 *
 * @example
 * const error: ClerkError = { code: 'token_expired', message: 'The token has expired.' };
 */
export interface ClerkError<Code extends string = string> {
  code: Code;
  message: string;
  longMessage?: string;
  meta?: Record<string, unknown>;
}
