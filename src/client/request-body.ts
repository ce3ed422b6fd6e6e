import { defaultBodySerializer } from 'openapi-fetch';

/**
 * Serialises one call's body, once, before the first attempt, so that retries resend exactly the same bytes and
 * serialisation problems become `params_invalid` results instead of throws. `undefined` means no body.
 *
 * @example
 * const serialize: BodySerializer = serializeJsonBody;
 */
export type BodySerializer = (body: unknown) => string | FormData | undefined;

/**
 * Serialises a JSON body with openapi-fetch's `defaultBodySerializer` (a `FormData` goes through unchanged).
 *
 * @example
 * serializeJsonBody({ first_name: 'Ada' }); // '{"first_name":"Ada"}'
 */
export function serializeJsonBody(body: unknown): string | FormData | undefined {
  if (body === undefined) return undefined;
  return defaultBodySerializer(body);
}
