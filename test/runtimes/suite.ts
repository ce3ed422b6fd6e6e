// The runtime suite: the same cases run inside workerd, @edge-runtime/vm, Bun and Deno (runtimes.test.ts bundles
// this file for each). Web standards only: no `process`, no `node:` (the bundle is built for a neutral platform, and
// the harness also scans it). Each case is one entry of CASES.
import { authenticateRequest, createTokenVerifier, verifyToken } from '../../src/auth/index.js';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { verifyWebhook } from '../../src/webhooks/index.js';

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

/** The Standard Webhooks known-answer vector (SECURITY.md D): its body is no event, so a good signature meets `payload_invalid`. */
const WEBHOOK_VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  headers: { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330' },
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  body: '{"test": 2432232314}',
  nowMs: 1614265330 * 1000,
};

const bearerRequest = (token: string) =>
  new Request('https://app.example.com/dashboard', { headers: { authorization: `Bearer ${token}` } });

const webhookRequest = (signature: string) =>
  new Request('https://app.example.com/webhooks', {
    method: 'POST',
    headers: { ...WEBHOOK_VECTOR.headers, 'webhook-signature': signature },
    body: WEBHOOK_VECTOR.body,
  });

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
    const clerk = createClerkClient({ secretKey: context.secretKey, apiUrl: context.apiUrl, maxRetries: 0, logger: { warn() {} } });
    const result = await clerk.users.getUser('user_1');
    if (result.errors || result.warnings) return `call failed: ${JSON.stringify(result.errors ?? result.warnings)}`;
    const tolerated = await clerk.users.getUser('user_invalid');
    if (!tolerated.warnings?.some((warning) => warning.path === '$.banned')) return `no warnings: ${JSON.stringify(tolerated)}`;
    const strict = createClerkClient({ secretKey: context.secretKey, apiUrl: context.apiUrl, maxRetries: 0, responseValidation: 'error' });
    const invalid = await strict.users.getUser('user_invalid');
    return invalid.errors?.[0].code === 'response_validation_failed' ? undefined : `invalid body accepted: ${JSON.stringify(invalid)}`;
  },
  'authenticateRequest with jwtKey signs in a Bearer token, networkless, and signs out a forged one': async (context) => {
    const options = { jwtKey: context.jwtKey, ...clock(context) };
    const state = await authenticateRequest(bearerRequest(context.token), options);
    if (state.status !== 'signed-in') return `valid token: ${state.status} (${String(state.reason)})`;
    const auth = state.toAuth();
    if (auth.tokenType !== 'session_token' || auth.userId !== 'user_1') return `auth object: ${JSON.stringify(auth)}`;
    const forged = await authenticateRequest(bearerRequest(context.forged), options);
    return forged.status === 'signed-out' ? undefined : `forged token: ${forged.status}`;
  },
  'verifyWebhook accepts the known-answer signature and refuses it with one character changed': async () => {
    const options = { signingSecret: WEBHOOK_VECTOR.secret, now: () => WEBHOOK_VECTOR.nowMs };
    const good = await verifyWebhook(webhookRequest(WEBHOOK_VECTOR.signature), options);
    if (good.errors?.[0].code !== 'payload_invalid') return `known answer: ${JSON.stringify(good.errors ?? good.data)}`;
    const bad = await verifyWebhook(webhookRequest(WEBHOOK_VECTOR.signature.replace('g0h', 'g1h')), options);
    return bad.errors?.[0].code === 'signature_invalid' ? undefined : `changed signature: ${JSON.stringify(bad.errors ?? bad.data)}`;
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
