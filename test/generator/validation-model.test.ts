// The validation model is read from the spec once and is all the validation emitters need.
import { beforeAll, describe, expect, it } from 'vitest';
import { emitSchemas } from '../../scripts/gen/emit-schemas.js';
import { emitShapes } from '../../scripts/gen/emit-shapes.js';
import { readNamingMap } from '../../scripts/gen/naming.js';
import { buildOperationModel, type OperationModel } from '../../scripts/gen/operation-model.js';
import { buildValidationModel, type ValidationModel } from '../../scripts/gen/validation-model.js';
import { loadBapiSpec } from '../../scripts/spec/load-spec.js';
import { readPin } from '../../scripts/spec/pin.js';

let document: Record<string, any>;
let operations: OperationModel[];
let model: ValidationModel;

beforeAll(async () => {
  document = (await loadBapiSpec(readPin().bapi.default)).document;
  operations = buildOperationModel(document, readNamingMap());
  model = buildValidationModel(document, operations);
}, 30_000);

describe('validation model', () => {
  it('holds every component schema and response in spec order, with identifier stems', () => {
    expect(model.schemas.map(({ name }) => name)).toEqual(Object.keys(document['components'].schemas));
    expect(model.responses.map(({ name }) => name)).toEqual(Object.keys(document['components'].responses));
    expect(model.schemas.find(({ name }) => name === 'JWKS.rsa.PublicKey')?.stem).toBe('JWKS_rsa_PublicKey');
  });

  it('resolves every operation response to a component, an operation body, or none', () => {
    const ids = new Set(model.operationBodies.map(({ id }) => id));
    const names = new Set(model.responses.map(({ name }) => name));
    for (const operation of operations) {
      for (const [status] of operation.responses) {
        const ref = model.responseOf(operation, status);
        if (ref.kind === 'operation') expect(ids.has(ref.id), `${operation.operationId} ${status}`).toBe(true);
        if (ref.kind === 'component') expect(names.has(ref.name), `${operation.operationId} ${status}`).toBe(true);
      }
    }
    const getUser = operations.find((op) => op.operationId === 'GetUser')!;
    expect(model.responseOf(getUser, '200')).toEqual({ kind: 'component', name: 'User', hasBody: true });
    expect(() => model.responseOf(getUser, '299')).toThrow('GetUser has no response 299');
  });

  it('carries the paged shape of the seven lists with a paginated switch as operation bodies', () => {
    const paged = operations.filter((op) => op.paged).map((op) => model.pagedOf(op));
    expect(paged).toHaveLength(7);
    for (const id of paged) expect(model.operationBodies.some((body) => body.id === id && body.body.kind === 'tree')).toBe(true);
  });

  it('is all both emitters read: each names its exports relative to its own module', () => {
    const getUser = operations.find((op) => op.operationId === 'GetUser')!;
    expect(emitSchemas(model).responseSchema(getUser, '200')).toBe('s_User');
    expect(emitShapes(model).responseShape(getUser, '200')).toBe('s_User');
  });
});

describe('the compact operation table (defineOperation)', () => {
  it('decodes every generated definition to what the operation model says, derived fields included', async () => {
    const { operations: table } = await import('../../src/generated/operations.js');
    const shapes = await import('../../src/generated/shapes.js');
    expect(table.map((def) => def.operationId)).toEqual(operations.map((op) => op.operationId));
    for (const [index, op] of operations.entries()) {
      const def = table[index]!;
      expect(def, op.operationId).toMatchObject({ operationId: op.operationId, namespace: op.namespace, method: op.method, path: op.path });
      expect(def.pathParams, op.operationId).toEqual(op.pathParams);
      expect(def.query, op.operationId).toEqual(op.query.map(({ name, explode }) => ({ name, explode })));
      expect(def.body, op.operationId).toBe(op.body?.type);
      expect(def.bodyRequired, op.operationId).toBe(op.body?.required);
      expect(def.pagination, op.operationId).toBe(op.pagination);
      expect(def.paged && { parameter: def.paged.parameter, status: def.paged.status }, op.operationId).toEqual(
        op.paged && { parameter: op.paged.parameter, status: op.paged.status },
      );
      const params = model.requests.find((request) => request.operationId === op.operationId);
      expect(def.params, op.operationId).toBe(params && (shapes as Record<string, unknown>)[params.id]);
    }
  });

  it('refuses, at generation, an operation whose query parameters cannot be derived from its params shape', async () => {
    const { operationArguments } = await import('../../scripts/gen/emit-operations.js');
    const op = operations.find((candidate) => candidate.operationId === 'GetUserList')!;
    const refs = { shape: () => 'd.x', params: 'd.params_GetUserList' };
    const keys = op.query.map((q) => q.name);
    expect(operationArguments(op, { ...refs, paramsKeys: keys })[0]).toBe('"GetUserList users GET /users array"');
    expect(() => operationArguments(op, { ...refs, paramsKeys: [...keys].reverse() })).toThrow('not the query parameters in order');
    expect(() => operationArguments({ ...op, pathParams: ['user_id'] }, { ...refs, paramsKeys: keys })).toThrow('path params');
    // Params without query parameters or a body: the runtime would send its keys as a query, so it is refused.
    expect(() => operationArguments({ ...op, query: [] }, { ...refs, paramsKeys: keys })).toThrow('not the query parameters in order');
    expect(() => operationArguments(op, { ...refs, params: undefined })).toThrow('not the query parameters in order');
  });
});
