import { failWithoutResponse } from './api-result.js';
import type { ApiResources } from './client-types.js';
import { parseClientOptions, type ClientOptions } from './client-options.js';
import { createClientContext, type ClientContext } from './client-context.js';
import { describeFailure } from './describe-failure.js';
import { methodNameOf, type OperationDef } from './operation.js';
import { paginate } from './paginate.js';
import type { RequestOptions } from './request-options.js';
import { redactResult } from './redact-result.js';
import { defineRedactedView } from '../kernel/redacted-view.js';
import { checkParamValues } from './check-param-values.js';
import { encodeMultipart } from './multipart-body.js';
import { prepareOperation, sendOperation, type PreparedOperation } from './send-operation.js';
import { createRawRequest, type RawRequestMethod } from './raw-request.js';

/**
 * The client object: typed namespaces plus a redacted `toJSON`/`util.inspect` view.
 *
 * @example
 * const clerk: ApiClient<OperationSignatures, ResourceMap> = createApiClient(operations, '2026-05-12', options);
 */
export type ApiClient<Signatures, Resources> = ApiResources<Signatures, Resources> & {
  /** A description without the secret key. */
  toJSON(): { apiUrl: string; apiVersion: string; specVersion: string };
  /** Any Backend API path, for endpoints the spec lacks: same auth, retries, timeouts and redaction, nothing validated. */
  request: RawRequestMethod;
};

const RESERVED = new Set(['toJSON', 'toString', 'then', 'constructor', '__proto__', 'prototype', 'request', 'authenticateRequest']);

/**
 * Builds a client from any operation table; generic so that it is testable with a fixture table,
 * and `src/client.ts` instantiates it with the generated one. Throws a `TypeError` on bad options.
 *
 * @example
 * const client = createApiClient<Sigs, Resources>(fixtureOperations, '2026-05-12', { secretKey: 'sk_test_x' });
 * const result = await client.users.getUser('user_123');
 */
export function createApiClient<Signatures, Resources>(
  operations: readonly OperationDef[],
  specVersion: string,
  options: ClientOptions,
): ApiClient<Signatures, Resources> {
  const { config, secretKey } = parseClientOptions(options, specVersion);
  const context = createClientContext(config, secretKey);
  const description = { apiUrl: config.apiUrl, apiVersion: config.apiVersion, specVersion };
  const client: Record<string | symbol, unknown> = {};
  for (const def of operations) {
    const methodName = methodNameOf(def);
    if (RESERVED.has(def.namespace) || RESERVED.has(methodName)) {
      throw new TypeError(`createApiClient: ${def.namespace}.${methodName} uses a reserved name.`);
    }
    const namespace = (client[def.namespace] ??= {}) as Record<string, unknown>;
    namespace[methodName] = createMethod(context, prepareOperation(def, checkParamValues, encodeMultipart));
  }
  // Non-enumerable, like toJSON: the namespaces stay the only enumerable keys.
  Object.defineProperty(client, 'request', { value: createRawRequest(context) });
  return defineRedactedView(client, description, 'ClerkClient') as ApiClient<Signatures, Resources>;
}

function createMethod(context: ClientContext, operation: PreparedOperation): (...args: unknown[]) => unknown {
  const split = (args: unknown[]): [unknown[], unknown, RequestOptions | undefined] => {
    const count = operation.def.pathParams.length;
    const rest = args.slice(count);
    return operation.hasParams
      ? [args.slice(0, count), rest[0], rest[1] as RequestOptions | undefined]
      : [args.slice(0, count), undefined, rest[0] as RequestOptions | undefined];
  };
  const method = (...args: unknown[]) => {
    const [pathValues, params, options] = split(args);
    return sendOperation(context, operation, pathValues, params, options);
  };
  const { pagination, paged } = operation.def;
  if (pagination !== undefined) {
    // A list with a `paginated` switch is walked in its { data, total_count } shape: it stops at the total.
    const shape = paged ? 'envelope' : pagination;
    const all = (...args: unknown[]) => {
      const [pathValues, params, options] = split(args);
      let query: unknown;
      let signal: AbortSignal | undefined;
      try {
        // Every getter is read once, here: one that throws gives a result, as for the plain method.
        // A list with a `paginated` switch asks for its { data, total_count } shape.
        if (params === undefined && paged) query = { [paged.parameter]: true };
        else if (typeof params === 'object' && params !== null && !Array.isArray(params))
          query = paged ? { ...params, [paged.parameter]: true } : { ...params };
        else query = params;
        signal = options?.signal;
      } catch (error) {
        const failure = failWithoutResponse(
          'params_invalid',
          `Invalid params for ${operation.def.operationId}: ${describeFailure(error, 'a value could not be read')}`,
        );
        return paginate(shape, undefined, undefined, () => Promise.resolve(redactResult(failure, context.redact)));
      }
      return paginate(shape, query as Record<string, unknown> | undefined, signal, (page) =>
        sendOperation(context, operation, pathValues, page, options),
      );
    };
    Object.defineProperty(method, 'all', { value: all, enumerable: true });
  }
  return method;
}
