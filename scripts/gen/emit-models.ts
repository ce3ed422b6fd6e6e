// Emits models.ts: a named type per component schema (`User`) and per operation (`CreateUserParams`, `GetUserData`).
import { readFileSync } from 'node:fs';
import { jsDocLines } from './emit-docs.js';
import { typeNames } from './emit-operations.js';
import { toIdentifier } from './identifiers.js';
import type { OperationModel } from './operation-model.js';
import type { SchemaObject } from './zod-expression.js';
import { openapiDir } from '../spec/pin.js';

/** openapi/model-names.json: spec schema name → exported name, for the few that clash with a handwritten export. */
export type ModelRenames = Record<string, { name: string; why: string }>;

/** Reads openapi/model-names.json. */
export function readModelRenames(): ModelRenames {
  const raw = JSON.parse(readFileSync(`${openapiDir}model-names.json`, 'utf8')) as { renames?: ModelRenames };
  return raw.renames ?? {};
}

/**
 * The exported name of every component schema: its spec name, made an identifier (`JWKS.rsa.PublicKey` →
 * `JWKS_rsa_PublicKey`) or renamed by `renames`. Fails loudly when two exports would share a name, when a
 * name would shadow one of `reserved` (the handwritten exports of the entry point), or when a rename is stale.
 */
export function modelNames(
  schemaNames: string[],
  operations: OperationModel[],
  reserved: ReadonlySet<string>,
  renames: ModelRenames,
): Map<string, string> {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  const claim = (name: string, owner: string): void => {
    const other = owners.get(name) ?? (reserved.has(name) ? 'a handwritten export of src/index.ts' : undefined);
    if (other !== undefined) problems.push(`${name}: ${other} and ${owner}`);
    else owners.set(name, owner);
  };
  for (const op of operations) {
    const names = typeNames(op);
    claim(names.params, `operation ${op.operationId}`);
    claim(names.data, `operation ${op.operationId}`);
  }
  const result = new Map<string, string>();
  for (const schema of schemaNames) {
    const name = renames[schema]?.name ?? toIdentifier(schema);
    claim(name, `schema ${JSON.stringify(schema)}`);
    result.set(schema, name);
  }
  for (const stale of Object.keys(renames).filter((schema) => !schemaNames.includes(schema))) {
    problems.push(`openapi/model-names.json renames ${JSON.stringify(stale)}, which the spec does not have`);
  }
  if (problems.length > 0) {
    throw new Error(`model type name collisions (add a rename to openapi/model-names.json):\n  ${problems.join('\n  ')}`);
  }
  return result;
}

/** The source of models.ts (no banner); `names` comes from {@link modelNames}. */
export function emitModels(
  schemas: Record<string, SchemaObject>,
  operations: OperationModel[],
  names: ReadonlyMap<string, string>,
): string {
  const lines = ["import type { components } from './types.js';", ''];
  const operationTypes = operations.flatMap((op) => Object.values(typeNames(op)));
  lines.push('export type {');
  for (const name of operationTypes) lines.push(`  ${name},`);
  lines.push("} from './operation-types.js';", '');
  for (const [schema, name] of names) {
    lines.push(...schemaJsDoc(schemas[schema], schema, name));
    lines.push(`export type ${name} = components['schemas'][${JSON.stringify(schema)}];`);
  }
  lines.push('');
  return lines.join('\n');
}

function schemaJsDoc(schema: SchemaObject | undefined, specName: string, name: string): string[] {
  const body: string[] = [];
  const description = typeof schema?.description === 'string' ? schema.description.trim() : '';
  if (description !== '') body.push(...description.split('\n'));
  else body.push(`The \`${specName}\` object of the Backend API.`);
  if (specName !== name) body.push('', `The spec names it \`${specName}\`.`);
  if (schema?.deprecated === true) body.push('', '@deprecated The Backend API marks this object as deprecated.');
  return jsDocLines(body, '');
}
