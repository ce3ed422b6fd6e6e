// Shared pieces of the contract tests: the spec Prism serves, a client pointed at Prism, and a
// dynamic dispatcher `callOperation(def, …)` over the typed client.
import { methodNameOf } from '../../src/client/operation.js';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createClerkClient, type ApiResult, type RequestOptions } from '../../src/client/create-clerk-client.js';
import type { OperationDef } from '../../src/client/operation.js';
import { documentedResponses } from '../generated/documented-responses.js';
import { repairedSpecPath } from '../../scripts/prism/start-prism.js';
import type { OperationArguments } from './build-arguments.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock started by `global-setup.ts` (no `/v1`). */
    prismUrl: string;
    /** The spec file Prism serves. */
    prismSpecPath: string;
  }
}

/** Any syntactically valid test key: Prism only checks that a bearer token is present. */
export const CONTRACT_SECRET = 'sk_test_contract0prism0mock0not0a0real0key';

let cachedDoc: Record<string, any> | undefined;

/** The repaired spec Prism serves (the same file the generator wrote). */
export function loadSpec(): Record<string, any> {
  cachedDoc ??= JSON.parse(readFileSync(inject('prismSpecPath') ?? repairedSpecPath(), 'utf8')) as Record<string, any>;
  return cachedDoc;
}

type AnyMethod = (...args: unknown[]) => Promise<ApiResult<unknown>>;

/** The SDK client, pointed at Prism through the ordinary options (`apiVersion: ''`: Prism has no `/v1`). */
export function contractClient() {
  const prismUrl = inject('prismUrl');
  // Without the globalSetup the client would default to the real API: refuse instead.
  if (!prismUrl) throw new Error('No Prism URL: register test/contract/global-setup.ts as globalSetup (see test/contract/README.md).');
  return createClerkClient({
    secretKey: CONTRACT_SECRET,
    apiUrl: prismUrl,
    apiVersion: '',
    maxRetries: 0,
    timeoutMs: 30_000,
    // Strict: the spec's own examples must match the spec exactly, a warning would hide a generator bug.
    responseValidation: 'error',
  });
}

/**
 * Calls `def` through the typed client by its namespace and method name, with the builder's
 * arguments: `clerk[namespace][methodName](...pathValues, params?, requestOptions)`.
 */
export function callOperation(
  client: ReturnType<typeof contractClient>,
  def: OperationDef,
  args: OperationArguments,
  options: RequestOptions,
): Promise<ApiResult<unknown>> {
  const namespace = (client as unknown as Record<string, Record<string, AnyMethod> | undefined>)[def.namespace];
  const method = namespace?.[methodNameOf(def)];
  if (typeof method !== 'function') throw new Error(`client.${def.namespace}.${methodNameOf(def)} does not exist`);
  const hasParams = def.body !== undefined || def.query.length > 0;
  return hasParams ? method(...args.pathValues, args.params, options) : method(...args.pathValues, options);
}

/** Prism's `sl-violations` header, parsed (empty when absent). */
export function violationsOf(response: Response | undefined): Array<{ location: string[]; code: string; message: string }> {
  const header = response?.headers.get('sl-violations');
  if (!header) return [];
  try {
    return JSON.parse(header) as Array<{ location: string[]; code: string; message: string }>;
  } catch {
    return [{ location: ['unparseable'], code: 'unparseable', message: header }];
  }
}

/** The generated validator for any documented status (errors too), with the spec's `2XX`/`default` fallbacks. */
export function validatorFor(def: OperationDef, status: number) {
  const responses = documentedResponses[def.operationId]?.responses ?? {};
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
}

/** A compact, readable account of a failed call for assertion messages. */
export function describeResult(def: OperationDef, args: OperationArguments, result: ApiResult<unknown>): string {
  const violations = violationsOf(result.response);
  return [
    `${def.operationId} (${def.method} ${def.path}) → HTTP ${result.status ?? 'none'}`,
    violations.length ? `sl-violations: ${JSON.stringify(violations, null, 1).slice(0, 3_000)}` : '',
    result.errors ? `errors: ${JSON.stringify(result.errors, null, 1).slice(0, 3_000)}` : '',
    `arguments: ${JSON.stringify(args, (_k, v: unknown) => (v instanceof Blob ? `[Blob ${v.size} bytes]` : v)).slice(0, 1_000)}`,
  ]
    .filter(Boolean)
    .join('\n');
}
