import type { ZodMiniType as ZodType } from 'zod/mini';
import type { RequestShape } from './unknown-params.js';

/** HTTP methods used by the Backend API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How one query parameter is serialised (OpenAPI `style: form`; `explode` defaults to true). */
export interface QueryParamDef {
  readonly name: string;
  /** `true`: `?a=1&a=2`; `false`: `?a=1,2`. Only meaningful for arrays. */
  readonly explode: boolean;
  /** Read by the unknown-parameter check: a missing required query parameter is refused before sending. */
  readonly required: boolean;
}

/**
 * One Backend API operation, as the generator describes it in `src/generated/operations.ts`.
 * The runtime client needs nothing else to send a request and validate its response.
 */
export interface OperationDef {
  /** The spec's operationId, e.g. `GetUser`. */
  readonly operationId: string;
  /** camelCase namespace on the client, e.g. `users`. */
  readonly namespace: string;
  /** lowerCamelCase method name, e.g. `getUser`. */
  readonly methodName: string;
  readonly method: HttpMethod;
  /** Path template relative to the API version root, e.g. `/users/{user_id}`. */
  readonly path: string;
  /** Path parameter names, in the order they appear in `path` (= positional argument order). */
  readonly pathParams: readonly string[];
  readonly query: readonly QueryParamDef[];
  /** Request body content type; absent when the operation takes no body. */
  readonly body?: 'json' | 'multipart';
  /** Read by the unknown-parameter check: an absent body still has its required fields checked. */
  readonly bodyRequired?: boolean;
  /** The keys the body may have (from `src/generated/request-shapes.ts`); without it only query keys are checked. */
  readonly bodyShape?: RequestShape | 0;
  /** The top-level fields an object body must have (from `src/generated/request-shapes.ts`). */
  readonly requiredBodyFields?: readonly string[];
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
   * Documented response statuses (`'200'`, `'4XX'`, `'default'`…) → lazily built validator. The generated
   * table returns a promise, so that zod and the validators load only when a fast check says no.
   */
  readonly responses: Readonly<Record<string, () => ZodType | Promise<ZodType>>>;
  /**
   * Allocation-free checks that accept exactly what the validator of the same status accepts: the client
   * runs one first and builds and runs the zod validator only when it says no (zod explains why).
   */
  readonly checks?: Readonly<Record<string, (value: unknown) => boolean>>;
  /**
   * A list whose query parameter `parameter` set to `true` switches the `status` response to `{ data, total_count }`:
   * that response is validated with these instead of `responses`/`checks`, and `.all()` asks for it.
   */
  readonly paged?: {
    readonly parameter: string;
    readonly status: string;
    readonly response: () => ZodType | Promise<ZodType>;
    readonly check: (value: unknown) => boolean;
  };
}
