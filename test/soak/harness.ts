// The soak: mixed traffic against one request authenticator and one webhook verifier, while a local Backend API
// stub (JWKS and machine-token endpoints, 127.0.0.1 only) misbehaves on a schedule. Every decision is checked
// against what the stub published at the time (an oracle), and the run is bounded in time and request count.
// The short variant runs in `npm test` (test/soak/soak.test.ts); the long one is `npm run bench -- soak`.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { createRequestAuthenticator } from '../../src/auth/index.js';
import { createWebhookVerifier } from '../../src/webhooks/index.js';
import { b64url, testKey, type TestKey } from '../auth/helpers/keys.js';

/** How long and how hard to soak. */
export interface SoakOptions {
  /** Planned length of the fault schedule; the run may go on in the final calm phase to reach `minDistinctTokens`. */
  durationMs: number;
  /** The run keeps going (healthy endpoint) until this many distinct token strings were decided, up to `maxDurationMs`. */
  minDistinctTokens: number;
  maxDurationMs: number;
  /** Hard bound on the number of decisions. */
  maxRequests: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Distinct valid session tokens signed per key before the run. */
  validPerKey: number;
  /** Progress lines (the long variant prints them). */
  log?: ((line: string) => void) | undefined;
}

/** What a soak run observed. */
export interface SoakReport {
  elapsedMs: number;
  requests: number;
  distinctTokens: number;
  byCategory: Record<string, { sent: number; accepted: number }>;
  /** Decisions the oracle says are wrong (capped at 20 examples; `wrongCount` has the total). */
  wrong: string[];
  wrongCount: number;
  /** Refusals of a valid credential with a reason that does not match the fault (e.g. a 429 reported as an invalid token). */
  wrongReasons: string[];
  wrongReasonCount: number;
  /** Keys that verified at least one token, with when (ms into the run): both rotations must show. */
  keysVerified: Record<string, number>;
  jwks: {
    fetches: number;
    maxConcurrent: number;
    firstSuccessAt: number | undefined;
    minGapAfterSuccessMs: number | undefined;
    modes: Record<string, number>;
  };
  machine: { calls: number; limited: number };
  heap: { warmUsed: number; endUsed: number; growth: number };
  unhandledRejections: number;
  timersBefore: number;
  timersAfter: number;
  rules: { cooldownMs: number; ttlMs: number; timeoutMs: number };
}

type JwksMode = 'ok' | 'slow' | 'error' | 'hang';
type Category =
  | 'valid'
  | 'expired'
  | 'forged_payload'
  | 'forged_signature'
  | 'forged_key'
  | 'unknown_kid'
  | 'alg_none'
  | 'machine_valid'
  | 'machine_unknown'
  | 'machine_revoked'
  | 'webhook_valid'
  | 'webhook_tampered'
  | 'webhook_stale';

const COOLDOWN_MS = 1000;
const TTL_MS = 2000;
const TIMEOUT_MS = 400;
const SLOW_MS = 120;
const STORM_ANSWERS: readonly JwksMode[] = ['error', 'hang', 'slow', 'error', 'ok', 'hang', 'slow'];
const WEBHOOK_SECRET = `whsec_${Buffer.from('soak-test-secret-0123456789').toString('base64')}`;
const AZP = 'https://app.example.com';
const MACHINE_TOKENS = Array.from({ length: 16 }, (_, index) => `mt_soak_valid_${index}_${'x'.repeat(24)}`);
const REVOKED_TOKENS = Array.from({ length: 4 }, (_, index) => `mt_soak_revoked_${index}_${'y'.repeat(24)}`);

/** Reasons under which a valid session token may be refused: its key is not (yet) obtainable. */
const KEY_UNAVAILABLE = new Set(['jwk_kid_mismatch', 'jwks_fetch_failed', 'jwks_timeout']);

/**
 * The fault schedule, as fractions of the planned duration: healthy, storm (rotation 1 inside), calm, storm
 * (rotation 2 inside), final calm. In a storm the JWKS endpoint answers 500, hangs past the timeout or answers
 * slowly, in turn, and the machine-token endpoint answers 429.
 */
const SCHEDULE = { storm1: 0.1, rotate1: 0.2, calm1: 0.35, storm2: 0.45, rotate2: 0.5, calm2: 0.65 } as const;

/** Runs one soak and reports; never throws for a wrong decision (the caller asserts on the report). */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const gc = exposeGc();
  const log = options.log ?? (() => undefined);
  const keys = [testKey('soak_k0'), testKey('soak_k1'), testKey('soak_k2')] as const;
  const attacker = testKey('soak_attacker');
  const timersBefore = countTimers();

  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const planned = options.durationMs;
  const phase = (t: number): 'healthy' | 'storm' | 'calm' => {
    const f = t / planned;
    if (f < SCHEDULE.storm1) return 'healthy';
    if (f < SCHEDULE.calm1) return 'storm';
    if (f < SCHEDULE.storm2) return 'calm';
    if (f < SCHEDULE.calm2) return 'storm';
    return 'calm';
  };
  const published = (t: number): readonly TestKey[] => {
    const f = t / planned;
    if (f < SCHEDULE.rotate1) return [keys[0]];
    if (f < SCHEDULE.rotate2) return [keys[0], keys[1]];
    return [keys[1], keys[2]];
  };
  // In a storm, each JWKS request gets the next answer of this cycle, so that every fault is met whatever the timing.
  let stormFetches = 0;
  const jwksMode = (t: number): JwksMode => (phase(t) === 'storm' ? (STORM_ANSWERS[stormFetches++ % STORM_ANSWERS.length] ?? 'ok') : 'ok');
  const machineLimited = (t: number): boolean => phase(t) === 'storm';

  // --- the stub Backend API ------------------------------------------------------------------------------
  const modes: Record<string, number> = {};
  let machineCalls = 0;
  let machineLimitedCount = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  server.keepAliveTimeout = 1000;
  function answer(req: IncomingMessage, body: string, res: ServerResponse): void {
    const t = elapsed();
    if (req.url === '/v1/jwks') {
      const mode = jwksMode(t);
      modes[mode] = (modes[mode] ?? 0) + 1;
      const set = JSON.stringify({ keys: published(t).map((key) => key.jwk) });
      if (mode === 'error') return send(res, 500, '{"errors":[{"code":"internal","message":"flap"}]}');
      if (mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (mode === 'slow') {
        const timer = setTimeout(() => send(res, 200, set), SLOW_MS);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      return send(res, 200, set);
    }
    if (req.url === '/v1/m2m_tokens/verify') {
      machineCalls++;
      if (machineLimited(t)) {
        machineLimitedCount++;
        return send(res, 429, '{"errors":[{"code":"too_many_requests","message":"slow down"}]}', { 'retry-after': '1' });
      }
      const token = (JSON.parse(body || '{}') as { token?: string }).token ?? '';
      const index = MACHINE_TOKENS.indexOf(token);
      const revoked = REVOKED_TOKENS.includes(token);
      if (index === -1 && !revoked) return send(res, 404, '{"errors":[{"code":"resource_not_found","message":"not found"}]}');
      const now = Date.now();
      return send(
        res,
        200,
        JSON.stringify({
          object: 'machine_to_machine_token',
          id: `mt_id_${index}`,
          subject: `mch_${index}`,
          claims: null,
          scopes: [],
          revoked,
          revocation_reason: revoked ? 'compromised' : null,
          expired: false,
          expiration: now + 3_600_000,
          last_used_at: null,
          created_at: now,
          updated_at: now,
        }),
      );
    }
    send(res, 404, '{"errors":[{"code":"not_found","message":"no route"}]}');
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // --- JWKS fetches, as the engine makes them -------------------------------------------------------------
  const fetchStarts: number[] = [];
  let firstSuccessAt: number | undefined;
  let inflightFetches = 0;
  let maxConcurrent = 0;
  const recordingFetch: typeof fetch = async (input, init) => {
    fetchStarts.push(Date.now());
    inflightFetches++;
    maxConcurrent = Math.max(maxConcurrent, inflightFetches);
    try {
      const response = await fetch(input, init);
      if (response.ok && firstSuccessAt === undefined) firstSuccessAt = fetchStarts.length - 1;
      return response;
    } finally {
      inflightFetches--;
    }
  };

  // --- the library under test ----------------------------------------------------------------------------
  const secretKey = 'sk_test_soak_0000000000000000000000';
  const authenticator = createRequestAuthenticator({
    secretKey,
    apiUrl,
    authorizedParties: [AZP],
    acceptsToken: ['session_token', 'm2m_token'],
    client: createClerkClient({ secretKey, apiUrl, maxRetries: 0 }),
    machineTokenCacheTtlInMs: 1500,
    jwksCacheTtlInMs: TTL_MS,
    jwksCooldownInMs: COOLDOWN_MS,
    jwksTimeoutInMs: TIMEOUT_MS,
    jwksStaleIfErrorInMs: 600_000,
    fetch: recordingFetch,
    logger: { warn: () => undefined },
  });
  const webhooks = createWebhookVerifier({ signingSecret: WEBHOOK_SECRET });

  // --- tokens -----------------------------------------------------------------------------------------------
  const nowS = Math.floor(Date.now() / 1000);
  const claimsOf = (key: TestKey, index: number, exp: number): Record<string, unknown> => ({
    sub: `user_${key.kid}_${index}`,
    sid: `sess_${key.kid}_${index}`,
    iat: nowS - 5,
    nbf: nowS - 5,
    exp,
    azp: AZP,
  });
  const sign = (key: TestKey, claims: Record<string, unknown>, kid = key.kid): string =>
    key.sign({ alg: 'RS256', kid, typ: 'JWT' }, claims);
  const valid = keys.map((key) => Array.from({ length: options.validPerKey }, (_, i) => sign(key, claimsOf(key, i, nowS + 3600))));
  const expired = keys.map((key) => Array.from({ length: 20 }, (_, i) => sign(key, claimsOf(key, i, nowS - 60))));
  const forgedByKey = keys.map((key) => Array.from({ length: 10 }, (_, i) => sign(attacker, claimsOf(key, i, nowS + 3600), key.kid)));

  // --- traffic ------------------------------------------------------------------------------------------------
  let seq = 0;
  let rng = 0x2545f491;
  const random = (): number => {
    rng ^= rng << 13;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    return (rng >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const seen = { distinct: 0 };
  const byCategory: SoakReport['byCategory'] = {};
  const wrong: string[] = [];
  let wrongCount = 0;
  const wrongReasons: string[] = [];
  let wrongReasonCount = 0;
  const firstAccepted = new Map<string, number>();
  const noteWrong = (line: string): void => {
    wrongCount++;
    if (wrong.length < 20) wrong.push(line);
  };
  const noteWrongReason = (line: string): void => {
    wrongReasonCount++;
    if (wrongReasons.length < 20) wrongReasons.push(line);
  };
  const settleMs = COOLDOWN_MS + TIMEOUT_MS + 1000;
  const calmSince = (t: number): number | undefined => {
    if (phase(t) !== 'calm') return undefined;
    const f = t / planned;
    return (f < SCHEDULE.storm2 ? SCHEDULE.calm1 : SCHEDULE.calm2) * planned;
  };

  async function session(category: Category, token: string, key: TestKey, expect: { sub: string } | undefined): Promise<void> {
    const start = elapsed();
    const state = await authenticator.authenticateParts({ authorization: `Bearer ${token}`, cookie: undefined, sessionIdParam: undefined });
    const end = elapsed();
    record(category, state.isAuthenticated);
    const accepted = state.isAuthenticated;
    if (!expect) {
      if (accepted) noteWrong(`${category} accepted at ${start} ms`);
      return;
    }
    const isPublished = (t: number): boolean => published(t).includes(key);
    const newerKey = keys[keys.indexOf(key as (typeof keys)[number]) + 1];
    const known = firstAccepted.get(key.kid);
    if (accepted) {
      const userId = (state.toAuth() as { userId?: string | null }).userId;
      if (userId !== expect.sub) noteWrong(`valid token of ${key.kid} accepted as another user`);
      // A retired key may still verify from a cached key set, but not once the set that dropped it was loaded.
      const droppedAt = newerKey === undefined ? undefined : firstAccepted.get(newerKey.kid);
      if (!isPublished(start) && !isPublished(end) && droppedAt !== undefined && droppedAt < start && newerKey === keys[2]) {
        noteWrong(`token of retired ${key.kid} accepted at ${start} ms after the new set was loaded at ${droppedAt} ms`);
      }
      if (known === undefined || end < known) firstAccepted.set(key.kid, end);
      return;
    }
    const reason = state.reason ?? '';
    const current = isPublished(start) && isPublished(end);
    if (!current) return;
    const calm = calmSince(start);
    if (known !== undefined && known < start) {
      noteWrong(`valid token of ${key.kid} refused (${reason}) at ${start} ms, its key verified at ${known} ms`);
    } else if (calm !== undefined && start >= calm + settleMs && isPublished(calm)) {
      noteWrong(`valid token of ${key.kid} refused (${reason}) at ${start} ms, ${start - calm} ms into a calm phase`);
    } else if (!KEY_UNAVAILABLE.has(reason)) {
      noteWrong(`valid token of ${key.kid} refused with ${reason} at ${start} ms`);
    }
  }

  async function machine(category: Category, token: string): Promise<void> {
    const start = elapsed();
    const state = await authenticator.authenticateParts({ authorization: `Bearer ${token}`, cookie: undefined, sessionIdParam: undefined });
    const end = elapsed();
    record(category, state.isAuthenticated);
    if (category !== 'machine_valid') {
      if (state.isAuthenticated) noteWrong(`${category} accepted at ${start} ms`);
      return;
    }
    if (state.isAuthenticated) {
      const auth = state.toAuth() as { subject?: string };
      const index = MACHINE_TOKENS.indexOf(token);
      if (auth.subject !== `mch_${index}`) noteWrong(`machine token ${index} accepted as ${String(auth.subject)}`);
      return;
    }
    if (!machineLimited(start) && !machineLimited(end))
      noteWrong(`valid machine token refused (${state.reason}) at ${start} ms, endpoint healthy`);
    else if (state.reason !== 'machine_verification_unavailable')
      noteWrongReason(`valid machine token refused with ${state.reason} while the endpoint answered 429`);
  }

  async function webhook(category: Category): Promise<void> {
    const id = `msg_soak_${seq}`;
    const stamp = Math.floor(Date.now() / 1000) - (category === 'webhook_stale' ? 3600 : 0);
    const body = JSON.stringify({
      object: 'event',
      type: 'soak.tick',
      timestamp: Date.now(),
      instance_id: 'ins_soak',
      data: { id: `x_${seq}` },
    });
    const secret = Buffer.from(WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', secret).update(`${id}.${stamp}.${body}`).digest('base64');
    const sent = category === 'webhook_tampered' ? body.replace('soak.tick', 'soak.tock') : body;
    const result = await webhooks.verify({
      headers: { 'svix-id': id, 'svix-timestamp': String(stamp), 'svix-signature': `v1,${mac}` },
      rawBody: Buffer.from(sent),
    });
    const accepted = result.errors === undefined;
    record(category, accepted);
    if (accepted !== (category === 'webhook_valid')) noteWrong(`${category} ${accepted ? 'accepted' : 'refused'} at ${elapsed()} ms`);
  }

  function record(category: Category, accepted: boolean): void {
    const entry = (byCategory[category] ??= { sent: 0, accepted: 0 });
    entry.sent++;
    if (accepted) entry.accepted++;
  }

  /** One request of a random kind; most are distinct strings, which is what the memory bound is about. */
  function next(): Promise<void> {
    seq++;
    const t = elapsed();
    // Past the schedule (the long variant going on to its token count), nine requests in ten are distinct forgeries:
    // changed payloads, unknown kids and `alg: none` (the rolls below that make a new token string).
    const distinctRoll = (r: number): number => (r < 0.66 ? 0.3 + r * 0.3 : 0.65 + (r - 0.66) * 0.29);
    const roll = t >= planned && random() < 0.9 ? distinctRoll(random()) : random();
    const signing = published(t);
    if (roll < 0.3) {
      // Valid: a current key, or (after rotation 2) sometimes the retired one.
      const key = t / planned >= SCHEDULE.rotate2 && random() < 0.15 ? keys[0] : pick(signing);
      const index = Math.floor(random() * options.validPerKey);
      const token = valid[keys.indexOf(key)]?.[index] as string;
      return session('valid', token, key, { sub: `user_${key.kid}_${index}` });
    }
    seen.distinct++;
    const base = pick(valid[keys.indexOf(pick(signing))] as string[]);
    const [header, , signature] = base.split('.') as [string, string, string];
    if (roll < 0.5) {
      const claims = { sub: `user_forged_${seq}`, sid: `sess_${seq}`, iat: nowS - 5, exp: nowS + 3600, azp: AZP };
      return session('forged_payload', `${header}.${b64url(JSON.stringify(claims))}.${signature}`, keys[0], undefined);
    }
    if (roll < 0.6) {
      // One signature character changed (a middle one, so the encoding stays canonical); not counted as distinct.
      seen.distinct--;
      const position = 10 + (seq % 300);
      const flipped = signature[position] === 'A' ? 'B' : 'A';
      const forged = `${base.slice(0, base.lastIndexOf('.') + 1)}${signature.slice(0, position)}${flipped}${signature.slice(position + 1)}`;
      return session('forged_signature', forged, keys[0], undefined);
    }
    if (roll < 0.65) {
      seen.distinct--;
      const key = pick(signing);
      return session('forged_key', pick(forgedByKey[keys.indexOf(key)] as string[]), key, undefined);
    }
    if (roll < 0.72) {
      const kid = `ins_unknown_${seq}`;
      const head = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
      return session(
        'unknown_kid',
        `${head}.${b64url(JSON.stringify({ sub: `user_${seq}`, exp: nowS + 60 }))}.${signature}`,
        keys[0],
        undefined,
      );
    }
    if (roll < 0.75) {
      const head = b64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: keys[0].kid }));
      return session(
        'alg_none',
        `${head}.${b64url(JSON.stringify({ sub: `user_${seq}`, sid: 'sess_1', exp: nowS + 60 }))}.${signature}`,
        keys[0],
        undefined,
      );
    }
    if (roll < 0.8) {
      seen.distinct--;
      const key = pick(signing);
      return session('expired', pick(expired[keys.indexOf(key)] as string[]), key, undefined);
    }
    if (roll < 0.86) {
      seen.distinct--;
      return machine('machine_valid', pick(MACHINE_TOKENS));
    }
    if (roll < 0.9) return machine('machine_unknown', `mt_soak_unknown_${seq}_${randomBytes(6).toString('hex')}`);
    if (roll < 0.91) {
      seen.distinct--;
      return machine('machine_revoked', pick(REVOKED_TOKENS));
    }
    seen.distinct--;
    if (roll < 0.96) return webhook('webhook_valid');
    return webhook(roll < 0.98 ? 'webhook_tampered' : 'webhook_stale');
  }

  // --- run ----------------------------------------------------------------------------------------------------
  let unhandledRejections = 0;
  const onUnhandled = (): void => {
    unhandledRejections++;
  };
  process.on('unhandledRejection', onUnhandled);
  let requests = 0;
  let warmUsed: number | undefined;
  const warmAt = planned * SCHEDULE.calm1;
  const done = (): boolean => {
    const t = elapsed();
    if (requests >= options.maxRequests || t >= options.maxDurationMs) return true;
    return t >= planned && seen.distinct >= options.minDistinctTokens;
  };
  let lastLog = 0;
  const worker = async (): Promise<void> => {
    for (let own = 1; !done(); own++) {
      requests++;
      await next();
      // Verification with the native check resolves in microtasks only: yield to I/O (the stub server and the
      // JWKS fetches share this event loop) as a server's socket reads would; every fourth request is enough.
      if (own % 4 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (warmUsed === undefined && elapsed() >= warmAt) {
        warmUsed = -1;
        gc();
        warmUsed = process.memoryUsage().heapUsed;
      }
      if (elapsed() - lastLog >= 5000) {
        lastLog = elapsed();
        log(
          `${(lastLog / 1000).toFixed(0)} s: ${requests} requests, ${seen.distinct} distinct tokens, heap ${mb(process.memoryUsage().heapUsed)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = elapsed();
  gc();
  const endUsed = process.memoryUsage().heapUsed;
  process.off('unhandledRejection', onUnhandled);

  // --- shutdown: nothing may be left running ---------------------------------------------------------------
  for (const res of hanging) res.destroy();
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  // Let aborted fetches and closed sockets settle (I/O callbacks, not timers of ours).
  for (let i = 0; i < 20 && countTimers() > timersBefore; i++) await new Promise<void>((resolve) => setTimeout(resolve, 50));
  const timersAfter = countTimers();

  let minGap: number | undefined;
  if (firstSuccessAt !== undefined) {
    for (let i = firstSuccessAt + 1; i < fetchStarts.length; i++) {
      const gap = (fetchStarts[i] as number) - (fetchStarts[i - 1] as number);
      minGap = minGap === undefined ? gap : Math.min(minGap, gap);
    }
  }
  const warm = warmUsed === undefined || warmUsed < 0 ? endUsed : warmUsed;
  return {
    elapsedMs,
    requests,
    distinctTokens: seen.distinct,
    byCategory,
    wrong,
    wrongCount,
    wrongReasons,
    wrongReasonCount,
    keysVerified: Object.fromEntries(firstAccepted),
    jwks: { fetches: fetchStarts.length, maxConcurrent, firstSuccessAt, minGapAfterSuccessMs: minGap, modes },
    machine: { calls: machineCalls, limited: machineLimitedCount },
    heap: { warmUsed: warm, endUsed, growth: endUsed - warm },
    unhandledRejections,
    timersBefore,
    timersAfter,
    rules: { cooldownMs: COOLDOWN_MS, ttlMs: TTL_MS, timeoutMs: TIMEOUT_MS },
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function countTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes as megabytes, one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
