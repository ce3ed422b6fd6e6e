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
    methodName: 'getThing',
    method: 'GET',
    path: '/things',
    pathParams: [],
    query: [],
    ...fields,
  };
}

describe('createResponseLookup', () => {
  it('picks the check and shape of the exact status, else of its class, else none', () => {
    const exact = () => true;
    const range = () => false;
    const lookup = createResponseLookup(operation({ checks: { '200': exact, '4XX': range }, shapes: { '200': ok, '4XX': clientError } }));
    expect(lookup(200)).toEqual({ check: exact, shape: ok });
    expect(lookup(422)).toEqual({ check: range, shape: clientError });
    expect(lookup(204)).toEqual({ check: undefined, shape: undefined });
    expect(lookup(500)).toEqual({ check: undefined, shape: undefined });
    expect(createResponseLookup(operation({}))(200)).toEqual({ check: undefined, shape: undefined });
  });

  it('keeps a shape without a check (standalone functions) and a check without a shape', () => {
    const check = () => true;
    expect(createResponseLookup(operation({ shapes: { '201': ok } }))(201)).toEqual({ check: undefined, shape: ok });
    expect(createResponseLookup(operation({ checks: { '2XX': check } }))(202)).toEqual({ check, shape: undefined });
  });
});

describe('paged responses', () => {
  const check = () => true;
  const paged = { parameter: 'paginated', status: '200', check, shape: ok };

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
    expect(ruleFor?.(200)).toEqual({ check, shape: ok });
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
