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
  /** The `{ data, total_count }` body a list answers when `pagedParameter` is `true`. */
  paged?: unknown;
  pagedParameter?: string;
}

/**
 * The arguments of a list call whose `paginated` switch is set to `value` (`true`, or `false`/absent).
 *
 * @example
 * type Args = PagedArgs<Sig, 'paginated', true>; // [params: ListInvitationsParams & { paginated: true }, options?]
 */
export type PagedArgs<S extends OperationSignature, Parameter extends string, Value extends boolean> = [
  ...S['pathParams'],
  ...(Value extends true
    ? [params: S['params'] & { [K in Parameter]: true }, options?: RequestOptions]
    : [params?: S['params'] & { [K in Parameter]?: false }, options?: RequestOptions]),
];

/**
 * A list method whose return type follows its `paginated` switch: `{ data, total_count }` with `true`, the bare
 * list without it, and either when the switch is only known at run time.
 *
 * @example
 * const { data } = await clerk.invitations.listInvitations({ paginated: true }); // data?.total_count: number
 */
export type PagedMethod<S extends OperationSignature, Parameter extends string> = {
  (...args: PagedArgs<S, Parameter, true>): Promise<ApiResult<S['paged']>>;
  (...args: PagedArgs<S, Parameter, false>): Promise<ApiResult<S['data']>>;
  (...args: MethodArgs<S>): Promise<ApiResult<S['data'] | S['paged']>>;
};

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
export type OperationMethod<S extends OperationSignature> = (S extends { pagedParameter: infer Parameter extends string }
  ? PagedMethod<S, Parameter>
  : (...args: MethodArgs<S>) => Promise<ApiResult<S['data']>>) &
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
