import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from './fixtures/client.js';
import { sendJson, startStubServer, type StubServer } from './fixtures/stub-server.js';
import { makeUser } from './fixtures/users.js';

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((_req, res) => sendJson(res, 200, makeUser(1)));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Parses the recorded request with the platform's own multipart parser. */
async function receivedForm(): Promise<FormData> {
  const request = server.requests[0];
  if (!request) throw new Error('no request');
  return new Response(new Uint8Array(request.body), { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
}

describe('multipart uploads', () => {
  it('sends a Uint8Array as a real multipart/form-data file part', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const result = await createFixtureClient(server.url).users.setUserProfileImage('user_1', { file: bytes });
    expect(result.errors).toBeUndefined();
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/users/user_1/profile_image');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const file = (await receivedForm()).get('file');
    expect(file).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(bytes);
  });

  it('keeps the name and type of a File', async () => {
    const file = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    await createFixtureClient(server.url).users.setUserProfileImage('user_1', { file });
    const received = (await receivedForm()).get('file') as File;
    expect(received.name).toBe('logo.svg');
    expect(received.type).toBe('image/svg+xml');
    expect(await received.text()).toBe('<svg/>');
  });

  it('sends a Blob', async () => {
    await createFixtureClient(server.url).users.setUserProfileImage('user_1', { file: new Blob(['abc'], { type: 'image/png' }) });
    expect(await ((await receivedForm()).get('file') as Blob).text()).toBe('abc');
  });

  it('returns params_invalid for a field that cannot be a form part', async () => {
    const result = await createFixtureClient(server.url).users.setUserProfileImage('user_1', { file: { nope: 1 } as unknown as Blob });
    expect(result.errors?.[0].code).toBe('params_invalid');
    expect(server.requests).toHaveLength(0);
  });
});
