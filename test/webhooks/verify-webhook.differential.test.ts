// Differential test against the `svix` package: what its signer signs, verifyWebhook accepts, and any
// single-byte change to the id, timestamp, body or signature is refused, by both implementations alike.
import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/webhooks/index.js';
import { NOW_SECONDS, SECRET, now, signDelivery } from './helpers/deliveries.js';

const options = { signingSecret: SECRET, now, eventValidation: 'off' as const };

/** A small deterministic generator, so that failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function bodies(): string[] {
  const next = random(7);
  const out = [
    JSON.stringify({ type: 'user.created', object: 'event', data: { id: 'user_1' }, timestamp: 1, instance_id: 'ins_1' }),
    '{"type": "session.ended",  "data": {"emoji": "🦄", "escaped": "\\u00e9", "n": 1.50}}',
  ];
  for (let i = 0; i < 6; i++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 20) }, () => Math.floor(next() * 1e9).toString(36));
    out.push(JSON.stringify({ type: `widget.${words[0]}`, data: { words, nested: { at: Math.floor(next() * 1e12) } } }, null, i % 3));
  }
  return out;
}

/** Every position of `text` with its byte (ASCII) changed to a different printable character. */
function mutations(text: string, positions: number): string[] {
  const next = random(text.length);
  return Array.from({ length: Math.min(positions, text.length) }, (_, n) => {
    const i = n < text.length && positions >= text.length ? n : Math.floor(next() * text.length);
    const code = text.charCodeAt(i);
    const replacement =
      code === 0x41 ? 'B' : code === 0x30 ? '1' : code < 0x7f ? String.fromCharCode(code === 0x7e ? 0x21 : code + 1) : 'x';
    return text.slice(0, i) + replacement + text.slice(i + 1);
  });
}

function svixAccepts(headers: Record<string, string>, body: string): boolean {
  try {
    new Webhook(SECRET).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}

describe('verifyWebhook against the svix package', () => {
  it('accepts every payload signed by the svix signer', async () => {
    for (const body of bodies()) {
      const delivery = signDelivery(body, { id: `msg_${body.length}` });
      const result = await verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, options);
      expect(result.errors).toBeUndefined();
      expect(result.webhookId).toBe(`msg_${body.length}`);
    }
  });

  it('refuses any single-byte change to the id, timestamp, body or signature', async () => {
    const delivery = signDelivery(bodies()[1]!, { id: 'msg_2mEqtfqsWbWUKSEDXLQgVGNSyJc' });
    const cases: Array<[string, Record<string, string>, string]> = [];
    for (const id of mutations(delivery.id, 64)) cases.push(['id', { ...delivery.headers, 'svix-id': id }, delivery.body]);
    for (const timestamp of mutations(delivery.timestamp, 64))
      cases.push(['timestamp', { ...delivery.headers, 'svix-timestamp': timestamp }, delivery.body]);
    for (const body of mutations(delivery.body, 48)) cases.push(['body', delivery.headers, body]);
    for (const signature of mutations(delivery.signature, 64))
      cases.push(['signature', { ...delivery.headers, 'svix-signature': signature }, delivery.body]);
    expect(cases.length).toBeGreaterThan(120);
    for (const [field, headers, body] of cases) {
      const result = await verifyWebhook({ headers, rawBody: body }, { ...options, toleranceInSeconds: 86_400 });
      expect(result.errors?.[0]?.code, `${field}: ${JSON.stringify(headers)} ${body}`).toMatch(
        /^(signature_invalid|timestamp_(invalid|too_old|too_new))$/,
      );
    }
    // A timestamp changed within the tolerance is caught by the signature, not by the clock.
    const nextSecond = { ...delivery.headers, 'svix-timestamp': String(NOW_SECONDS + 1) };
    expect((await verifyWebhook({ headers: nextSecond, rawBody: delivery.body }, options)).errors?.[0]?.code).toBe('signature_invalid');
  });

  it('agrees with svix verify on the original and on every mutated delivery', async () => {
    const delivery = signDelivery(bodies()[0]!, { timestamp: Math.floor(Date.now() / 1000) });
    const live = { ...options, now: Date.now };
    const variants: Array<[Record<string, string>, string]> = [[delivery.headers, delivery.body]];
    for (const body of mutations(delivery.body, 16)) variants.push([delivery.headers, body]);
    for (const signature of mutations(delivery.signature, 16))
      variants.push([{ ...delivery.headers, 'svix-signature': signature }, delivery.body]);
    for (const [headers, body] of variants) {
      const ours = (await verifyWebhook({ headers, rawBody: body }, live)).errors === undefined;
      expect(ours).toBe(svixAccepts(headers, body));
    }
    expect(NOW_SECONDS).toBeLessThan(Date.now() / 1000);
  });
});
