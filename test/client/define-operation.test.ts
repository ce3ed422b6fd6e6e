// The compact form of the generated operation table: each flag and each derived field of an OperationDef.
import { describe, expect, it } from 'vitest';
import { defineOperation } from '../../src/client/define-operation.js';
import type { Shape } from '../../src/kernel/shape.js';

const user: Shape = ['object', { id: 'string' }, 1, 1];
const listParams: Shape = ['object', { limit: 'number', ids: ['array', 'string'], order_by: 'string' }, [], 0];

describe('defineOperation', () => {
  it('reads the operationId, namespace, method and path, and derives the path params in path order', () => {
    expect(defineOperation('GetMembership orgs GET /organizations/{organization_id}/memberships/{user_id}', 0, user)).toEqual({
      operationId: 'GetMembership',
      namespace: 'orgs',
      method: 'GET',
      path: '/organizations/{organization_id}/memberships/{user_id}',
      pathParams: ['organization_id', 'user_id'],
      query: [],
      shapes: { '200': user },
    });
  });

  it('derives the query parameters from the params keys when there is no body, exploded unless listed', () => {
    const def = defineOperation('ListThings things GET /things envelope unexploded=ids', listParams, user);
    expect(def.query).toEqual([
      { name: 'limit', explode: true },
      { name: 'ids', explode: false },
      { name: 'order_by', explode: true },
    ]);
    expect(def).toMatchObject({ params: listParams, pagination: 'envelope' });
    expect(def.body).toBeUndefined();
  });

  it('marks bodies (required with !) and sends no query for them', () => {
    const body: Shape = ['object', { name: 'string' }, ['name'], 0];
    expect(defineOperation('CreateThing things POST /things json!', body, user)).toMatchObject({
      body: 'json',
      bodyRequired: true,
      query: [],
      params: body,
    });
    expect(defineOperation('SetImage things POST /things/{id}/image multipart', body)).toMatchObject({
      body: 'multipart',
      bodyRequired: false,
      query: [],
    });
    expect(defineOperation('SetImage things POST /things/{id}/image multipart', body).shapes).toBeUndefined();
  });

  it('reads a method name, a text success, several success statuses and the paged switch', () => {
    const paged: Shape = ['object', { data: ['array', user], total_count: 'number' }, 2, 1];
    const def = defineOperation(
      'GetJWKS jwks GET /jwks method=getJwks text paged=paginated@200',
      ['object', { paginated: 'boolean' }, [], 0],
      ['array', user],
      paged,
    );
    expect(def).toMatchObject({ methodName: 'getJwks', textSuccess: true, paged: { parameter: 'paginated', status: '200', shape: paged } });
    expect(def.shapes).toEqual({ '200': ['array', user] });
    expect(defineOperation('Accept things POST /things/accept', 0, { '200': user, '202': 'string' }).shapes).toEqual({
      '200': user,
      '202': 'string',
    });
    expect(defineOperation('Ping misc GET /ping', 0, () => user).shapes?.['200']).toBeTypeOf('function');
  });

  it('refuses a flag it does not know, so that a generator and runtime out of step fail at import', () => {
    expect(() => defineOperation('GetUser users GET /users/{id} jsn', 0)).toThrow('unknown flag jsn in GetUser');
  });
});
