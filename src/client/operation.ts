import type { Shape } from '../kernel/shape.js';

/**
 * The client's method name of an operation: `methodName` when the definition has one, else its operationId with a
 * lower-case first letter (`GetUser` → `getUser`). Derived rather than stored for most operations, which keeps
 * about 1 KB (gzip) of names out of the whole-client bundle.
 *
 * @example
 * methodNameOf({ operationId: 'GetUser' }); // 'getUser'
 * methodNameOf({ operationId: 'GetJWKS', methodName: 'getJwks' }); // 'getJwks'
 */
export function methodNameOf(def: Pick<OperationDef, 'operationId' | 'methodName'>): string {
  return def.methodName ?? def.operationId.charAt(0).toLowerCase() + def.operationId.slice(1);
}

/** HTTP methods used by the Backend API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How one query parameter is serialised (OpenAPI `style: form`; `explode` defaults to true). */
export interface QueryParamDef {
  readonly name: string;
  /** `true`: `?a=1&a=2`; `false`: `?a=1,2`. Only meaningful for arrays. */
  readonly explode: boolean;
}

/**
 * One Backend API operation, as the generator describes it in `src/generated/operations.ts`: the client's table
 * and the standalone functions read the same object. The runtime needs nothing else to send a request and
 * validate its response.
 */
export interface OperationDef {
  /** The spec's operationId, e.g. `GetUser`. */
  readonly operationId: string;
  /** camelCase namespace on the client, e.g. `users`. */
  readonly namespace: string;
  /** The method name when it is not the operationId with a lower-case first letter (see {@link methodNameOf}). */
  readonly methodName?: string;
  readonly method: HttpMethod;
  /** Path template relative to the API version root, e.g. `/users/{user_id}`. */
  readonly path: string;
  /** Path parameter names, in the order they appear in `path` (= positional argument order). */
  readonly pathParams: readonly string[];
  readonly query: readonly QueryParamDef[];
  /** Request body content type; absent when the operation takes no body. */
  readonly body?: 'json' | 'multipart';
  /** Read by the params check: an absent body that the spec requires still has its required fields checked. */
  readonly bodyRequired?: boolean;
  /**
   * The params (the query parameters as one object, or the body) as strictly as their types: every key, type
   * and enum value is checked before anything is sent. Absent when the operation takes no params.
   */
  readonly params?: Shape;
  /**
   * Pagination shape of an offset-paginated list (`limit`/`offset` query params):
   * `envelope` = `{ data: T[], total_count }`, `array` = a bare `T[]`.
   */
  readonly pagination?: 'envelope' | 'array';
  /**
   * The success response is documented without a JSON body (an HTML page, a 202/204): its body is returned
   * as text (`undefined` when empty) instead of being parsed as JSON.
   */
  readonly textSuccess?: boolean;
  /**
   * Success statuses (`'200'`, `'2XX'`) → the shape of the body (src/kernel/shape.ts), walked to decide whether it
   * matches and, when it does not, to say where it departs from the schema.
   */
  readonly shapes?: Readonly<Record<string, Shape>>;
  /**
   * A list whose query parameter `parameter` set to `true` switches the `status` response to `{ data, total_count }`:
   * that response is validated with this shape instead of `shapes`, and `.all()` asks for it.
   */
  readonly paged?: {
    readonly parameter: string;
    readonly status: string;
    readonly shape: Shape;
  };
}
