import { afterEach, describe, expect, it, vi } from 'vitest';
import { failWith, failWithoutResponse } from '../../src/client/api-result.js';
import { consoleLogger, guardLogger } from '../../src/kernel/logger.js';
import { redactResult } from '../../src/client/redact-result.js';
import { redactDeep } from '../../src/kernel/redact-deep.js';

// Redaction of results and the logger guard, on their own.

const redact = (text: string) => text.replaceAll('sk_test_secret', '[redacted]');

describe('redactDeep and redactResult', () => {
  it('redacts every string of a nested value, drops __proto__ keys and cuts what is too deep', () => {
    const nested = JSON.parse('{"a":["x sk_test_secret"],"__proto__":{"polluted":true},"b":{"c":"sk_test_secret"}}');
    expect(redactDeep(nested, redact)).toEqual({ a: ['x [redacted]'], b: { c: '[redacted]' } });
    let deep: unknown = 'sk_test_secret';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(JSON.stringify(redactDeep(deep, redact))).toContain('[redacted: too deep]');
    expect(JSON.stringify(redactDeep(deep, redact))).not.toContain('sk_test_secret');
  });

  it('returns a success without a trace id to redact unchanged, and redacts a trace id when there is one', () => {
    const success = { data: 1, response: new Response(), status: 200, traceId: undefined };
    expect(redactResult(success, redact)).toBe(success);
    const clean = { ...success, traceId: 'trace' };
    expect(redactResult(clean, redact)).toBe(clean);
    expect(redactResult({ ...success, traceId: 'sk_test_secret' }, redact).traceId).toBe('[redacted]');
  });

  it('redacts the errors and trace id of a failure', () => {
    const failure = {
      ...failWith([{ code: 'http_error', message: 'key sk_test_secret', meta: { k: 'sk_test_secret' } }]),
      traceId: 'sk_test_secret',
    };
    expect(redactResult(failure, redact)).toEqual({
      errors: [{ code: 'http_error', message: 'key [redacted]', meta: { k: '[redacted]' } }],
      response: undefined,
      status: undefined,
      traceId: '[redacted]',
    });
  });
});

describe('failWithoutResponse', () => {
  it('adds meta only when given', () => {
    expect(failWithoutResponse('aborted', 'm')).toEqual({
      errors: [{ code: 'aborted', message: 'm' }],
      response: undefined,
      status: undefined,
      traceId: undefined,
    });
    expect(Object.keys(failWithoutResponse('aborted', 'm').errors[0])).toEqual(['code', 'message']);
    expect(failWithoutResponse('aborted', 'm', { a: 1 }).errors[0]).toEqual({ code: 'aborted', message: 'm', meta: { a: 1 } });
  });
});

describe('loggers', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prefixes console warnings and always passes details', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    consoleLogger.warn('careful', { a: 1 });
    consoleLogger.warn('plain');
    expect(warn.mock.calls).toEqual([
      ['[clerk-bapi] careful', { a: 1 }],
      ['[clerk-bapi] plain', {}],
    ]);
  });

  it('passes calls on and swallows what a broken logger throws', () => {
    const calls: unknown[] = [];
    const guarded = guardLogger({
      warn: (message, details) => calls.push(['warn', message, details]),
      debug(message, details) {
        calls.push(['debug', message, details, this === undefined]);
      },
    });
    guarded.warn('w', { a: 1 });
    guarded.debug?.('d', { b: 2 });
    expect(calls).toEqual([
      ['warn', 'w', { a: 1 }],
      ['debug', 'd', { b: 2 }, false],
    ]);
    const broken = guardLogger({
      warn: () => {
        throw new Error('broken');
      },
      debug: () => {
        throw new Error('broken');
      },
    });
    expect(() => broken.warn('w')).not.toThrow();
    expect(() => broken.debug?.('d')).not.toThrow();
    expect(typeof broken.debug).toBe('function');
  });

  it('has no debug when the logger has none', () => {
    expect(guardLogger({ warn: () => undefined }).debug).toBeUndefined();
  });
});
