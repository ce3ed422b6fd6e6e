import { describe, expect, it } from 'vitest';
import { emitModels, modelNames, readModelRenames } from '../../scripts/gen/emit-models.js';
import type { OperationModel } from '../../scripts/gen/operation-model.js';
import { readPublicNames } from '../../scripts/gen/public-names.js';
import { projectRoot } from '../../scripts/spec/pin.js';

function operation(operationId: string): OperationModel {
  return { operationId, namespace: 'users', methodName: operationId, method: 'GET', path: '/x', pathParams: [], query: [], responses: [] };
}

describe('model type names', () => {
  it('are the spec names, made identifiers', () => {
    const names = modelNames(['User', 'JWKS.rsa.PublicKey', 'CommercePlan-2'], [], new Set(), {});
    expect([...names.values()]).toEqual(['User', 'JWKS_rsa_PublicKey', 'CommercePlan_2']);
  });

  it('fail loudly when two schemas meet on one identifier', () => {
    expect(() => modelNames(['A.B', 'A_B'], [], new Set(), {})).toThrow(/A_B: schema "A\.B" and schema "A_B"/);
  });

  it('fail loudly when a schema would take the name of an operation type', () => {
    expect(() => modelNames(['GetUserData'], [operation('GetUser')], new Set(), {})).toThrow(/GetUserData: operation GetUser and schema/);
  });

  it('fail loudly when a schema would shadow a handwritten export, unless renamed', () => {
    expect(() => modelNames(['ClerkError'], [], new Set(['ClerkError']), {})).toThrow(/handwritten export/);
    const renames = { ClerkError: { name: 'RawClerkError', why: 'test' } };
    expect(modelNames(['ClerkError'], [], new Set(['ClerkError']), renames).get('ClerkError')).toBe('RawClerkError');
  });

  it('fail loudly on a rename of a schema the spec no longer has', () => {
    expect(() => modelNames([], [], new Set(), { Gone: { name: 'X', why: 'test' } })).toThrow(/"Gone", which the spec does not have/);
  });

  it('see the real handwritten exports of src/index.ts, auth included', () => {
    const names = readPublicNames(`${projectRoot}src/index.ts`, (specifier) => specifier.startsWith('./generated/'));
    for (const name of ['createClerkClient', 'ClerkError', 'ApiError', 'verifyToken', 'TokenError', 'components'])
      expect(names).toContain(name);
    expect(readModelRenames()['ClerkError']?.name).toBe('RawClerkError');
  });
});

describe('models.ts', () => {
  it('documents each alias with the schema description', () => {
    const names = modelNames(['Thing'], [operation('GetThing')], new Set(), {});
    const source = emitModels({ Thing: { type: 'object', description: 'A thing.', deprecated: true } }, [operation('GetThing')], names);
    expect(source).toContain("export type {\n  GetThingParams,\n  GetThingData,\n} from './operation-types.js';");
    expect(source).toContain(
      '/**\n * A thing.\n *\n * @deprecated The Backend API marks this object as deprecated.\n */\nexport type Thing = components[\'schemas\']["Thing"];',
    );
  });
});
