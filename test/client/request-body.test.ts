import { describe, expect, it } from 'vitest';
import { serializeJsonBody } from '../../src/client/request-body.js';

// JSON request bodies on their own (multipart ones: multipart-body.test.ts).

describe('serializeJsonBody', () => {
  it('sends no body for undefined and JSON text for a JSON body', () => {
    expect(serializeJsonBody(undefined)).toBeUndefined();
    expect(serializeJsonBody({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(serializeJsonBody(null)).toBe('null');
  });

  it('passes a FormData through unchanged, as openapi-fetch did', () => {
    const form = new FormData();
    expect(serializeJsonBody(form)).toBe(form);
  });
});
