import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, renderAll } from '../../scripts/generate.js';
import { loadBapiSpec } from '../../scripts/spec/load-spec.js';
import { readPin } from '../../scripts/spec/pin.js';

const pin = readPin();
const version = pin.bapi.default;

describe('generate --check', () => {
  it('reports a stale API-surface snapshot and leaves it for review', async () => {
    const surfaceDir = mkdtempSync(join(tmpdir(), 'surface-'));
    const outDir = mkdtempSync(join(tmpdir(), 'generated-'));
    const stalePath = join(surfaceDir, `bapi-${version}.txt`);
    writeFileSync(stalePath, 'users.getUser() → Stale\n');
    const checked = await generate({ version, outDir, check: true, surfaceDir });
    expect(checked.surfaceStale).toBe(true);
    expect(readFileSync(stalePath, 'utf8')).toBe('users.getUser() → Stale\n');
    expect(existsSync(join(outDir, 'operations.ts'))).toBe(true);

    const written = await generate({ version, outDir, check: false, surfaceDir });
    expect(written.surfaceStale).toBe(true);
    expect(readFileSync(stalePath, 'utf8')).toBe(written.surface);
    const again = await generate({ version, outDir, check: true, surfaceDir });
    expect(again.surfaceStale).toBe(false);
  }, 60_000);

  it('lists operations with their method, path, params and result type names', async () => {
    const { surface } = await renderAll(version);
    expect(surface).toContain('users.getUser(user_id: string) → GetUserData  GET /users/{user_id}');
    expect(surface).toContain('users.updateUser(user_id: string, params?: UpdateUserParams) → UpdateUserData  PATCH /users/{user_id}');
    expect(surface).toContain('# 249 operations.');
  }, 60_000);
});

// That every pinned version resolves with its pinned hash and generates is test/generator/all-versions.test.ts.
describe('pinned versions', () => {
  it('refuse a version that is not pinned, listing the pinnable ones', async () => {
    await expect(loadBapiSpec('2099-01-01')).rejects.toThrow(/not pinned; pinnable versions: .*2026-05-12/);
  });
});
