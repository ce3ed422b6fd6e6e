// SECURITY.md section D, one describe per item, plus the typed-error guarantees of verifyWebhook.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookVerifier, verifyWebhook, type WebhookInput } from '../../src/webhooks/index.js';
import { NOW_SECONDS, SECRET, now, signBytes, signDelivery, unknownEventBody } from './helpers/deliveries.js';

const options = { signingSecret: SECRET, now };
const KNOWN_BODY = '{"test": 2432232314}';
const KNOWN_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

function codeOf(result: { errors?: ReadonlyArray<{ code: string }> }): string | undefined {
  return result.errors?.[0]?.code;
}

function input(headers: Record<string, string>, rawBody: unknown): WebhookInput {
  return { headers, rawBody } as WebhookInput;
}

afterEach(() => vi.restoreAllMocks());

describe('D30 known-answer vector', () => {
  it('accepts the Standard Webhooks test vector and refuses it with one changed character', async () => {
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': KNOWN_SIGNATURE,
    };
    // The vector's body is not an event, so the signature passes and the payload check is what refuses it.
    expect(codeOf(await verifyWebhook(input(headers, KNOWN_BODY), options))).toBe('payload_invalid');
    const mutated = { ...headers, 'webhook-signature': KNOWN_SIGNATURE.replace('g0h', 'g1h') };
    expect(codeOf(await verifyWebhook(input(mutated, KNOWN_BODY), options))).toBe('signature_invalid');
  });

  it('computes the same signature as the vector (svix signer agrees)', () => {
    expect(signDelivery(KNOWN_BODY).signature).toBe(KNOWN_SIGNATURE);
  });
});

describe('D25 signed content is id.timestamp.rawBody over the raw bytes', () => {
  it('refuses a body re-serialised with JSON.stringify', async () => {
    const delivery = signDelivery('{"type": "widget.exploded", "object": "event", "timestamp": 1, "instance_id": "ins_1", "data": {}}');
    const reserialised = JSON.stringify(JSON.parse(delivery.body));
    expect(codeOf(await verifyWebhook(input(delivery.headers, reserialised), options))).toBe('signature_invalid');
    expect(codeOf(await verifyWebhook(input(delivery.headers, delivery.body), options))).toBeUndefined();
  });

  it('refuses an already-parsed JSON object with body_not_raw and a hint, never re-serialising it', async () => {
    const delivery = signDelivery(unknownEventBody());
    const result = await verifyWebhook(input(delivery.headers, JSON.parse(delivery.body)), options);
    expect(codeOf(result)).toBe('body_not_raw');
    expect(result.errors?.[0]?.message).toMatch(/already parsed.*express\.raw/s);
  });

  it('verifies the exact bytes: a signed body that is not UTF-8 passes the signature and fails as payload', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"a":"\xff"}
    const headers = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(NOW_SECONDS),
      'svix-signature': signBytes('msg_1', String(NOW_SECONDS), body),
    };
    expect(codeOf(await verifyWebhook(input(headers, body), options))).toBe('payload_invalid');
    expect(codeOf(await verifyWebhook(input(headers, new TextDecoder().decode(body)), options))).toBe('signature_invalid');
  });

  it('accepts every raw byte container: string, Uint8Array, Buffer, ArrayBuffer, DataView', async () => {
    const delivery = signDelivery(unknownEventBody());
    const bytes = new TextEncoder().encode(delivery.body);
    for (const rawBody of [delivery.body, bytes, Buffer.from(delivery.body), bytes.slice().buffer, new DataView(bytes.slice().buffer)]) {
      expect(codeOf(await verifyWebhook(input(delivery.headers, rawBody), options))).toBeUndefined();
    }
  });

  it('reads a web Request once, and refuses one whose body was already read', async () => {
    const delivery = signDelivery(unknownEventBody());
    const request = () => new Request('http://127.0.0.1/webhooks', { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(codeOf(await verifyWebhook(request(), options))).toBeUndefined();
    const used = request();
    await used.text();
    expect(codeOf(await verifyWebhook(used, options))).toBe('body_not_raw');
  });

  it('refuses a missing body and non-object input with body_not_raw', async () => {
    const delivery = signDelivery(unknownEventBody());
    expect(codeOf(await verifyWebhook(input(delivery.headers, undefined), options))).toBe('body_not_raw');
    expect(codeOf(await verifyWebhook(input(delivery.headers, 42), options))).toBe('body_not_raw');
    expect(codeOf(await verifyWebhook(null as unknown as WebhookInput, options))).toBe('body_not_raw');
  });
});

describe('D26 signature header lists', () => {
  const delivery = signDelivery(unknownEventBody());
  const value = delivery.signature.slice('v1,'.length);
  const withSignature = (signature: string) => input({ ...delivery.headers, 'svix-signature': signature }, delivery.body);

  it('passes when any v1 entry of a space-separated list matches', async () => {
    const other = signDelivery(delivery.body, { secret: 'whsec_' + btoa('another secret of 24 b.') }).signature;
    expect(codeOf(await verifyWebhook(withSignature(`${other} v1,AAAA ${delivery.signature}`), options))).toBeUndefined();
    expect(codeOf(await verifyWebhook(withSignature(`${delivery.signature} ${other}`), options))).toBeUndefined();
  });

  it('skips v1a and v2 entries even when they carry the right value', async () => {
    expect(codeOf(await verifyWebhook(withSignature(`v1a,${value}`), options))).toBe('signature_invalid');
    expect(codeOf(await verifyWebhook(withSignature(`v2,${value}`), options))).toBe('signature_invalid');
    expect(codeOf(await verifyWebhook(withSignature(`v1a,${value} v2,${value} ${delivery.signature}`), options))).toBeUndefined();
  });

  it('refuses a bare signature without a version', async () => {
    expect(codeOf(await verifyWebhook(withSignature(value), options))).toBe('signature_invalid');
  });

  it('refuses an empty header as missing (SECURITY G.44)', async () => {
    expect(codeOf(await verifyWebhook(withSignature(''), options))).toBe('headers_missing');
  });
});

describe('D27 timestamp tolerance and format', () => {
  const at = (offset: number) => signDelivery(unknownEventBody(), { timestamp: NOW_SECONDS + offset });

  it('accepts ±300 s by default and refuses one second more, either way', async () => {
    for (const offset of [-300, 0, 300])
      expect(codeOf(await verifyWebhook(input(at(offset).headers, at(offset).body), options))).toBeUndefined();
    expect(codeOf(await verifyWebhook(input(at(-301).headers, at(-301).body), options))).toBe('timestamp_too_old');
    expect(codeOf(await verifyWebhook(input(at(301).headers, at(301).body), options))).toBe('timestamp_too_new');
  });

  it('uses a configured tolerance', async () => {
    const narrow = { ...options, toleranceInSeconds: 10 };
    expect(codeOf(await verifyWebhook(input(at(-10).headers, at(-10).body), narrow))).toBeUndefined();
    expect(codeOf(await verifyWebhook(input(at(-11).headers, at(-11).body), narrow))).toBe('timestamp_too_old');
    const wide = { ...options, toleranceInSeconds: 3600 };
    expect(codeOf(await verifyWebhook(input(at(-3000).headers, at(-3000).body), wide))).toBeUndefined();
  });

  it.each(['1614265330abc', ' 1614265330', '+1614265330', '1614265330.5', '-1', '16142653300', '1e9', '１６１４２６５３３０'])(
    'refuses the timestamp %j as timestamp_invalid',
    async (timestamp) => {
      const delivery = signDelivery(unknownEventBody());
      const result = await verifyWebhook(input({ ...delivery.headers, 'svix-timestamp': timestamp }, delivery.body), options);
      expect(codeOf(result)).toBe('timestamp_invalid');
    },
  );

  it('fails closed on a clock that throws or returns NaN', async () => {
    const delivery = signDelivery(unknownEventBody());
    for (const clock of [
      () => Number.NaN,
      () => {
        throw new Error('no clock');
      },
    ]) {
      expect(codeOf(await verifyWebhook(input(delivery.headers, delivery.body), { ...options, now: clock }))).toBe('options_invalid');
    }
  });

  it.each([-1, Number.NaN, Infinity, '300', 86_401])('refuses the tolerance %j as options_invalid', async (toleranceInSeconds) => {
    const delivery = signDelivery(unknownEventBody());
    const result = await verifyWebhook(input(delivery.headers, delivery.body), {
      ...options,
      toleranceInSeconds: toleranceInSeconds as number,
    });
    expect(codeOf(result)).toBe('options_invalid');
  });
});

describe('D28 constant-time comparison and wrong lengths', () => {
  it.each(['v1,', 'v1,AAAA', 'v1,not base64 at all!!', `v1,${'A'.repeat(4096)}`, 'v1,,,,'])(
    'gives signature_invalid (not a RangeError) for %j',
    async (signature) => {
      const delivery = signDelivery(unknownEventBody());
      const result = await verifyWebhook(input({ ...delivery.headers, 'svix-signature': signature.slice(0, 60) }, delivery.body), options);
      expect(codeOf(result)).toBe('signature_invalid');
    },
  );

  it('compares without decoding: a signature differing only in its last character is refused', async () => {
    const delivery = signDelivery(unknownEventBody());
    const last = delivery.signature.at(-2)!;
    const mutated = delivery.signature.slice(0, -2) + (last === 'A' ? 'B' : 'A') + delivery.signature.at(-1);
    expect(codeOf(await verifyWebhook(input({ ...delivery.headers, 'svix-signature': mutated }, delivery.body), options))).toBe(
      'signature_invalid',
    );
  });
});

describe('D29 secrets and header names', () => {
  const delivery = signDelivery(unknownEventBody());

  it('accepts the secret with or without its whsec_ prefix', async () => {
    const bare = { ...options, signingSecret: SECRET.slice('whsec_'.length) };
    expect(codeOf(await verifyWebhook(input(delivery.headers, delivery.body), bare))).toBeUndefined();
  });

  it('decodes and imports the secret once per verifier, and once per secret in verifyWebhook', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const verifier = createWebhookVerifier(options);
    for (let i = 0; i < 3; i++) expect(codeOf(await verifier.verify(input(delivery.headers, delivery.body)))).toBeUndefined();
    expect(importKey).toHaveBeenCalledTimes(1);
    const secret = 'whsec_' + btoa('a secret only this test!');
    const signed = signDelivery(delivery.body, { secret });
    for (let i = 0; i < 3; i++)
      expect(codeOf(await verifyWebhook(input(signed.headers, signed.body), { ...options, signingSecret: secret }))).toBeUndefined();
    expect(importKey).toHaveBeenCalledTimes(2);
  });

  it.each([undefined, '', 'whsec_', 'whsec_not base64!', 'whsec_abc', 42])(
    'refuses the secret %j with secret_invalid',
    async (signingSecret) => {
      const result = await verifyWebhook(input(delivery.headers, delivery.body), { ...options, signingSecret: signingSecret as string });
      expect(codeOf(result)).toBe('secret_invalid');
    },
  );

  it('never puts the secret in a result', async () => {
    const results = [
      await verifyWebhook(input(delivery.headers, delivery.body), options),
      await verifyWebhook(input({ ...delivery.headers, 'svix-signature': 'v1,AAAA' }, delivery.body), options),
      await verifyWebhook(input(delivery.headers, delivery.body), { ...options, signingSecret: 'whsec_not base64!' }),
    ];
    const key = SECRET.slice('whsec_'.length);
    for (const result of results) expect(JSON.stringify(result)).not.toMatch(new RegExp(`${key.slice(0, 12)}|not base64!`));
    const verifier = createWebhookVerifier(options);
    await verifier.verify(input(delivery.headers, delivery.body));
    expect(JSON.stringify(verifier)).not.toContain(key.slice(0, 12));
    expect(inspect(verifier, { showHidden: true, depth: 5 })).not.toContain(key.slice(0, 12));
  });

  it('reads svix-* and webhook-* names, in any case, from Headers and plain objects', async () => {
    const webhookNames = { 'webhook-id': delivery.id, 'webhook-timestamp': delivery.timestamp, 'webhook-signature': delivery.signature };
    const shouting = { 'SVIX-ID': delivery.id, 'Svix-Timestamp': delivery.timestamp, 'sViX-sIgNaTuRe': delivery.signature };
    for (const headers of [delivery.headers, webhookNames, shouting, new Headers(shouting), new Headers(webhookNames)]) {
      expect(codeOf(await verifyWebhook({ headers, rawBody: delivery.body }, options))).toBeUndefined();
    }
  });

  it('accepts Node-style array values and reports the missing header names', async () => {
    const arrays = { 'svix-id': [delivery.id], 'svix-timestamp': [delivery.timestamp], 'svix-signature': [delivery.signature] };
    expect(codeOf(await verifyWebhook({ headers: arrays, rawBody: delivery.body }, options))).toBeUndefined();
    const { 'svix-signature': _, ...partial } = delivery.headers;
    const result = await verifyWebhook(input(partial, delivery.body), options);
    expect(codeOf(result)).toBe('headers_missing');
    expect(result.errors?.[0]?.message).toContain('svix-signature');
    expect(codeOf(await verifyWebhook({ headers: undefined as never, rawBody: delivery.body }, options))).toBe('headers_missing');
  });
});

describe('results', () => {
  it('exposes the webhook id for de-duplication, on success and on refusal after the headers were read', async () => {
    const delivery = signDelivery(unknownEventBody(), { id: 'msg_dedupe_1' });
    expect((await verifyWebhook(input(delivery.headers, delivery.body), options)).webhookId).toBe('msg_dedupe_1');
    const refused = await verifyWebhook(input({ ...delivery.headers, 'svix-signature': 'v1,AAAA' }, delivery.body), options);
    expect(refused.webhookId).toBe('msg_dedupe_1');
  });

  it('never throws, whatever the input', async () => {
    const odd: unknown[] = [undefined, 1, 'x', [], { headers: 5, rawBody: 5 }, { headers: { 'svix-id': 5 }, body: Symbol('x') }];
    for (const value of odd) await expect(verifyWebhook(value as WebhookInput, options)).resolves.toHaveProperty('errors');
    await expect(verifyWebhook(input({}, ''), undefined as never)).resolves.toHaveProperty('errors');
  });
});
