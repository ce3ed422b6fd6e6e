import type { ApiResources } from './client-types.js';
import { parseClientOptions, type ClientOptions } from './client-options.js';
import { createTransport } from './create-transport.js';
import type { OperationDef } from './operation.js';
import { paginate } from './paginate.js';
import type { RequestOptions } from './request-options.js';
import { prepareOperation, sendOperation, type PreparedOperation, type Transport } from './send-operation.js';

/**
 * The client object: typed namespaces plus a redacted `toJSON`/`util.inspect` view.
 *
 * @example
 * const clerk: ApiClient<OperationSignatures, ResourceMap> = createApiClient(operations, '2026-05-12', options);
 */
export type ApiClient<Signatures, Resources> = ApiResources<Signatures, Resources> & {
  /** A description without the secret key. */
  toJSON(): { apiUrl: string; apiVersion: string; specVersion: string };
};

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const RESERVED = new Set(['toJSON', 'then', 'constructor', '__proto__', 'prototype']);

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
  const transport = createTransport(config, secretKey);
  const description = { apiUrl: config.apiUrl, apiVersion: config.apiVersion, specVersion };
  const client: Record<string | symbol, unknown> = {};
  for (const def of operations) {
    if (RESERVED.has(def.namespace) || RESERVED.has(def.methodName)) {
      throw new TypeError(`createApiClient: ${def.namespace}.${def.methodName} uses a reserved name.`);
    }
    const namespace = (client[def.namespace] ??= {}) as Record<string, unknown>;
    namespace[def.methodName] = createMethod(transport, prepareOperation(def));
  }
  Object.defineProperty(client, 'toJSON', { value: () => ({ ...description }) });
  Object.defineProperty(client, INSPECT, { value: () => `ClerkClient ${JSON.stringify(description)}` });
  return client as ApiClient<Signatures, Resources>;
}

function createMethod(transport: Transport, operation: PreparedOperation): (...args: unknown[]) => unknown {
  const split = (args: unknown[]): [unknown[], unknown, RequestOptions | undefined] => {
    const count = operation.def.pathParams.length;
    const rest = args.slice(count);
    return operation.hasParams
      ? [args.slice(0, count), rest[0], rest[1] as RequestOptions | undefined]
      : [args.slice(0, count), undefined, rest[0] as RequestOptions | undefined];
  };
  const method = (...args: unknown[]) => {
    const [pathValues, params, options] = split(args);
    return sendOperation(transport, operation, pathValues, params, options);
  };
  const { pagination, paged } = operation.def;
  if (pagination !== undefined) {
    // A list with a `paginated` switch is walked in its { data, total_count } shape: it stops at the total.
    const shape = paged ? 'envelope' : pagination;
    const all = (...args: unknown[]) => {
      const [pathValues, params, options] = split(args);
      // Non-object params are left as they are: paginate() answers them with invalid_params.
      const query = paged && (params === undefined || isRecord(params)) ? { ...params, [paged.parameter]: true } : params;
      return paginate(shape, query as Record<string, unknown> | undefined, options?.signal, (page) =>
        sendOperation(transport, operation, pathValues, page, options),
      );
    };
    Object.defineProperty(method, 'all', { value: all, enumerable: true });
  }
  return method;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
