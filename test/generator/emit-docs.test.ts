import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { jsDocLines, operationJsDoc, referenceUrl, tagSlug } from '../../scripts/gen/emit-docs.js';
import { projectRoot } from '../../scripts/spec/pin.js';

/** A language service over the project's compiler options and one virtual file that uses the client. */
function hoverService(source: string) {
  const configPath = join(projectRoot, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, projectRoot);
  const file = join(projectRoot, 'test/generator/__hover__.ts');
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = name === file ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => projectRoot,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    /** The hover text (signature, documentation and tags) at the end of the first occurrence of `marker`. */
    hover(marker: string): string {
      const position = source.indexOf(marker) + marker.length - 1;
      const info = service.getQuickInfoAtPosition(file, position);
      const tags = (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
      return [ts.displayPartsToString(info?.displayParts), ts.displayPartsToString(info?.documentation), ...tags].join('\n');
    },
  };
}

describe('docs on hover', () => {
  const source = [
    "import { createClerkClient, type User } from '../../src/index.js';",
    "const clerk = createClerkClient({ secretKey: 'sk_test_hover' });",
    'void clerk.users.getUser;',
    'void clerk.clients.getClientList;',
    'declare const user: User;',
    'void user.mfa_enabled_at;',
    'void user.profile_image_url;',
    "void clerk.users.getUserList({ email_address: ['a@b.c'] });",
  ].join('\n');
  const service = hoverService(source);

  it("shows an operation's summary, description and reference link on clerk.users.getUser", () => {
    const text = service.hover('clerk.users.getUser');
    expect(text).toContain('Retrieve a user');
    expect(text).toContain('Retrieve the details of a user');
    expect(text).toContain('@see https://clerk.com/docs/reference/backend-api/tag/users/get/users/%7Buser_id%7D');
  }, 120_000);

  it('marks a deprecated operation as deprecated', () => {
    expect(service.hover('clerk.clients.getClientList')).toContain('@deprecated');
  });

  it('shows a field description on a property of a model type', () => {
    expect(service.hover('user.mfa_enabled_at')).toContain('Unix timestamp of when MFA was last enabled for this user');
  });

  it('marks a deprecated field as deprecated', () => {
    expect(service.hover('user.profile_image_url')).toContain('@deprecated');
  });

  it('shows a query parameter description on a params property', () => {
    expect(service.hover('{ email_address')).toContain('Returns users with the specified email addresses');
  });
});

describe('reference links', () => {
  it('follow the tag/method/path pattern of clerk.com with braces encoded', () => {
    expect(referenceUrl('Users', 'GET', '/users/{user_id}')).toBe(
      'https://clerk.com/docs/reference/backend-api/tag/users/get/users/%7Buser_id%7D',
    );
    expect(referenceUrl(undefined, 'GET', '/x')).toBe('https://clerk.com/docs/reference/backend-api');
  });

  it('slug tags with punctuation', () => {
    expect(tagSlug('Allow-list / Block-list')).toBe('allow-list-block-list');
    expect(tagSlug('Email & SMS Templates')).toBe('email-sms-templates');
  });

  it('are on every method of the generated resource map', () => {
    const generated = readFileSync(join(projectRoot, 'src/generated/operation-types.ts'), 'utf8');
    const resourceMap = generated.slice(generated.indexOf('export interface ResourceMap'));
    const methods = resourceMap.match(/^ {4}\w+: '/gm) ?? [];
    const links = resourceMap.match(/^ {5}\* @see https:\/\/clerk\.com\/docs\/reference\/backend-api\/tag\//gm) ?? [];
    expect(methods.length).toBeGreaterThan(200);
    expect(links.length).toBe(methods.length);
  });
});

describe('JSDoc blocks', () => {
  it('cannot be closed early by a */ in the spec text', () => {
    expect(jsDocLines(['a */ b'], '')).toEqual(['/**', ' * a *\\/ b', ' */']);
  });

  it('skip a description that repeats the summary', () => {
    const docs = { summary: 'Same', description: 'Same', deprecated: false, see: 'https://x' };
    expect(operationJsDoc(docs, '')).toEqual(['/**', ' * Same', ' *', ' * @see https://x', ' */']);
  });
});
