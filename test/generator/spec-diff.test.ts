// spec:diff: the SDK-level and spec-level views of a spec change, checked against what is known of Clerk's specs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurfaceEntry } from '../../scripts/gen/api-surface.js';
import { runSpecDiff } from '../../scripts/spec-diff.js';
import { buildReport, type DiffReport } from '../../scripts/spec-diff/build-report.js';
import { loadSide } from '../../scripts/spec-diff/load-side.js';
import { renderMarkdown } from '../../scripts/spec-diff/render-markdown.js';
import { diffSurfaces } from '../../scripts/spec-diff/sdk-changes.js';

const ADDED_IN_2026_05_12 = [
  'directories.createDirectoryGroupRoleMapping',
  'directories.deleteDirectoryGroupRoleMapping',
  'directories.listDirectoryGroupRoleMappings',
  'directories.replaceDirectoryGroupRoleMappings',
  'directories.rotateDirectoryApiKey',
  'scimDirectories.createScimGroupRoleMapping',
  'scimDirectories.deleteScimGroupRoleMapping',
  'scimDirectories.listScimGroupRoleMappings',
  'scimDirectories.replaceScimGroupRoleMappings',
  'scimDirectories.rotateScimDirectoryApiKey',
];

describe('spec:diff 2025-11-10 → 2026-05-12 (known differences)', () => {
  let report: DiffReport;
  beforeAll(async () => {
    report = buildReport(await loadSide('2025-11-10'), await loadSide('2026-05-12'));
  }, 60_000);

  it('flags the metadata fields removed from the PATCH user and organization bodies as breaking, and nothing else', () => {
    expect(report.breaking.map((b) => [b.call, b.operation, b.class, b.detail])).toEqual([
      ['users.updateUser', 'PATCH /users/{user_id}', 'removed_request_field', 'request field `public_metadata` removed'],
      ['users.updateUser', 'PATCH /users/{user_id}', 'removed_request_field', 'request field `private_metadata` removed'],
      ['users.updateUser', 'PATCH /users/{user_id}', 'removed_request_field', 'request field `unsafe_metadata` removed'],
      [
        'organizations.updateOrganization',
        'PATCH /organizations/{organization_id}',
        'removed_request_field',
        'request field `public_metadata` removed',
      ],
      [
        'organizations.updateOrganization',
        'PATCH /organizations/{organization_id}',
        'removed_request_field',
        'request field `private_metadata` removed',
      ],
    ]);
    expect(report.summary.breaking).toBe(5);
  });

  it('lists the added operations as added SDK methods, and none removed', () => {
    expect(report.sdk.filter((c) => c.kind === 'added_method').map((c) => c.call)).toEqual(ADDED_IN_2026_05_12);
    expect(report.sdk.find((c) => c.call === 'directories.rotateDirectoryApiKey')?.after).toBe(
      'POST /directories/{directory_id}/rotate_api_key',
    );
    expect(report.summary).toMatchObject({ addedMethods: 10, removedMethods: 0, changedMethods: 0, addedSchemas: 4, removedSchemas: 0 });
    expect(report.schemas.added).toEqual([
      'DirectoryGroupRoleMapping',
      'DirectoryGroupRoleMappings',
      'SCIMGroupRoleMapping',
      'SCIMGroupRoleMappings',
    ]);
  });

  it('renders a Markdown report that leads with the breaking changes', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/^# BAPI spec diff: 2025-11-10 → 2026-05-12\n\n\*\*5 breaking changes\*\* · 10 methods added, 0 removed/);
    expect(markdown).toContain(
      '| `clerk.users.updateUser` | `PATCH /users/{user_id}` | removed_request_field | request field `unsafe_metadata` removed |',
    );
    expect(markdown).toContain(
      '- `clerk.scimDirectories.rotateScimDirectoryApiKey`: added (POST /scim_directories/{scim_directory_id}/rotate_api_key)',
    );
    expect(markdown.indexOf('## Breaking changes')).toBeLessThan(markdown.indexOf('## SDK methods'));
  });
});

describe('spec:diff on the SDK surface', () => {
  const entry = (call: string, args: string, route = 'GET /a', paginated?: string): SurfaceEntry => {
    const [method, path] = route.split(' ') as [string, string];
    return { call, args, data: 'XData', method, path, ...(paginated ? { paginated } : {}) };
  };

  it('classifies removed methods, moved routes and stricter signatures as breaking, additions as not', () => {
    const before = [
      entry('a.gone', ''),
      entry('a.moved', 'id: string', 'GET /a/{id}'),
      entry('a.stricter', 'params?: P'),
      entry('a.looser', 'params: P'),
      entry('a.list', ''),
    ];
    const after = [
      entry('a.moved', 'id: string', 'POST /a/{id}'),
      entry('a.stricter', 'params: P'),
      entry('a.looser', 'params?: P'),
      entry('a.list', '', 'GET /a', 'array'),
      entry('a.new', ''),
    ];
    expect(diffSurfaces(before, after).map((c) => [c.call, c.kind, c.severity])).toEqual([
      ['a.gone', 'removed_method', 'breaking'],
      ['a.list', 'changed_pagination', 'non-breaking'],
      ['a.looser', 'changed_signature', 'non-breaking'],
      ['a.moved', 'changed_path_or_method', 'breaking'],
      ['a.new', 'added_method', 'non-breaking'],
      ['a.stricter', 'changed_signature', 'breaking'],
    ]);
  });
});

describe('spec:diff command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
  const spec = (properties: Record<string, object>, required: string[]) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        post: {
          operationId: 'CreateThing',
          'x-speakeasy-group': 'things',
          tags: ['Things'],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties, required } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
  });
  const from = join(dir, 'from.yml');
  const to = join(dir, 'to.yml');
  writeFileSync(from, stringify(spec({ name: { type: 'string' }, color: { type: 'string', enum: ['red', 'blue'] } }, [])));
  writeFileSync(to, stringify(spec({ name: { type: 'string' }, color: { type: 'string', enum: ['red'] } }, ['name'])));

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runSpecDiff(
      args,
      (text) => (out += text),
      (text) => (err += text),
    );
    return { code, out, err };
  }

  it('prints JSON with --json and exits 1 on breaking changes with --fail-on breaking', async () => {
    const { code, out, err } = await run([from, to, '--json', '--fail-on', 'breaking']);
    expect(code).toBe(1);
    expect(err).toMatch(/breaking change\(s\) between/);
    const report = JSON.parse(out) as DiffReport;
    expect(report.breaking.map((b) => [b.call, b.class, b.detail])).toEqual(
      expect.arrayContaining([
        ['things.createThing', 'newly_required_request_field', 'request field `name` is now required'],
        ['things.createThing', 'narrowed_type_or_enum', expect.stringContaining('color')],
      ]),
    );
  });

  it('exits 0 when nothing breaks, and 2 with a usage message for bad arguments', async () => {
    expect((await run([to, from, '--fail-on', 'breaking'])).code).toBe(0);
    const bad = await run([from]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/usage: npm run spec:diff/);
    expect((await run([from, join(dir, 'missing.yml')])).err).toMatch(/neither a pinned BAPI version .* nor a spec file/);
  });
});
