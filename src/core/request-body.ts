/**
 * Serialises one call's body, once, before the first attempt, so that retries resend exactly the same bytes and
 * serialisation problems become `params_invalid` results instead of throws. `undefined` means no body.
 *
 * @example
 * const serialize: BodySerializer = serializeJsonBody;
 */
export type BodySerializer = (body: unknown) => string | FormData | undefined;

/**
 * Serialises a JSON body: openapi-fetch's `defaultBodySerializer` without its form-urlencoded branch, which needs
 * a Content-Type we never pass (a `FormData` still goes through unchanged, as there).
 *
 * @example
 * serializeJsonBody({ first_name: 'Ada' }); // '{"first_name":"Ada"}'
 */
export function serializeJsonBody(body: unknown): string | FormData | undefined {
  if (body === undefined) return undefined;
  return body instanceof FormData ? body : JSON.stringify(body);
}
