// A synthetic spec change (an operation removed, a request field made required) is caught twice: the API-surface
// check fails, and spec:diff names both changes as breaking.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.js';
import { buildReport, type DiffReport } from '../../scripts/spec-diff/build-report.js';
import { loadSide } from '../../scripts/spec-diff/load-side.js';
import { openapiDir, type Pin } from '../../scripts/spec/pin.js';
import { pinFor, pinnedText, withSyntheticChange } from './helpers/synthetic-spec.js';

const version = '2026-05-12';
const committedSurface = join(openapiDir, 'api-surface', `bapi-${version}.txt`);
let pin: Pin;
let specDir: string;

beforeAll(async () => {
  const text = withSyntheticChange(await pinnedText(version));
  specDir = mkdtempSync(join(tmpdir(), 'synthetic-spec-'));
  mkdirSync(join(specDir, 'bapi'));
  writeFileSync(join(specDir, 'bapi', `${version}.yml`), text);
  pin = pinFor(version, text);
}, 60_000);

describe('a synthetic spec change (DELETE /users/{user_id} removed, first_name required in PATCH /users/{user_id})', () => {
  it('fails the API-surface check and leaves the committed surface alone', async () => {
    const before = readFileSync(committedSurface, 'utf8');
    const result = await generate({
      version,
      check: true,
      outDir: mkdtempSync(join(tmpdir(), 'synthetic-out-')),
      repairedDir: mkdtempSync(join(tmpdir(), 'synthetic-repaired-')),
      spec: { pin, resolve: { envDir: specDir, fetch: false } },
    });
    expect(result.surfaceStale).toBe(true);
    expect(result.surface).not.toContain('users.deleteUser(');
    expect(result.surface).toContain('users.updateUser(user_id: string, params: UpdateUserParams)');
    expect(readFileSync(committedSurface, 'utf8')).toBe(before);
  }, 60_000);

  it('is reported by spec:diff with both changes breaking', async () => {
    const report: DiffReport = buildReport(
      await loadSide(version),
      await loadSide(version, { pin, resolve: { envDir: specDir, fetch: false } }),
    );
    expect(report.breaking).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ class: 'removed_operation', call: 'users.deleteUser', operation: 'DELETE /users/{user_id}' }),
        expect.objectContaining({
          class: 'newly_required_request_field',
          call: 'users.updateUser',
          operation: 'PATCH /users/{user_id}',
          detail: 'request field `first_name` is now required',
        }),
      ]),
    );
    expect(report.breaking.map((b) => b.class).sort()).toEqual(['changed_signature', 'newly_required_request_field', 'removed_operation']);
  }, 60_000);
});
