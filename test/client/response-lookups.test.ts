import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/client/describe-failure.js';
import type { OperationDef } from '../../src/client/operation.js';
import { createPagedRule, isPagedRequest } from '../../src/client/paged-response.js';
import type { Shape } from '../../src/kernel/shape.js';
import { createResponseLookup } from '../../src/client/validate-response.js';

// Which check and shape answer a status, paged requests, and failure descriptions, on their own.

const ok: Shape = ['object', { id: 'string' }, ['id'], 1];
const clientError: Shape = ['object', { errors: ['array', 'unknown'] }, ['errors'], 1];

function operation(fields: Partial<OperationDef>): OperationDef {
  return {
    operationId: 'GetThing',
    namespace: 'things',
    method: 'GET',
    path: '/things',
    pathParams: [],
    query: [],
    ...fields,
  };
}

describe('createResponseLookup', () => {
  it('picks the shape of the exact status, else of its class, else none', () => {
    const lookup = createResponseLookup(operation({ shapes: { '200': ok, '4XX': clientError } }));
    expect(lookup(200)).toEqual({ shape: ok });
    expect(lookup(422)).toEqual({ shape: clientError });
    expect(lookup(204)).toEqual({ shape: undefined });
    expect(lookup(500)).toEqual({ shape: undefined });
    expect(createResponseLookup(operation({}))(200)).toEqual({ shape: undefined });
    expect(createResponseLookup(operation({ shapes: { '2XX': ok } }))(202)).toEqual({ shape: ok });
  });
});

describe('paged responses', () => {
  const paged = { parameter: 'paginated', status: '200', shape: ok };

  it('is paged only when the paging parameter is true or "true"', () => {
    const def = operation({ paged });
    expect([true, 'true', false, 'false', 1, undefined].map((paginated) => isPagedRequest(def, { paginated }))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isPagedRequest(def, null)).toBe(false);
    expect(isPagedRequest(def, 'paginated')).toBe(false);
    expect(isPagedRequest(operation({}), { paginated: true })).toBe(false);
  });

  it('gives the paged rule for its status only', () => {
    const ruleFor = createPagedRule(operation({ paged }));
    expect(ruleFor?.(200)).toEqual({ shape: ok });
    expect(ruleFor?.(201)).toBeUndefined();
    expect(createPagedRule(operation({}))).toBeUndefined();
  });
});

describe('describeFailure', () => {
  it('gives the message, with the cause message in brackets when there is one', () => {
    expect(describeFailure(new Error('boom'))).toBe('boom');
    expect(describeFailure(new TypeError('fetch failed', { cause: new Error('ECONNRESET') }))).toBe('fetch failed (ECONNRESET)');
    expect(describeFailure({ message: 'plain', cause: { message: 1 } })).toBe('plain');
  });

  it('falls back when there is no message or reading it throws', () => {
    expect(describeFailure(undefined)).toBe('fetch failed');
    expect(describeFailure('text', 'other')).toBe('other');
    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
    };
    expect(describeFailure(hostile, 'unreadable')).toBe('unreadable');
  });
});
