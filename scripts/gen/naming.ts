// Decides each operation's namespace and method name, from the spec and openapi/naming.json.
import { readFileSync } from 'node:fs';
import { openapiDir } from '../spec/pin.js';

interface NamingEntry {
  namespace: string;
  why: string;
}

interface MethodEntry {
  method: string;
  why: string;
}

export interface NamingMap {
  groups: Record<string, NamingEntry>;
  tags: Record<string, NamingEntry>;
  operations: Record<string, NamingEntry>;
  /** operationId → method name, for names that exist only because of the spec's operationId. */
  methods?: Record<string, MethodEntry> | undefined;
}

/** Reads openapi/naming.json. */
export function readNamingMap(): NamingMap {
  const raw = JSON.parse(readFileSync(`${openapiDir}naming.json`, 'utf8')) as Partial<NamingMap>;
  return { groups: raw.groups ?? {}, tags: raw.tags ?? {}, operations: raw.operations ?? {}, methods: raw.methods ?? {} };
}

/**
 * The one case rule of method names: an acronym is written as a word, its first letter capital and the rest lower
 * case (`getJWKS` → `getJwks`, `listSAMLConnections` → `listSamlConnections`, `createRedirectURL` →
 * `createRedirectUrl`, `getM2MTokens` → `getM2mTokens`). An acronym is a run of two or more capitals (digits
 * inside count); when a lower-case letter follows the run, its last capital starts the next word, so `OAuth` stays,
 * `APIKey` → `ApiKey` and `JWTTemplate` → `JwtTemplate` split where a reader would; a plural `s` stays with its
 * acronym (`listRedirectURLs` → `listRedirectUrls`).
 *
 * @example
 * acronymsAsWords('getJWKS'); // 'getJwks'
 */
export function acronymsAsWords(name: string): string {
  return name.replace(
    /[A-Z][A-Z0-9]*[A-Z0-9](?=s(?:[A-Z]|$)|[A-Z][a-z]|[^A-Za-z]|$)/g,
    (run) => run.charAt(0) + run.slice(1).toLowerCase(),
  );
}

/** An operation's method name: the naming map's entry, else its operationId in lowerCamelCase with {@link acronymsAsWords}. */
export function methodNameOf(operationId: string, naming: NamingMap): string {
  return naming.methods?.[operationId]?.method ?? acronymsAsWords(lowerCamel(operationId));
}

/** `GetUserList` → `getUserList`; `createApiKey` stays. */
export function lowerCamel(operationId: string): string {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/** `email-sms templates` / `Email & SMS` → camelCase words; a camelCase group passes through. */
export function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

export interface NamedOperation {
  operationId: string;
  group: string | undefined;
  tags: string[];
}

/**
 * The namespace of an operation: an explicit per-operation entry, else the group's mapping, else the group in
 * camelCase, else the first tag's mapping. No group and no mapping is an error, never a guess.
 */
export function namespaceOf(operation: NamedOperation, naming: NamingMap): string {
  const byOperation = naming.operations[operation.operationId];
  if (byOperation) return byOperation.namespace;
  if (operation.group) return naming.groups[operation.group]?.namespace ?? camelCase(operation.group);
  for (const tag of operation.tags) {
    const byTag = naming.tags[tag];
    if (byTag) return byTag.namespace;
  }
  throw new Error(
    `operation ${operation.operationId} has no x-speakeasy-group and no entry in openapi/naming.json (tags: ${operation.tags.join(', ') || 'none'})`,
  );
}

/** Fails loudly when two operations would get the same `namespace.method`. */
export function assertNoCollisions(operations: Array<{ operationId: string; namespace: string; methodName: string }>): void {
  const seen = new Map<string, string>();
  const collisions: string[] = [];
  for (const op of operations) {
    const key = `${op.namespace}.${op.methodName}`;
    const other = seen.get(key);
    if (other) collisions.push(`${key}: ${other} and ${op.operationId}`);
    else seen.set(key, op.operationId);
  }
  if (collisions.length > 0) throw new Error(`method name collisions:\n  ${collisions.join('\n  ')}`);
}
