// clerk-bapi/webhooks under the `node` import condition (the vitest `node` project resolves `#webhook-signer` as
// Node does): the same verification through the native node:crypto HMAC.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyWebhook } from '../../src/webhooks/index.js';
import { NOW_SECONDS, SECRET, now, signBytes, signDelivery, unknownEventBody } from '../webhooks/helpers/deliveries.js';

const options = { signingSecret: SECRET, now };

afterEach(() => vi.restoreAllMocks());

describe('node webhook signer', () => {
  it('matches the known-answer vector without calling crypto.subtle.sign', async () => {
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    expect((await verifyWebhook({ headers, rawBody: '{"test": 2432232314}' }, options)).errors?.[0]?.code).toBe('payload_invalid');
    expect((await verifyWebhook({ headers, rawBody: '{"test": 2432232315}' }, options)).errors?.[0]?.code).toBe('signature_invalid');
    expect(sign).not.toHaveBeenCalled();
  });

  it('accepts svix-signed deliveries and refuses every single-character change to the body or signature', async () => {
    const delivery = signDelivery(unknownEventBody());
    expect((await verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, options)).errors).toBeUndefined();
    for (let i = 0; i < delivery.body.length; i += 7) {
      const body = delivery.body.slice(0, i) + (delivery.body[i] === 'x' ? 'y' : 'x') + delivery.body.slice(i + 1);
      expect((await verifyWebhook({ headers: delivery.headers, rawBody: body }, options)).errors?.[0]?.code).toBe('signature_invalid');
    }
    const signature = delivery.signature.replace(/.(?=.$)/, (c) => (c === 'A' ? 'B' : 'A'));
    const mutated = { ...delivery.headers, 'svix-signature': signature };
    expect((await verifyWebhook({ headers: mutated, rawBody: delivery.body }, options)).errors?.[0]?.code).toBe('signature_invalid');
  });

  it('signs the raw bytes, as the web signer does', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    const headers = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(NOW_SECONDS),
      'svix-signature': signBytes('msg_1', String(NOW_SECONDS), body),
    };
    expect((await verifyWebhook({ headers, rawBody: body }, options)).errors?.[0]?.code).toBe('payload_invalid');
  });
});
