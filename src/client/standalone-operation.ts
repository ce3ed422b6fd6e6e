import type { ApiResult } from './api-result.js';
import type { MethodArgs, OperationSignature } from './client-types.js';
import { parseClientOptions, type ClientOptions } from './client-options.js';
import { createClientContext, type ClientContext } from './client-context.js';
import type { OperationDef } from './operation.js';
import type { RequestOptions } from './request-options.js';
import type { ParamValueCheck } from './check-params.js';
import type { BodySerializer } from './request-body.js';
import { prepareOperation, sendOperation, type PreparedOperation } from './send-operation.js';

/**
 * A Backend API operation as a plain function: the client options first, then the method's arguments.
 * Pagination helpers (`.all()`) stay on the client.
 *
 * @example
 * const getUser: StandaloneOperation<OperationSignatures['GetUser']> = createStandaloneOperation(def, SPEC_VERSION);
 */
export type StandaloneOperation<S extends OperationSignature> = (
  options: ClientOptions,
  ...args: MethodArgs<S>
) => Promise<ApiResult<S['data']>>;

/** One context per options object, shared by every standalone function (parsing and key checks run once). */
const contexts = new WeakMap<ClientOptions, ClientContext>();

/**
 * Builds the standalone function of one operation. It references only its own operation's definition, so a
 * bundler keeps just that operation's code and shapes; an operation with params passes `checkValues`
 * (`checkParamValues`) and a multipart one `encodeMultipart`, which the others leave out of the bundle. The options object is read on its first use and cached:
 * pass the same object on every call (a changed object is not re-read). Bad options throw a `TypeError`, as
 * `createClerkClient` does; everything else resolves to `{ data }` or `{ errors }`.
 *
 * @example
 * const getUser = createStandaloneOperation<OperationSignatures['GetUser']>(getUserDef, '2026-05-12');
 * const createUser = createStandaloneOperation<OperationSignatures['CreateUser']>(createUserDef, '2026-05-12', checkParamValues);
 * const { data, errors } = await getUser({ secretKey: 'sk_test_…' }, 'user_123');
 */
/* @__NO_SIDE_EFFECTS__ */
export function createStandaloneOperation<S extends OperationSignature>(
  def: OperationDef,
  specVersion: string,
  checkValues?: ParamValueCheck,
  encodeMultipart?: BodySerializer,
): StandaloneOperation<S> {
  // Prepared on first call: importing every standalone function must cost nothing.
  let operation: PreparedOperation | undefined;
  const standalone = (options: ClientOptions, ...args: unknown[]) => {
    let context = contexts.get(options);
    if (context === undefined) {
      const { config, secretKey } = parseClientOptions(options, specVersion);
      context = createClientContext(config, secretKey);
      contexts.set(options, context);
    }
    operation ??= prepareOperation(def, checkValues, encodeMultipart);
    // Positional arguments as on the client: path values, then params (when the operation takes any), then options.
    const rest = args.slice(def.pathParams.length);
    const params = operation.hasParams ? rest.shift() : undefined;
    return sendOperation(context, operation, args.slice(0, def.pathParams.length), params, rest[0] as RequestOptions | undefined);
  };
  return standalone as StandaloneOperation<S>;
}
