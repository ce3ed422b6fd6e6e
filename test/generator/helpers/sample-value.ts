// A valid value for a component schema (required properties only, first union member): the validator self-test input.
import { toSchemaNode, type SchemaNode, type SchemaObject } from '../../../scripts/gen/schema-node.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The first allowed value of property `key` in a (referenced) object member, if it has one. */
function discriminatorValue(member: SchemaNode, key: string, components: Record<string, SchemaObject>): Json | undefined {
  const node = member.kind === 'ref' ? toSchemaNode(components[member.name]!) : member;
  if (node.kind !== 'object') return undefined;
  const property = node.properties.find((p) => p.key === key)?.node;
  return property && (property.kind === 'enum' || property.kind === 'literals') ? property.values[0] : undefined;
}

/** Builds the smallest value `node` accepts, following `$ref`s into `components`. */
export function sampleValue(node: SchemaNode, components: Record<string, SchemaObject>, depth = 0): Json {
  if (depth > 60) throw new Error('sample too deep: a required cycle');
  const next = (child: SchemaNode): Json => sampleValue(child, components, depth + 1);
  switch (node.kind) {
    case 'ref':
      return next(toSchemaNode(components[node.name]!));
    case 'union': {
      const value = next(node.members[0]!);
      // Real payloads always carry the discriminator, even where the spec forgets to require it.
      if (node.discriminator && value && typeof value === 'object' && !Array.isArray(value) && !(node.discriminator in value)) {
        const tag = discriminatorValue(node.members[0]!, node.discriminator, components);
        if (tag !== undefined) value[node.discriminator] = tag;
      }
      return value;
    }
    case 'intersection':
      return Object.assign({}, ...node.parts.map(next)) as Json;
    case 'enum':
    case 'literals':
      return node.values[0]!;
    case 'string':
      return 'text';
    case 'number':
      return 1_700_000_000_000;
    case 'boolean':
      return true;
    case 'unknown':
    case 'anyObject':
      return { any: 'thing' };
    case 'file':
      throw new Error('response schemas have no file nodes');
    case 'array':
      return [next(node.items)];
    case 'record':
      return { key: next(node.values) };
    case 'object':
      return Object.fromEntries(node.properties.filter((p) => p.required).map((p) => [p.key, next(p.node)]));
  }
}
