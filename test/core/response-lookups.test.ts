import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { describeFailure } from '../../src/core/describe-failure.js';
import type { OperationDef } from '../../src/core/operation.js';
import { createPagedShape, isPagedRequest } from '../../src/core/paged-response.js';
import { createCheckLookup, createValidatorLookup } from '../../src/core/validate-response.js';

// Which schema and fast check answer a status, paged requests, and failure descriptions, on their own.

const ok = z.object({ id: z.string() });
const clientError = z.object({ errors: z.array(z.unknown()) });

function operation(fields: Partial<OperationDef>): OperationDef {
  return {
    operationId: 'GetThing',
    namespace: 'things',
    methodName: 'getThing',
    method: 'GET',
    path: '/things',
    pathParams: [],
    query: [],
    responses: {},
    ...fields,
  };
}

describe('createValidatorLookup', () => {
  it('picks the schema of the exact status, else of its class, else none, loading each once', async () => {
    const loadOk = vi.fn(() => ok);
    const lookup = createValidatorLookup(operation({ responses: { '200': loadOk, '4XX': () => clientError } }));
    expect(await lookup(200)).toBe(ok);
    expect(await lookup(200)).toBe(ok);
    expect(loadOk).toHaveBeenCalledTimes(1);
    expect(await lookup(404)).toBe(clientError);
    expect(await lookup(201)).toBeUndefined();
    expect(await lookup(500)).toBeUndefined();
  });
});

describe('createCheckLookup', () => {
  it('picks the check of the exact status, else of its class, else none', () => {
    const exact = () => true;
    const range = () => false;
    const lookup = createCheckLookup(operation({ checks: { '200': exact, '4XX': range } }));
    expect(lookup(200)).toBe(exact);
    expect(lookup(422)).toBe(range);
    expect(lookup(204)).toBeUndefined();
    expect(createCheckLookup(operation({}))(200)).toBeUndefined();
  });
});

describe('paged responses', () => {
  const check = () => true;
  const paged = { parameter: 'paginated', status: '200', check, response: () => ok };

  it('is paged only when the paging parameter is true or "true"', () => {
    const def = operation({ paged } as Partial<OperationDef>);
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

  it('gives the paged shape for its status only, loading the schema once', async () => {
    const response = vi.fn(() => ok);
    const shapeFor = createPagedShape(operation({ paged: { ...paged, response } } as Partial<OperationDef>));
    const shape = shapeFor?.(200);
    expect(shape?.check).toBe(check);
    expect(await shape?.validator()).toBe(ok);
    expect(await shape?.validator()).toBe(ok);
    expect(response).toHaveBeenCalledTimes(1);
    expect(shapeFor?.(201)).toBeUndefined();
    expect(createPagedShape(operation({}))).toBeUndefined();
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
