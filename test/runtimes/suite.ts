// The runtime suite: the same cases run inside workerd, @edge-runtime/vm, Bun and Deno (runtimes.test.ts bundles
// this file for each). Web standards only: no `process`, no `node:` (the bundle is built for a neutral platform, and
// the harness also scans it). Each case is one entry of CASES; authenticateRequest and verifyWebhook join as one
// entry each once they exist.
import { createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { createClerkClient } from '../../src/client.js';

/** What the Node harness prepares: keys, a signed token, and the URLs of its loopback servers. */
export interface SuiteContext {
  token: string;
  forged: string;
  jwtKey: string;
  /** Base URL of a loopback server answering `/v1/jwks` and `/v1/users/user_1`. */
  apiUrl: string;
  secretKey: string;
  /** The frozen "now" of the token, in ms. */
  nowMs: number;
}

/** One case's outcome, as plain JSON so that it crosses any runtime boundary. */
export interface CaseResult {
  name: string;
  ok: boolean;
  detail?: string;
}

type Case = (context: SuiteContext) => Promise<string | undefined>;

const clock = (context: SuiteContext) => ({ now: () => context.nowMs });

const CASES: Record<string, Case> = {
  'verifyToken with jwtKey accepts a signed token and refuses a forged one': async (context) => {
    const good = await verifyToken(context.token, { jwtKey: context.jwtKey, ...clock(context) });
    if (good.errors) return `valid token refused: ${good.errors[0].code}`;
    const bad = await verifyToken(context.forged, { jwtKey: context.jwtKey, ...clock(context) });
    return bad.errors?.[0].code === 'token_invalid_signature' ? undefined : `forged token: ${JSON.stringify(bad)}`;
  },
  'a verifier with a JWKS from a local server accepts the token': async (context) => {
    const verifier = createTokenVerifier({ secretKey: context.secretKey, apiUrl: context.apiUrl, ...clock(context) });
    const result = await verifier.verify(context.token);
    return result.errors ? `refused: ${JSON.stringify(result.errors)}` : undefined;
  },
  'the client gets a user from a local stub and validates it': async (context) => {
    const clerk = createClerkClient({ secretKey: context.secretKey, apiUrl: context.apiUrl, maxRetries: 0 });
    const result = await clerk.users.getUser('user_1');
    if (result.errors) return `call failed: ${JSON.stringify(result.errors)}`;
    const invalid = await clerk.users.getUser('user_invalid');
    return invalid.errors?.[0].code === 'response_validation_failed' ? undefined : `invalid body accepted: ${JSON.stringify(invalid)}`;
  },
};

/**
 * Runs every case and reports each outcome; a case that throws is a failure too.
 *
 * @example
 * const results = await runSuite(context);
 */
export async function runSuite(context: SuiteContext): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [name, run] of Object.entries(CASES)) {
    try {
      const failure = await run(context);
      results.push(failure === undefined ? { name, ok: true } : { name, ok: false, detail: failure });
    } catch (error) {
      results.push({ name, ok: false, detail: `threw: ${String(error)}` });
    }
  }
  return results;
}
