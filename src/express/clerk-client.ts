import type { ClerkClient } from '../client/create-clerk-client.js';
import { lazyEnvClerkClient } from '../node/env-clerk-client.js';

/**
 * A Backend API client configured from `CLERK_SECRET_KEY` (and `CLERK_API_URL`, `CLERK_API_VERSION`), created on
 * first use as @clerk/express's is: importing it needs no key; a missing key throws a `TypeError` at first use.
 *
 * @example
 * const { data: user } = await clerkClient.users.getUser(req.auth().userId!);
 */
export const clerkClient: ClerkClient = /* @__PURE__ */ lazyEnvClerkClient('clerkClient');
