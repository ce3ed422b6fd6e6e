// Every TypeScript block in README.md and docs/*.md is type-checked against the package's source, so the
// documentation cannot drift from the API. Blocks import the package by its name (`clerk-bapi`, `clerk-bapi/auth`…),
// which resolves to src/ here, exactly as a user's editor resolves it to dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const virtualDir = join(root, '.readme-blocks');

// Names the prose around a block stands for ("given a token…"); declared globally so a block may still
// declare its own variable of the same name.
const ambient = `
declare const token: string;
declare const jwtKey: string;
declare const secretKey: string;
declare const signingSecret: string;
declare const signal: AbortSignal;
declare const request: Request;
declare const userId: string;
declare const orgId: string;
// "env": a Worker's bindings (or process.env elsewhere); "db": your database, with transactions.
declare const env: { CLERK_SECRET_KEY: string; CLERK_JWT_KEY: string; CLERK_WEBHOOK_SIGNING_SECRET: string };
interface DocsQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}
declare const db: DocsQueryable & { transaction<T>(work: (tx: DocsQueryable) => Promise<T>): Promise<T> };
`;

interface Block {
  file: string;
  line: number;
  code: string;
}

function blocksOf(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```(ts|typescript)\s*\n([\s\S]*?)^```/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length;
    blocks.push({ file, line, code: match[2] ?? '' });
  }
  return blocks;
}

const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks = docs.flatMap(blocksOf);

function virtualName(block: Block): string {
  return join(virtualDir, `${block.file.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`);
}

function typeCheck(): Map<string, string[]> {
  const sources = new Map<string, string>(blocks.map((block) => [virtualName(block), `${block.code}\nexport {};\n`]));
  sources.set(join(virtualDir, 'ambient.d.ts'), ambient);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    baseUrl: root,
    paths: { 'clerk-bapi': ['src/index.ts'], 'clerk-bapi/*': ['src/*/index.ts', 'src/*.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => sources.get(name) ?? readFile(name);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  host.getSourceFile = (name, language, onError, fresh) => {
    const source = sources.get(name);
    return source === undefined ? getSourceFile(name, language, onError, fresh) : ts.createSourceFile(name, source, language);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  const diagnostics = new Map<string, string[]>();
  for (const name of sources.keys()) {
    const file = program.getSourceFile(name);
    if (!file) continue;
    const found = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    diagnostics.set(
      name,
      found.map((d) => {
        const where = d.start === undefined ? '' : `line ${file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
        return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
      }),
    );
  }
  return diagnostics;
}

describe('documentation code blocks', () => {
  const diagnostics = typeCheck();

  it('finds the blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  it.each(blocks.map((block) => [`${block.file}:${block.line}`, block] as const))('%s type-checks', (_, block) => {
    expect(diagnostics.get(virtualName(block))).toEqual([]);
  });
});
