// Every shard's survivor reasons, in one list for scripts/mutation-score.ts.
import type { SurvivorReason } from '../reason.js';
import { reasons as authJws } from './auth-jws.js';
import { reasons as authJwks } from './auth-jwks.js';
import { reasons as authKeySources } from './auth-key-sources.js';
import { reasons as authVerifiers } from './auth-verifiers.js';
import { reasons as authClaims } from './auth-claims.js';
import { reasons as authHas } from './auth-has.js';
import { reasons as authRequest } from './auth-request.js';
import { reasons as authMachine } from './auth-machine.js';
import { reasons as coreSend } from './core-send.js';
import { reasons as coreClient } from './core-client.js';
import { reasons as coreParams } from './core-params.js';
import { reasons as coreResults } from './core-results.js';

export const ALL_REASONS: readonly SurvivorReason[] = [
  ...authJws,
  ...authJwks,
  ...authKeySources,
  ...authVerifiers,
  ...authClaims,
  ...authHas,
  ...authRequest,
  ...authMachine,
  ...coreSend,
  ...coreClient,
  ...coreParams,
  ...coreResults,
];
