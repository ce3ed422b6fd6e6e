// Node-only: the `clerkClient` of the Express and Fastify adapters, created from the CLERK_* environment
// variables on first use (as @clerk/express's is), so that importing the adapter never needs a key.
import { createClerkClient, type ClerkClient, type ClerkClientOptions } from '../client/create-clerk-client.js';
import type { AuthenticateRequestOptions } from '../auth/index.js';

/**
 * The client options read from the environment: `CLERK_SECRET_KEY`, `CLERK_API_URL`, `CLERK_API_VERSION`.
 * An empty variable counts as unset. Without a secret key this throws a `TypeError` naming the variable.
 *
 * @example
 * const options = clientOptionsFromEnv('clerkClient');
 */
export function clientOptionsFromEnv(name: string): ClerkClientOptions {
  const env = typeof process === 'object' ? process.env : {};
  const read = (key: string): string | undefined => (env[key] === '' ? undefined : env[key]);
  const secretKey = read('CLERK_SECRET_KEY');
  if (secretKey === undefined) {
    throw new TypeError(`${name}: CLERK_SECRET_KEY is not set. Set it, or create your own client with createClerkClient({ secretKey }).`);
  }
  const options: ClerkClientOptions = { secretKey };
  const apiUrl = read('CLERK_API_URL');
  const apiVersion = read('CLERK_API_VERSION');
  if (apiUrl !== undefined) options.apiUrl = apiUrl;
  if (apiVersion !== undefined) options.apiVersion = apiVersion;
  return options;
}

/**
 * A client that is created on its first property access, from the environment, then reused. Bad or
 * missing variables throw a `TypeError` at that first access (never at import).
 *
 * @example
 * export const clerkClient = lazyEnvClerkClient('clerkClient');
 * const { data } = await clerkClient.users.getUser('user_123'); // reads CLERK_SECRET_KEY here
 */
export function lazyEnvClerkClient(name: string): ClerkClient {
  let client: ClerkClient | undefined;
  let authenticate: ClerkClient['authenticateRequest'] | undefined;
  const real = (): ClerkClient => (client ??= createClerkClient(clientOptionsFromEnv(name)));
  // The target stays empty: `util.inspect` of the proxy shows `{}`, never the client's closures.
  return new Proxy({} as ClerkClient, {
    get: (_target, property) => {
      if (property !== 'authenticateRequest') return Reflect.get(real(), property);
      return (authenticate ??= withEnvKeys(real()));
    },
    has: (_target, property) => Reflect.has(real(), property),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), property);
      // A proxy may only report a property as configurable when its target has it; ours has none.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * `authenticateRequest` of the environment client, also taking `CLERK_JWT_KEY` (networkless verification) and
 * `CLERK_PUBLISHABLE_KEY` from the environment, as @clerk/express's `clerkClient` does; options passed win.
 */
function withEnvKeys(client: ClerkClient): ClerkClient['authenticateRequest'] {
  const env = typeof process === 'object' ? process.env : {};
  const read = (key: string): string | undefined => (env[key] === '' ? undefined : env[key]);
  const defaults: AuthenticateRequestOptions = {};
  const jwtKey = read('CLERK_JWT_KEY');
  const publishableKey = read('CLERK_PUBLISHABLE_KEY');
  if (jwtKey !== undefined) defaults.jwtKey = jwtKey;
  if (publishableKey !== undefined) defaults.publishableKey = publishableKey;
  return (request, options) => client.authenticateRequest(request, { ...defaults, ...options });
}
