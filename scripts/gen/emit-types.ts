// Emits TypeScript types for a repaired spec with openapi-typescript's programmatic API.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { isOpenEnum, type SchemaObject } from './zod-expression.js';

const { factory } = ts;

function literal(value: unknown): ts.TypeNode {
  if (value === null) return factory.createLiteralTypeNode(factory.createNull());
  if (typeof value === 'boolean') return factory.createLiteralTypeNode(value ? factory.createTrue() : factory.createFalse());
  if (typeof value === 'number') return factory.createLiteralTypeNode(factory.createNumericLiteral(value));
  return factory.createLiteralTypeNode(factory.createStringLiteral(String(value)));
}

/** `'a' | 'b' | (string & {})`: an open enum that still autocompletes its known values. */
function openEnumType(schema: SchemaObject): ts.TypeNode {
  const members = (schema.enum ?? []).map(literal);
  members.push(
    factory.createIntersectionTypeNode([factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), factory.createTypeLiteralNode([])]),
  );
  if (schema.nullable) members.push(literal(null));
  return factory.createUnionTypeNode(members);
}

/** Binary fields (multipart uploads) accept the web-standard byte containers. */
function binaryType(schema: SchemaObject): ts.TypeNode {
  const members: ts.TypeNode[] = [factory.createTypeReferenceNode('Blob'), factory.createTypeReferenceNode('Uint8Array')];
  if (schema.nullable) members.push(literal(null));
  return factory.createUnionTypeNode(members);
}

/** Removes every `discriminator` object of a schema tree in place. */
function dropDiscriminators(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) delete (node as Record<string, unknown>)['discriminator'];
  for (const child of Object.values(node)) dropDiscriminators(child);
}

/** The openapi-typescript source for `document` (no banner). */
export async function emitTypes(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript mutates its input (it resolves and rewrites $refs): give it a copy.
  const copy = structuredClone(document);
  // Without this, openapi-typescript makes every discriminator property required in its variants; the API omits
  // `object` on verifications, so the types keep it optional (it still narrows where it is present).
  dropDiscriminators(copy);
  const ast = await openapiTS(copy as never, {
    // Empty objects are open records of unknown values, not Record<string, never>.
    emptyObjectsUnknown: true,
    // A default value in the spec does not mean the server always sends the field.
    defaultNonNullable: false,
    silent: true,
    transform(schema) {
      const s = schema as SchemaObject;
      if (s.type === 'string' && s.format === 'binary') return binaryType(s);
      if (Array.isArray(s.enum) && isOpenEnum(s)) return openEnumType(s);
      // openapi-typescript does not call `transform` on array items, so an open enum inside an array is typed here.
      if (s.type === 'array' && s.items && Array.isArray(s.items.enum) && isOpenEnum(s.items)) {
        const array = factory.createArrayTypeNode(factory.createParenthesizedType(openEnumType(s.items)));
        return s.nullable ? factory.createUnionTypeNode([array, literal(null)]) : array;
      }
      return undefined;
    },
  });
  return astToString(ast);
}
