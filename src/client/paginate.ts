import type { Mismatch } from '../kernel/describe-mismatch.js';
import type { ApiError } from './api-error.js';
import type { ApiResult } from './api-result.js';
import type { NonEmptyArray, Result } from '../kernel/result.js';

/**
 * Every item of an offset-paginated list, fetched page by page on demand. Iteration never
 * throws: when a page fails it stops and `errors` says why (check it after the loop).
 *
 * @example
 * const users = clerk.users.getUserList.all({ limit: 100 });
 * for await (const user of users) console.log(user.id);
 * if (users.errors) console.error(users.errors[0].code);
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /** Why the last iteration stopped early; `undefined` when it reached the end. */
  readonly errors: NonEmptyArray<ApiError> | undefined;
  /**
   * Where the pages read so far deviate from the spec (`responseValidation: 'warn'`, the default), each path
   * relative to its page (at most 100); `undefined` when none did.
   */
  readonly warnings: NonEmptyArray<Mismatch> | undefined;
  /** The list's `total_count` once the first page has arrived (lists that report one); `undefined` before. */
  readonly totalCount: number | undefined;
  /** Collects every item, or returns the first failure. */
  toArray(): Promise<Result<T[], ApiError>>;
}

const MAX_WARNINGS = 100;

/**
 * Creates a {@link Paginator} over `fetchPage`, advancing `offset` by the items received and
 * stopping on an empty page, a short page, or `total_count` (for `{ data, total_count }` lists).
 *
 * @example
 * const pages = paginate('array', { limit: 10 }, signal, (query) => sendOperation(…, query, …));
 */
export function paginate<T>(
  shape: 'envelope' | 'array',
  params: Record<string, unknown> | undefined,
  signal: AbortSignal | undefined,
  fetchPage: (params: Record<string, unknown>) => Promise<ApiResult<unknown>>,
): Paginator<T> {
  let errors: NonEmptyArray<ApiError> | undefined;
  let totalCount: number | undefined;
  let warnings: Mismatch[] = [];
  const limit = typeof params?.['limit'] === 'number' ? params['limit'] : undefined;
  const startOffset = typeof params?.['offset'] === 'number' ? params['offset'] : 0;

  async function* iterate(): AsyncGenerator<T> {
    errors = undefined;
    warnings = [];
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
      errors = [{ code: 'params_invalid', message: 'Invalid params for a paginated list: params must be an object.' }];
      return;
    }
    let offset = startOffset;
    let pageSize = limit;
    for (;;) {
      if (signal?.aborted) {
        errors = [{ code: 'aborted', message: 'The request was aborted by the caller.' }];
        return;
      }
      const result = await fetchPage({ ...params, offset });
      if (result.errors) {
        errors = result.errors;
        return;
      }
      if (result.warnings !== undefined && warnings.length < MAX_WARNINGS)
        warnings.push(...result.warnings.slice(0, MAX_WARNINGS - warnings.length));
      const page = pageOf(shape, result.data);
      if (page === undefined) {
        errors = [
          {
            code: 'response_validation_failed',
            message: `Expected a ${shape === 'array' ? 'JSON array' : '{ data, total_count }'} page.`,
            status: result.status,
          },
        ];
        return;
      }
      totalCount = page.totalCount ?? totalCount;
      yield* page.items as T[];
      offset += page.items.length;
      // Without a limit the server's default page size is learnt from the first page.
      pageSize ??= page.items.length;
      const reachedTotal = page.totalCount !== undefined && offset >= page.totalCount;
      if (page.items.length === 0 || page.items.length < pageSize || reachedTotal) return;
    }
  }

  return {
    get errors() {
      return errors;
    },
    get totalCount() {
      return totalCount;
    },
    get warnings() {
      return warnings.length > 0 ? (warnings as NonEmptyArray<Mismatch>) : undefined;
    },
    [Symbol.asyncIterator]: iterate,
    async toArray() {
      const items: T[] = [];
      for await (const item of iterate()) items.push(item);
      return errors ? { errors } : { data: items };
    },
  };
}

function pageOf(shape: 'envelope' | 'array', data: unknown): { items: unknown[]; totalCount: number | undefined } | undefined {
  if (shape === 'array') return Array.isArray(data) ? { items: data, totalCount: undefined } : undefined;
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { data?: unknown }).data)) return undefined;
  const { data: items, total_count: total } = data as { data: unknown[]; total_count?: unknown };
  return { items, totalCount: typeof total === 'number' ? total : undefined };
}
