// When a body fails validation, the error still carries the parsed body and says where it and the spec part ways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/client/create-clerk-client.js';
import { describeMismatches } from '../../src/kernel/describe-mismatch.js';
import { findProblems, type Shape } from '../../src/kernel/shape.js';
import { sendJson, useStubServer } from '../client/fixtures/stub-server.js';

const server = useStubServer();
const user = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/real-world/bases/user.json'), 'utf8')) as Record<string, any>;

function withVerification(verification: unknown): Record<string, any> {
  const copy = structuredClone(user);
  copy['email_addresses'][0].verification = verification;
  return copy;
}

async function getUserAnswering(body: unknown) {
  server.handle((_request, res) => sendJson(res, 200, body));
  return createClerkClient({ secretKey: 'sk_test_mismatch0tests', apiUrl: server.url, responseValidation: 'error' }).users.getUser(
    'user_1',
  );
}

describe('validation failures', () => {
  it('keep the parsed body and name the path, the expected type and the received value', async () => {
    const body = withVerification({
      object: 'verification_otp',
      status: 'verified',
      strategy: 'email_code',
      attempts: 'many',
      expire_at: null,
    });
    const result = await getUserAnswering(body);
    const error = result.errors?.[0];
    expect(error?.code).toBe('response_validation_failed');
    expect(error?.meta?.['body']).toEqual(body);
    expect(error?.meta?.['mismatches']).toEqual([
      { path: '$.email_addresses[0].verification.attempts', expected: 'number or null', received: 'string "many"' },
    ]);
    expect(error?.message).toBe(
      'The 200 response of GetUser does not match its schema at $.email_addresses[0].verification.attempts: expected number or null, received string "many".',
    );
  });

  it('follow the union variant that got furthest when no variant matches an untagged value', async () => {
    const result = await getUserAnswering(
      withVerification({ status: 'verified', strategy: 'email_code', attempts: 'many', expire_at: null }),
    );
    expect(result.errors?.[0].meta?.['mismatches']).toEqual([
      expect.objectContaining({ path: '$.email_addresses[0].verification.attempts', expected: 'number or null' }),
    ]);
  });

  it('say when a required property is absent', async () => {
    const { id: _id, ...withoutId } = user;
    const result = await getUserAnswering(withoutId);
    expect(result.errors?.[0].meta?.['mismatches']).toEqual([
      { path: '$.id', expected: 'string', received: 'nothing (the property is absent)' },
    ]);
  });
});

describe('describeMismatches', () => {
  it('quotes odd keys, lists allowed values and shortens long values', () => {
    const body = { 'odd key': [{ mode: 'x'.repeat(100) }], list: [1, 2] };
    const shape: Shape = [
      'object',
      { 'odd key': ['array', ['object', { mode: ['enum', 'a', 'b'] }, [], 1]], list: ['object', {}, [], 1], gone: 'string' },
      ['gone'],
      1,
    ];
    expect(describeMismatches(findProblems(shape, body), body)).toEqual([
      { path: '$["odd key"][0].mode', expected: 'one of "a", "b"', received: `string "${'x'.repeat(59)}…` },
      { path: '$.list', expected: 'an object', received: 'an array of 2' },
      { path: '$.gone', expected: 'string', received: 'nothing (the property is absent)' },
    ]);
  });
});

describe('what a mismatch says was received', () => {
  it('describes null, objects, empty objects, arrays and values cut at 60 characters', () => {
    const body = { a: null, b: { x: 1, y: 2 }, c: {}, d: [1, 2, 3], e: 'y'.repeat(58), f: 'z'.repeat(62), g: true };
    const shape: Shape = ['object', { a: 'string', b: 'string', c: 'string', d: 'string', e: 'number', f: 'number', g: 'number' }, [], 1];
    expect(describeMismatches(findProblems(shape, body), body).map((mismatch) => mismatch.received)).toEqual([
      'null',
      'an object with keys x, y',
      'an object with keys (none)',
      'an array of 3',
      `string "${'y'.repeat(58)}"`,
      `string "${'z'.repeat(59)}…`,
      'boolean true',
    ]);
  });

  it('says a value under a missing parent is absent', () => {
    expect(describeMismatches([{ path: ['a', 'b'], expected: 'string', reason: 'missing' }], { a: 1 })).toEqual([
      { path: '$.a.b', expected: 'string', received: 'nothing (the property is absent)' },
    ]);
    expect(describeMismatches([{ path: ['a', 0], expected: 'string', reason: 'missing' }], { a: null })[0]?.received).toBe(
      'nothing (the property is absent)',
    );
  });
});

describe('what a mismatch says was received, at the edges', () => {
  it('names at most eight keys of an object', () => {
    const body = { a: Object.fromEntries('abcdefghij'.split('').map((key) => [key, 1])) };
    expect(describeMismatches([{ path: ['a'], expected: 'string', reason: 'type' }], body)[0]?.received).toBe(
      'an object with keys a, b, c, d, e, f, g, h',
    );
  });

  it('says a value under a string or an undefined parent is absent, not a character of it', () => {
    const problem = { path: ['a', 0], expected: 'string', reason: 'type' } as const;
    expect(describeMismatches([problem], { a: 'text' })[0]?.received).toBe('nothing (the property is absent)');
    expect(describeMismatches([problem], { a: undefined })[0]?.received).toBe('nothing (the property is absent)');
  });
});
