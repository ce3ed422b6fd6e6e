// Public entry `clerk-bapi/operations`: every Backend API operation as a standalone, tree-shakable function that
// takes the client options first (`getUser({ secretKey }, 'user_123')`). Re-exports only.
export * from './generated/standalone.js';
export type { StandaloneOperation } from './client/standalone-operation.js';
export type { ClerkClientOptions } from './client/create-clerk-client.js';
