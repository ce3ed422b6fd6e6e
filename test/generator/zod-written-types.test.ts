// The zod type the generator writes beside each schema (zodTypeOf, which keeps clerk-bapi/zod's declarations small)
// is exactly the type TypeScript infers for the printed expression (zodExpressionOf), for every kind of node in
// both readings: the compiler checks `Equal<typeof written, typeof inferred>` on trees covering each kind.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../../scripts/gen/schema-node.js';
import { ANY_OBJECT, FILE, zodExpressionOf, zodTypeOf, type ZodExpressionContext } from '../../scripts/gen/zod-expression.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const plain = (kind: 'string' | 'number' | 'boolean' | 'unknown' | 'anyObject' | 'file', nullable = false): SchemaNode => ({
  kind,
  nullable,
});
const ref: SchemaNode = { kind: 'ref', name: 'Ref', nullable: false };
const tagged = (tag: string): SchemaNode => ({
  kind: 'object',
  nullable: false,
  properties: [
    { key: 'object', node: { kind: 'enum', values: [tag], nullable: false }, required: true },
    { key: 'id', node: plain('string'), required: true },
  ],
});

/** Trees covering every node kind, each with the reading it is printed in. */
const cases: Array<[string, SchemaNode, 'response' | 'request']> = [
  [
    'an open object of every leaf kind',
    {
      kind: 'object',
      nullable: false,
      properties: [
        { key: 'id', node: plain('string'), required: true },
        { key: 'count', node: plain('number', true), required: false },
        { key: 'flag', node: plain('boolean'), required: true },
        { key: 'any', node: plain('unknown'), required: false },
        { key: 'metadata', node: plain('anyObject'), required: true },
        { key: 'x5t#S256', node: { kind: 'enum', values: ['a', 'b-c', ''], nullable: true }, required: false },
        { key: 'version', node: { kind: 'literals', values: ['v1', 2, true], nullable: false }, required: true },
        { key: 'one', node: { kind: 'literals', values: ['only'], nullable: false }, required: true },
        { key: 'items', node: { kind: 'array', items: ref, nullable: false }, required: true },
        { key: 'map', node: { kind: 'record', values: plain('number'), nullable: true }, required: false },
        { key: 'ref', node: { ...ref, nullable: true }, required: false },
      ],
    },
    'response',
  ],
  [
    'a discriminated union',
    { kind: 'union', discriminator: 'object', members: [tagged('user'), tagged('organization')], nullable: false },
    'response',
  ],
  [
    'a plain union, nullable',
    { kind: 'union', members: [plain('string'), { kind: 'array', items: plain('number'), nullable: false }], nullable: true },
    'response',
  ],
  ['a union of one', { kind: 'union', members: [ref], nullable: false }, 'response'],
  [
    'an intersection of three',
    { kind: 'intersection', parts: [tagged('a'), ref, { kind: 'object', nullable: false, properties: [] }], nullable: false },
    'response',
  ],
  [
    'an object with typed extra properties',
    { kind: 'object', nullable: false, properties: [{ key: 'id', node: plain('string'), required: true }], extra: plain('boolean', true) },
    'response',
  ],
  [
    'closed request params with an upload',
    {
      kind: 'object',
      nullable: false,
      closed: true,
      properties: [
        { key: 'file', node: plain('file'), required: true },
        { key: 'limit', node: plain('number'), required: false },
        { key: 'order', node: { kind: 'enum', values: ['asc', 'desc'], nullable: false }, required: false },
      ],
    },
    'request',
  ],
];

const context = (mode: 'response' | 'request'): ZodExpressionContext => ({ mode, ref: (name) => `s_${name}` });

/** Type-checks `source` as a module at the repository root (so `zod` resolves) and returns its diagnostics. */
function diagnosticsOf(source: string): string[] {
  const name = join(root, '__zod_written_types__.ts');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === name || fileExists(file);
  host.getSourceFile = (file, language, onError, fresh) =>
    file === name ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, onError, fresh);
  const program = ts.createProgram([name], options, host);
  const file = program.getSourceFile(name)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

function moduleOf(checks: string[]): string {
  return [
    "import * as z from 'zod';",
    'type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;',
    `const ${ANY_OBJECT} = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null);`,
    `const ${FILE} = z.custom<Blob | Uint8Array>((value) => value instanceof Uint8Array);`,
    'const s_Ref = z.looseObject({ id: z.string() });',
    ...checks,
    'export {};',
  ].join('\n');
}

describe('the zod type written beside each schema', () => {
  it('is the type inferred for its expression, for every node kind in both readings', () => {
    const checks = cases.flatMap(([, node, mode], index) => [
      `const inferred${index} = ${zodExpressionOf(node, context(mode))};`,
      `const written${index}: ${zodTypeOf(node, context(mode))} = inferred${index};`,
      `const same${index}: Equal<typeof written${index}, typeof inferred${index}> = true;`,
      `void same${index};`,
    ]);
    expect(diagnosticsOf(moduleOf(checks))).toEqual([]);
  }, 60_000);

  it('is told apart from a type that differs only in how an object treats unknown keys', () => {
    const [, node] = cases[0]!;
    const looseType = zodTypeOf(node, context('response'));
    const checks = [
      `const strict = ${zodExpressionOf({ ...node, closed: true } as SchemaNode, context('response'))};`,
      `const same: Equal<${looseType}, typeof strict> = true;`,
      'void same;',
    ];
    expect(diagnosticsOf(moduleOf(checks))).toEqual([expect.stringContaining("Type 'true' is not assignable to type 'false'")]);
  }, 60_000);
});
