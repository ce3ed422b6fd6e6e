// Issue #22 items 4 and 5 (SECURITY G.44): the webhook verifiers return a result whatever the input, check the
// signature headers before reading a body, cap the body, treat blank headers as missing, and read a repeated
// svix-signature header as svix does.
import { Webhook } from 'svix';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookVerifier, verifyWebhook, type WebhookInput } from '../../src/webhooks/index.js';
import { NOW_SECONDS, SECRET, now, signDelivery, unknownEventBody } from './helpers/deliveries.js';

const options = { signingSecret: SECRET, now };
const verifier = createWebhookVerifier(options);
const both = [
  ['verifyWebhook', (input: unknown) => verifyWebhook(input as WebhookInput, options)],
  ['createWebhookVerifier().verify', (input: unknown) => verifier.verify(input as WebhookInput)],
] as const;

afterEach(() => vi.useRealTimers());

function codeOf(result: { errors?: ReadonlyArray<{ code: string }> }): string | undefined {
  return result.errors?.[0]?.code;
}

describe.each(both)('%s never throws (issue #22 item 4)', (_name, verify) => {
  const delivery = signDelivery(unknownEventBody());
  const throwing = (): never => {
    throw new Error('trap');
  };

  it('on a Proxy whose every trap throws', async () => {
    const input = new Proxy(
      {},
      { get: throwing, has: throwing, getPrototypeOf: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing },
    );
    const result = await verify(input);
    expect(result.errors?.[0]?.code).toBeTypeOf('string');
  });

  it('on headers whose keys cannot be listed', async () => {
    const headers = new Proxy(delivery.headers, { ownKeys: throwing });
    expect(codeOf(await verify({ headers, rawBody: delivery.body }))).toBe('headers_missing');
  });

  it('on a header value read through a throwing getter', async () => {
    const headers = { ...delivery.headers };
    Object.defineProperty(headers, 'svix-id', { get: throwing, enumerable: true });
    expect(codeOf(await verify({ headers, rawBody: delivery.body }))).toBe('headers_missing');
  });

  it('on a throwing rawBody getter', async () => {
    const input = {
      headers: delivery.headers,
      get rawBody(): string {
        throw new Error('no body');
      },
    };
    expect(codeOf(await verify(input))).toBe('body_not_raw');
  });

  it('on a Request whose body stream errors', async () => {
    const body = new ReadableStream({
      pull: (controller) => controller.error(new Error('reset')),
    });
    const request = new Request('https://x.example/webhooks', {
      method: 'POST',
      headers: delivery.headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(codeOf(await verify(request))).toBe('body_not_raw');
  });
});

describe('verifyWebhook(options) never throws on unreadable options (issue #22 item 4)', () => {
  it('gives options_invalid for options behind a throwing Proxy', async () => {
    const bad = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    ) as never;
    const delivery = signDelivery(unknownEventBody());
    expect(codeOf(await verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, bad))).toBe('options_invalid');
    // The constructor refuses them at once, as it does every configuration mistake (issue #25).
    expect(() => createWebhookVerifier(bad)).toThrow(new TypeError('createWebhookVerifier: The options could not be read.'));
  });
});

describe('a Request delivery: headers before body, body capped (issue #22 item 5)', () => {
  function countingRequest(headers: Record<string, string>, chunks: number, chunkBytes = 64 * 1024) {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= chunks) return controller.close();
          pulled++;
          controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
        },
        // No chunk is pulled before someone reads.
      },
      { highWaterMark: 0 },
    );
    const request = new Request('https://x.example/webhooks', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it.each(both)('%s does not read the body of a request without signature headers', async (_name, verify) => {
    const { request, pulled } = countingRequest({ 'content-type': 'application/json' }, 1024);
    expect(codeOf(await verify(request))).toBe('headers_missing');
    expect(pulled()).toBe(0);
    expect(request.bodyUsed).toBe(false);
  });

  it.each(both)('%s does not read the body of a stale delivery', async (_name, verify) => {
    const stale = signDelivery('{}', { timestamp: NOW_SECONDS - 3600 });
    const { request, pulled } = countingRequest(stale.headers, 1024);
    expect(codeOf(await verify(request))).toBe('timestamp_too_old');
    expect(pulled()).toBe(0);
  });

  it.each(both)('%s stops reading a streamed body past 1 MiB (body_too_large)', async (_name, verify) => {
    const delivery = signDelivery('{}');
    // 64 MiB offered; reading must stop just past the cap.
    const { request, pulled } = countingRequest(delivery.headers, 1024);
    const result = await verify(request);
    expect(codeOf(result)).toBe('body_too_large');
    expect(result.webhookId).toBe(delivery.id);
    expect(pulled()).toBeLessThanOrEqual((1024 * 1024) / (64 * 1024) + 2);
  });

  it('refuses a declared Content-Length over the cap without reading, and honours maxBodyBytes', async () => {
    const delivery = signDelivery(unknownEventBody());
    const small = { ...options, maxBodyBytes: 16 };
    const request = new Request('https://x.example/', { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(codeOf(await verifyWebhook(request, small))).toBe('body_too_large');
    expect(codeOf(await verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, small))).toBe('body_too_large');
    const fits = new Request('https://x.example/', { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(codeOf(await verifyWebhook(fits, options))).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN, '1024'])('refuses maxBodyBytes %j as options_invalid', async (maxBodyBytes) => {
    const delivery = signDelivery(unknownEventBody());
    const result = await verifyWebhook(
      { headers: delivery.headers, rawBody: delivery.body },
      { ...options, maxBodyBytes: maxBodyBytes as number },
    );
    expect(codeOf(result)).toBe('options_invalid');
  });
});

describe('blank webhook headers count as missing (issue #22 item 5)', () => {
  const delivery = signDelivery(unknownEventBody(), { id: '' });
  it.each(['svix-id', 'svix-timestamp', 'svix-signature'])('refuses an empty or whitespace-only %s as headers_missing', async (name) => {
    const signed = signDelivery(unknownEventBody());
    for (const blank of ['', ' ', '\t  ']) {
      const headers = { ...signed.headers, [name]: blank };
      expect(codeOf(await verifyWebhook({ headers, rawBody: signed.body }, options)), JSON.stringify(blank)).toBe('headers_missing');
      expect(codeOf(await verifyWebhook(new Request('https://x.example/', { method: 'POST', headers, body: signed.body }), options))).toBe(
        'headers_missing',
      );
    }
  });

  it('refuses a delivery correctly signed over an empty id (it would collide as an idempotency key)', async () => {
    expect(codeOf(await verifyWebhook({ headers: delivery.headers, rawBody: delivery.body }, options))).toBe('headers_missing');
  });
});

describe('a repeated svix-signature header (issue #22 item 5)', () => {
  const delivery = signDelivery(unknownEventBody());
  const other = signDelivery(unknownEventBody(), { secret: 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }).signature;

  function svixAccepts(headers: Record<string, string>, body: string): boolean {
    vi.useFakeTimers({ now: NOW_SECONDS * 1000, toFake: ['Date'] });
    try {
      new Webhook(SECRET).verify(body, headers);
      return true;
    } catch {
      return false;
    } finally {
      vi.useRealTimers();
    }
  }

  it.each([
    ['the good one first', () => [delivery.signature, other]],
    ['the good one last', () => [other, delivery.signature]],
  ])('accepts two headers joined by Node or fetch with ", " when one matches (%s), as svix does', async (_name, order) => {
    const values = order();
    const joined = { ...delivery.headers, 'svix-signature': values.join(', ') };
    expect(svixAccepts(joined, delivery.body)).toBe(true);
    expect(codeOf(await verifyWebhook({ headers: joined, rawBody: delivery.body }, options))).toBeUndefined();
    // Node's req.headers form (a list) and a fetch Headers with two appended values read the same.
    const listed = { ...delivery.headers, 'svix-signature': values };
    expect(codeOf(await verifyWebhook({ headers: listed, rawBody: delivery.body }, options))).toBeUndefined();
    const headers = new Headers({ 'svix-id': delivery.id, 'svix-timestamp': delivery.timestamp });
    for (const value of values) headers.append('svix-signature', value);
    expect(
      codeOf(await verifyWebhook(new Request('https://x.example/', { method: 'POST', headers, body: delivery.body }), options)),
    ).toBeUndefined();
  });

  it('still refuses when no joined signature matches, as svix does', async () => {
    const joined = { ...delivery.headers, 'svix-signature': `${other}, ${other}` };
    expect(svixAccepts(joined, delivery.body)).toBe(false);
    expect(codeOf(await verifyWebhook({ headers: joined, rawBody: delivery.body }, options))).toBe('signature_invalid');
  });
});
