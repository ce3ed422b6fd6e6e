import { describe, expect, it } from 'vitest';
import { apiErrorsOf, parseJson, traceIdOf } from '../../src/client/response-errors.js';

// How an error response becomes ApiErrors, on its own: Clerk's error entries, the fallback for other bodies,
// trace ids and Retry-After.

const none = { traceId: undefined, retryAfterMs: undefined, body: undefined };

describe('traceIdOf', () => {
  const headers = (init: Record<string, string>) => new Response(null, { headers: init });

  it('prefers the body trace id, then x-clerk-trace-id, then cf-ray', () => {
    const both = headers({ 'x-clerk-trace-id': 'hdr', 'cf-ray': 'ray' });
    expect(traceIdOf(both, { clerk_trace_id: 'body' })).toBe('body');
    expect(traceIdOf(both, { clerk_trace_id: 42 })).toBe('hdr');
    expect(traceIdOf(both, [{ clerk_trace_id: 'body' }])).toBe('hdr');
    expect(traceIdOf(headers({ 'cf-ray': 'ray' }), null)).toBe('ray');
    expect(traceIdOf(headers({}), undefined)).toBeUndefined();
  });
});

describe('apiErrorsOf', () => {
  it("maps Clerk's error entries, camel-casing meta keys without touching the prototype", () => {
    const body = JSON.parse(
      '{"errors":[{"code":"form_param_missing","message":"missing","long_message":"The email is missing.","meta":{"param_name":"email_address","v_2":1,"__proto__":{"x":1}}}]}',
    );
    const [error] = apiErrorsOf(422, '', { traceId: 't1', retryAfterMs: 1500, body });
    const { meta, ...rest } = error ?? {};
    expect(rest).toEqual({
      code: 'form_param_missing',
      message: 'missing',
      longMessage: 'The email is missing.',
      status: 422,
      traceId: 't1',
      retryAfter: 1.5,
    });
    expect(meta?.['paramName']).toBe('email_address');
    expect(meta?.['v2']).toBe(1);
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    // Plain data properties, as an object literal would have: the caller may change or delete them.
    expect(Object.getOwnPropertyDescriptor(meta, 'paramName')).toEqual({
      value: 'email_address',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });

  it('skips entries without a string code, uses the code as message when there is none, and adds no absent fields', () => {
    const body = { errors: [null, 'oops', { message: 'no code' }, { code: 'only_code', meta: 'not an object', long_message: 3 }] };
    const errors = apiErrorsOf(400, '', { ...none, body });
    expect(errors).toEqual([{ code: 'only_code', message: 'only_code', status: 400 }]);
    expect(Object.keys(errors[0])).toEqual(['code', 'message', 'status']);
  });

  it('falls back to http_error with a snippet of the body, cut after 200 characters', () => {
    expect(apiErrorsOf(502, 'Bad gateway', none)).toEqual([{ code: 'http_error', message: 'HTTP 502: Bad gateway', status: 502 }]);
    expect(apiErrorsOf(500, '', none)[0].message).toBe('HTTP 500 with an empty body');
    expect(apiErrorsOf(500, 'x'.repeat(200), none)[0].message).toBe(`HTTP 500: ${'x'.repeat(200)}`);
    expect(apiErrorsOf(500, 'x'.repeat(201), none)[0].message).toBe(`HTTP 500: ${'x'.repeat(200)}…`);
    expect(apiErrorsOf(500, '{"errors":"not a list"}', { ...none, body: { errors: 'not a list' } })[0].code).toBe('http_error');
    expect(apiErrorsOf(500, '[]', { ...none, body: [] })[0].code).toBe('http_error');
  });

  it('puts status, trace id and Retry-After seconds on the fallback too', () => {
    expect(apiErrorsOf(429, '', { traceId: 'ray', retryAfterMs: 0, body: undefined })).toEqual([
      { code: 'http_error', message: 'HTTP 429 with an empty body', status: 429, traceId: 'ray', retryAfter: 0 },
    ]);
  });
});

describe('parseJson', () => {
  it('reads an empty body as no value and refuses text that is not JSON', () => {
    expect(parseJson('')).toEqual({ value: undefined });
    expect(parseJson('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parseJson('null')).toEqual({ value: null });
    expect(parseJson('<html>')).toBe('failed');
  });
});
