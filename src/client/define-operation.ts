import type { Shape } from '../kernel/shape.js';
import type { HttpMethod, OperationDef } from './operation.js';

/** A success status's shape, or one shape for the only success status `200`. */
type Responses = Shape | Readonly<Record<string, Shape>>;

/**
 * Builds an {@link OperationDef} from the compact form that src/generated/operations.ts is written in. The table
 * of about 250 operations is the largest part of a whole-client bundle after the shapes, and most of an object
 * literal per operation is repeated keys and what the runtime can derive; the generator checks each derivation
 * before it relies on it (scripts/gen/emit-operations.ts).
 *
 * `spec` is `<operationId> <namespace> <METHOD> <path>` followed by flags:
 * `json` / `multipart` (the body; `!` when required), `envelope` / `array` (pagination), `text` (a success
 * without a JSON body), `method=<name>` (a method name that is not the operationId with a lower-case first
 * letter), `paged=<parameter>@<status>` (the list's paged switch; `paged` is its shape) and `unexploded=<name>`
 * (a query array serialised as `a=1,2`).
 * Derived: the path params from `{…}` in the path, in order; the query parameters from the keys of the params
 * shape when the operation takes no body (their params are the query parameters as one closed object).
 * `responses` is one shape for a lone `200`, or success statuses → shapes.
 *
 * @example
 * defineOperation('GetUser users GET /users/{user_id}', 0, s_User);
 * // { operationId: 'GetUser', namespace: 'users', method: 'GET', path: '/users/{user_id}',
 * //   pathParams: ['user_id'], query: [], shapes: { '200': s_User } }
 */
export function defineOperation(spec: string, params?: Shape | 0, responses?: Responses | 0, paged?: Shape): OperationDef {
  const [operationId, namespace, method, path, ...flags] = spec.split(' ') as [string, string, HttpMethod, string, ...string[]];
  const def: { -readonly [K in keyof OperationDef]: OperationDef[K] } = {
    operationId,
    namespace,
    method,
    path,
    pathParams: Array.from(path.matchAll(/\{([^}]+)\}/g), (match) => match[1]!),
    query: [],
  };
  const unexploded: string[] = [];
  for (const flag of flags) {
    const [name, value = ''] = flag.split('=') as [string, string?];
    const body = name.replace(/!$/, '');
    if (body === 'json' || body === 'multipart') {
      def.body = body;
      def.bodyRequired = body !== name;
    } else if (name === 'envelope' || name === 'array') def.pagination = name;
    else if (name === 'text') def.textSuccess = true;
    else if (name === 'method') def.methodName = value;
    else if (name === 'unexploded') unexploded.push(value);
    else if (name === 'paged') {
      const [parameter, status] = value.split('@') as [string, string];
      def.paged = { parameter, status, shape: paged! };
    } else throw new TypeError(`defineOperation: unknown flag ${flag} in ${operationId}`);
  }
  if (params) {
    def.params = params;
    if (def.body === undefined) {
      def.query = Object.keys((params as Extract<Shape, readonly ['object', ...unknown[]]>)[1]).map((name) => ({
        name,
        explode: !unexploded.includes(name),
      }));
    }
  }
  if (responses) {
    def.shapes =
      typeof responses === 'object' && !Array.isArray(responses) ? (responses as Record<string, Shape>) : { '200': responses as Shape };
  }
  return def;
}
