import type { ApiResult } from './api-result.js';
import type { Paginator } from './paginate.js';
import type { RequestOptions } from './request-options.js';

/**
 * What the generator says about one operation's types (`OperationSignatures[operationId]`).
 *
 * @example
 * type GetUser = { pathParams: [user_id: string]; params: undefined; paramsRequired: false; data: User };
 */
export interface OperationSignature {
  pathParams: unknown[];
  /** Query object (no body) or body; `undefined` when the operation takes neither. */
  params: unknown;
  paramsRequired: boolean;
  /** JSON type of the 2xx body; `undefined` when there is none. */
  data: unknown;
  /** Element type, present only on offset-paginated lists. */
  item?: unknown;
}

/**
 * Positional arguments of a method: path params in path order, then params (required when the
 * spec says so, absent when the operation has none), then request options.
 *
 * @example
 * type Args = MethodArgs<{ pathParams: [id: string]; params: undefined; paramsRequired: false; data: 1 }>;
 * // [id: string, options?: RequestOptions]
 */
export type MethodArgs<S extends OperationSignature> = [S['params']] extends [undefined]
  ? [...S['pathParams'], options?: RequestOptions]
  : S['paramsRequired'] extends true
    ? [...S['pathParams'], params: S['params'], options?: RequestOptions]
    : [...S['pathParams'], params?: S['params'], options?: RequestOptions];

/**
 * The typed method of one operation, with `.all()` when the operation is paginated.
 *
 * @example
 * const method: OperationMethod<Sig> = clerk.users.getUser;
 */
export type OperationMethod<S extends OperationSignature> = ((...args: MethodArgs<S>) => Promise<ApiResult<S['data']>>) &
  (S extends { item: infer Item } ? { all(...args: MethodArgs<S>): Paginator<Item> } : unknown);

/**
 * The client's namespaces, mapped from the generator's `ResourceMap` (namespace → method →
 * operationId) and `OperationSignatures` (operationId → types).
 *
 * @example
 * type Client = ApiResources<OperationSignatures, ResourceMap>; // Client['users']['getUser']
 */
export type ApiResources<Signatures, Resources> = {
  readonly [Namespace in keyof Resources]: {
    readonly [Method in keyof Resources[Namespace]]: Resources[Namespace][Method] extends keyof Signatures
      ? Signatures[Resources[Namespace][Method]] extends OperationSignature
        ? OperationMethod<Signatures[Resources[Namespace][Method]]>
        : never
      : never;
  };
};
