// The names a handwritten entry point exports, read syntactically (src/generated may not exist yet when this runs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Every name `entry` exports, following relative `export *` re-exports. Star re-exports of a module that
 * `skip` matches (the generated models themselves) are not followed: those are the names being checked.
 */
export function readPublicNames(entry: string, skip: (specifier: string) => boolean): Set<string> {
  const names = new Set<string>();
  const visit = (file: string, seen: Set<string>): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement)) {
        const specifier =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        const clause = statement.exportClause;
        if (clause && ts.isNamedExports(clause)) for (const element of clause.elements) names.add(element.name.text);
        else if (clause && ts.isNamespaceExport(clause)) names.add(clause.name.text);
        else if (specifier !== undefined && specifier.startsWith('.') && !skip(specifier)) {
          visit(resolveModule(dirname(file), specifier), seen);
        }
      } else if (isExported(statement)) {
        const name = (statement as { name?: ts.Identifier }).name;
        if (name && ts.isIdentifier(name)) names.add(name.text);
        if (ts.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations) {
            if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
          }
        }
      }
    }
  };
  visit(entry, new Set());
  return names;
}

function isExported(statement: ts.Statement): boolean {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** `./auth/index.js` → the `.ts` file next to it (the sources use NodeNext-style `.js` specifiers). */
function resolveModule(directory: string, specifier: string): string {
  const candidate = resolve(directory, specifier.replace(/\.js$/, '.ts'));
  if (!existsSync(candidate)) throw new Error(`cannot resolve ${specifier} from ${directory}`);
  return candidate;
}
