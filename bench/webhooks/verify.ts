/**
 * Webhook verification benchmark: `npx tsx bench/webhooks/verify.ts`.
 * Prints a markdown table and writes it to bench/webhooks/RESULTS.md. One run, Clerk-sized `user.created`
 * deliveries signed by the `svix` package; every ratio compares numbers measured in this same run.
 */
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'svix';
import { webhookExamples } from '../../scripts/gen/emit-webhooks.js';
import { loadWebhooksSpec } from '../../scripts/spec/load-spec.js';
import { nodeWebhookSigner } from '../../src/node/webhook-signer.js';
import { createWebhookVerifier, verifyWebhook } from '../../src/webhooks/index.js';
import { useWebhookSigner } from '../../src/webhooks/signer.js';
import { webCryptoSigner } from '../../src/webhooks/web-signer.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const DELIVERIES = 2000;
const ROUNDS = 7;

const example = webhookExamples((await loadWebhooksSpec()).document, 'user.created')[0] as Record<string, any>;
const signer = new Webhook(SECRET);
const timestamp = new Date();
// Distinct deliveries (id and body differ), as a real endpoint sees them.
const deliveries = Array.from({ length: DELIVERIES }, (_, i) => {
  const id = `msg_${i.toString(36).padStart(8, '0')}`;
  const body = JSON.stringify({ ...example, data: { ...example['data'], id: `user_${i}` } });
  const headers = {
    'svix-id': id,
    'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'svix-signature': signer.sign(id, timestamp, body),
  };
  return { id, body, bytes: new TextEncoder().encode(body), headers };
});
const bodyBytes = deliveries[0]!.bytes.length;

const svixVerifier = new Webhook(SECRET);
const keyBytes = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
const subtleKey = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
const onlySignature = createWebhookVerifier({ signingSecret: SECRET, eventValidation: 'off' });
const validating = createWebhookVerifier({ signingSecret: SECRET });
// The `node` export condition: the same verifier with the native HMAC (a verifier keeps the signer it imported).
useWebhookSigner(nodeWebhookSigner);
const nodeValidating = createWebhookVerifier({ signingSecret: SECRET });
await nodeValidating.verify({ headers: deliveries[0]!.headers, rawBody: deliveries[0]!.body });
useWebhookSigner(webCryptoSigner);

function ok(result: { errors?: ReadonlyArray<{ code: string }> | undefined }): void {
  if (result.errors) throw new Error(result.errors[0]!.code);
}

const contenders: Record<string, (i: number) => unknown> = {
  // Ceiling of a crypto.subtle design: one HMAC over the signed content, nothing else.
  subtle: async (i) => {
    const d = deliveries[i]!;
    await crypto.subtle.sign('HMAC', subtleKey, new TextEncoder().encode(`${d.id}.${d.headers['svix-timestamp']}.${d.body}`));
  },
  nodeHmac: (i) => {
    const d = deliveries[i]!;
    createHmac('sha256', keyBytes).update(`${d.id}.${d.headers['svix-timestamp']}.`).update(d.bytes).digest('base64');
  },
  svix: (i) => {
    const d = deliveries[i]!;
    svixVerifier.verify(d.body, d.headers);
  },
  svixParse: (i) => {
    const d = deliveries[i]!;
    svixVerifier.verify(d.body, d.headers);
    JSON.parse(d.body);
  },
  oursOff: async (i) => ok(await onlySignature.verify({ headers: deliveries[i]!.headers, rawBody: deliveries[i]!.body })),
  oursBytes: async (i) => ok(await onlySignature.verify({ headers: deliveries[i]!.headers, rawBody: deliveries[i]!.bytes })),
  ours: async (i) => ok(await validating.verify({ headers: deliveries[i]!.headers, rawBody: deliveries[i]!.body })),
  oursNode: async (i) => ok(await nodeValidating.verify({ headers: deliveries[i]!.headers, rawBody: deliveries[i]!.body })),
  oursConvenience: async (i) =>
    ok(await verifyWebhook({ headers: deliveries[i]!.headers, rawBody: deliveries[i]!.body }, { signingSecret: SECRET })),
};

/** One pass of sequential (awaited) calls over the deliveries; returns ops/s. */
async function pass(run: (i: number) => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < DELIVERIES; i++) await run(i);
  return DELIVERIES / ((performance.now() - start) / 1000);
}

// Interleaved rounds, best pass per contender (the machine is shared); round 0 is a warm-up.
const best: Record<string, number> = {};
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const [name, run] of Object.entries(contenders)) {
    const opsPerSecond = await pass(run);
    if (round > 0) best[name] = Math.max(best[name] ?? 0, opsPerSecond);
  }
}

const f = (n = 0): string => Math.round(n).toLocaleString('en-US');
const r = (n = 0): string => `${n.toFixed(2)}×`;
const svix = best['svix'] ?? 1;
const row = (label: string, name: string): string => `| ${label} | ${f(best[name])} | ${r((best[name] ?? 0) / svix)} |`;
const lines = [
  `Node ${process.version}, ${DELIVERIES} distinct \`user.created\` deliveries of ${bodyBytes} bytes signed by \`svix\`, sequential awaited calls, best of ${ROUNDS} interleaved passes, one run (${new Date().toISOString().slice(0, 10)}).`,
  '',
  '| Webhook verification | ops/s | vs `svix` |',
  '|---|---:|---:|',
  row('`svix` `Webhook.verify` (signature only; `standardwebhooks`, pure-JS SHA-256)', 'svix'),
  row('`svix` `Webhook.verify` + `JSON.parse`', 'svixParse'),
  row('raw `crypto.subtle.sign` HMAC (ceiling of a web-standard design)', 'subtle'),
  row('raw `node:crypto` `createHmac` (reference)', 'nodeHmac'),
  row("**ours** `createWebhookVerifier().verify`, `eventValidation: 'off'` (signature + JSON)", 'oursOff'),
  row('**ours** same, body as bytes (`express.raw` Buffer)', 'oursBytes'),
  row('**ours** `createWebhookVerifier().verify` (signature + JSON + typed event validation)', 'ours'),
  row('**ours** `verifyWebhook` (convenience, validating)', 'oursConvenience'),
  row('**ours**, `node` export condition (native HMAC; what `clerk-bapi/express` uses), validating', 'oursNode'),
];
const table = lines.join('\n');
console.log(table);
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), `# Webhooks benchmark results\n\n${table}\n`);
