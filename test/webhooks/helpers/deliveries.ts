// Builds signed deliveries for tests with the `svix` package's own signer (the reference implementation).
import { createHmac } from 'node:crypto';
import { Webhook } from 'svix';

/** A synthetic signing secret (24 random-looking bytes), never a real one. */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
/** The frozen clock of every test: 2021-02-25T15:02:10Z, the known-answer vector's timestamp. */
export const NOW_SECONDS = 1614265330;
export const now = (): number => NOW_SECONDS * 1000;

export interface SignedDelivery {
  id: string;
  timestamp: string;
  body: string;
  signature: string;
  headers: Record<string, string>;
}

/** Signs `body` as Clerk (through Svix) would, with `svix-*` headers. */
export function signDelivery(body: string, options: { id?: string; timestamp?: number; secret?: string } = {}): SignedDelivery {
  const id = options.id ?? 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  const signature = new Webhook(options.secret ?? SECRET).sign(id, new Date(Number(timestamp) * 1000), body);
  return { id, timestamp, body, signature, headers: { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature } };
}

/** The `v1` signature of raw bytes (svix's signer only takes text), computed with node:crypto. */
export function signBytes(id: string, timestamp: string, body: Uint8Array, secret = SECRET): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/** A minimal valid event of a type the spec does not list. */
export function unknownEventBody(type = 'widget.exploded'): string {
  return JSON.stringify({ object: 'event', type, timestamp: NOW_SECONDS * 1000, instance_id: 'ins_1', data: { id: 'wid_1' } });
}
