// `clerk.request()`: the escape hatch for endpoints the pinned spec lacks (`DELETE /invitations/{id}`, a beta
// route). It goes through the same pipeline as every generated method (auth header, retries, timeouts, byte cap,
// redaction, `{ data, errors }`), with nothing checked but the request's own shape and nothing validated in the answer.
import { isRecord } from '../kernel/guards.js';
import type { ApiResult } from './api-result.js';
import { failWith, failWithoutResponse } from './api-result.js';
import type { ClientContext } from './client-context.js';
import type { HttpMethod, OperationDef } from './operation.js';
import { buildPath } from './path-params.js';
import { redactResult } from './redact-result.js';
import type { RequestOptions } from './request-options.js';
import { prepareOperation, sendOperation } from './send-operation.js';

/**
 * One request to any Backend API path.
 *
 * @example
 * const request: RawRequest = { method: 'DELETE', path: '/invitations/{id}', pathParams: { id: 'inv_123' } };
 */
export interface RawRequest {
  method: HttpMethod;
  /**
   * The path under the API version (`/invitations/inv_123`), starting with `/`; `{name}` placeholders are filled
   * from `pathParams`, each value URL-encoded and checked as the generated methods' path parameters are.
   */
  path: string;
  pathParams?: Record<string, string | number> | undefined;
  /** Query parameters; arrays repeat the key (`a=1&a=2`), `undefined` and `null` are left out. */
  query?: Record<string, unknown> | undefined;
  /** A JSON body: an object or an array. */
  body?: unknown;
}

/**
 * `clerk.request(request, options?)`.
 *
 * @example
 * const { data, errors } = await clerk.request({ method: 'DELETE', path: '/invitations/inv_123' });
 */
export type RawRequestMethod = <T = unknown>(request: RawRequest, options?: RequestOptions) => Promise<ApiResult<T>>;

const METHODS: readonly unknown[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Why a path cannot be sent, or undefined: it must stay a plain path under the API version. */
function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/') || path.startsWith('//')) return 'must start with a single "/"';
  if (/[?#\\\s\x00-\x1f\x7f]/.test(path))
    return 'must not contain "?", "#", "\\", whitespace or control characters (pass query parameters as query)';
  for (const segment of path.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'holds a malformed %-escape';
    }
    if (decoded === '.' || decoded === '..') return 'must not hold "." or ".." segments';
  }
  return undefined;
}

/**
 * Builds `clerk.request` over one client's context.
 *
 * @example
 * Object.defineProperty(client, 'request', { value: createRawRequest(context) });
 */
export function createRawRequest(context: ClientContext): RawRequestMethod {
  const invalid = (message: string) =>
    Promise.resolve(redactResult(failWithoutResponse('params_invalid', `Invalid request: ${message}`), context.redact));
  return <T>(request: RawRequest, options?: RequestOptions): Promise<ApiResult<T>> => {
    let method: unknown;
    let template: unknown;
    let pathParams: unknown;
    let query: unknown;
    let body: unknown;
    try {
      ({ method, path: template, pathParams, query, body } = request);
    } catch {
      return invalid('the request object could not be read.') as Promise<ApiResult<T>>;
    }
    if (!METHODS.includes(method)) return invalid('method must be GET, POST, PUT, PATCH or DELETE.') as Promise<ApiResult<T>>;
    if (typeof template !== 'string') return invalid('path must be a string.') as Promise<ApiResult<T>>;
    if (pathParams !== undefined && !isRecord(pathParams)) return invalid('pathParams must be an object.') as Promise<ApiResult<T>>;
    if (query !== undefined && !isRecord(query)) return invalid('query must be an object.') as Promise<ApiResult<T>>;
    const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
    const filled = buildPath(
      template,
      names,
      names.map((name) => (pathParams as Record<string, unknown> | undefined)?.[name]),
    );
    if (filled.errors) return Promise.resolve(redactResult(failWith(filled.errors), context.redact)) as Promise<ApiResult<T>>;
    const problem = pathProblem(filled.data);
    if (problem !== undefined) return invalid(`path ${problem}.`) as Promise<ApiResult<T>>;
    const hasBody = body !== undefined;
    const def: OperationDef = {
      operationId: `${method as string} ${template}`,
      namespace: '',
      method: method as HttpMethod,
      path: filled.data,
      pathParams: [],
      query: [],
      ...(hasBody ? { body: 'json' as const } : {}),
    };
    // No param check and no response rule: sent as given, answered as received.
    const operation = prepareOperation(def, undefined);
    const merged: RequestOptions | undefined =
      hasBody && query !== undefined ? { ...options, extraQuery: query as Record<string, unknown> } : options;
    return sendOperation(context, operation, [], hasBody ? body : query, merged) as Promise<ApiResult<T>>;
  };
}
