// spec:update on temp copies of the pin, overlays, surfaces and changelog: the real files are never written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchNewSpec } from '../../scripts/spec/fetch-new-spec.js';
import { loadBapiSpec } from '../../scripts/spec/load-spec.js';
import { openapiDir, readPin, writePin } from '../../scripts/spec/pin.js';
import { sha256Hex } from '../../scripts/spec/resolve-spec.js';
import { overlaysForVersion, updatePin } from '../../scripts/spec/update-pin.js';
import { pinnedText, tempWorkspace, withSyntheticChange } from './helpers/synthetic-spec.js';

const realPin = readFileSync(join(openapiDir, 'pin.json'), 'utf8');
let raw = '';
let next = '';

beforeAll(async () => {
  raw = await pinnedText('2026-05-12');
  next = withSyntheticChange(raw, (doc) => (doc['info'].version = '2026-09-01'));
}, 60_000);

describe('spec:update', () => {
  it('pins a new version from --file: sha256, covering overlays, surface and a changelog entry from the diff', async () => {
    const { specDir, paths } = tempWorkspace({ 'bapi/2026-09-01.yml': next });
    const file = join(specDir, 'bapi/2026-09-01.yml');
    const result = await updatePin({ version: '2026-09-01', file, paths, date: '2026-09-02' });

    const pin = readPin(paths.pinPath);
    expect(pin.bapi.versions['2026-09-01']).toEqual({
      path: 'bapi/2026-09-01.yml',
      sha256: sha256Hex(next),
      overlays: ['bapi-2025-11.overlay.yaml', 'bapi-reality.overlay.yaml', 'bapi-mock-examples.overlay.yaml'],
    });
    expect(pin.bapi.default).toBe('2026-05-12');
    // Versions stay sorted, so the new one lands after the pinned ones.
    expect(Object.keys(pin.bapi.versions).at(-1)).toBe('2026-09-01');

    const surface = readFileSync(result.surfacePath, 'utf8');
    expect(surface).toMatch(/^# API surface of clerk-bapi for BAPI 2026-09-01 \(sha256 [0-9a-f]{64}\)/);
    expect(surface).not.toContain('users.deleteUser(');

    const changelog = readFileSync(paths.changelogPath, 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## BAPI 2026-09-01 \(spec pin, 2026-09-02\)\n/);
    expect(changelog).toContain('- `clerk.users.deleteUser` (`DELETE /users/{user_id}`): removed (was DELETE /users/{user_id})');
    expect(changelog).toContain('- `clerk.users.updateUser` (`PATCH /users/{user_id}`): request field `first_name` is now required');
    expect(changelog).toContain('### Removed\n\n- `clerk.users.deleteUser` (`DELETE /users/{user_id}`)');

    // The pin works afterwards, offline, from the cache copy spec:update kept.
    const loaded = await loadBapiSpec(
      '2026-09-01',
      { mirrorDir: paths.mirrorDir, cacheDir: paths.cacheDir, fetch: false },
      { pin, overlaysDir: paths.overlaysDir },
    );
    expect(loaded.resolved.source).toBe('cache');
    expect(readFileSync(join(openapiDir, 'pin.json'), 'utf8')).toBe(realPin);
  }, 90_000);

  it('replaces an earlier changelog entry of the same version, keeps the others, and moves the default with makeDefault', async () => {
    const { specDir, paths } = tempWorkspace({ 'bapi/2026-09-01.yml': next });
    writeFileSync(
      paths.changelogPath,
      '# Changelog\n\n## BAPI 2026-09-01 (spec pin, 2026-09-02)\n\nfirst try\n\n## BAPI 2026-05-12 (spec pin, 2026-05-20)\n\nearlier entry\n',
    );
    await updatePin({ version: '2026-09-01', file: join(specDir, 'bapi/2026-09-01.yml'), paths, date: '2026-09-03', makeDefault: true });
    const changelog = readFileSync(paths.changelogPath, 'utf8');
    expect(changelog.match(/^## BAPI 2026-09-01 /gm)).toHaveLength(1);
    expect(changelog).not.toContain('first try');
    expect(changelog).toMatch(/^# Changelog\n\n## BAPI 2026-09-01 \(spec pin, 2026-09-03\)\n/);
    expect(changelog).toMatch(/\n## BAPI 2026-05-12 \(spec pin, 2026-05-20\)\n\nearlier entry\n$/);
    expect(readPin(paths.pinPath).bapi.default).toBe('2026-09-01');
  }, 90_000);

  it('fails loudly, naming the overlay action, when a repair no longer matches the new spec, and writes nothing', async () => {
    const fixedUpstream = withSyntheticChange(raw, (doc) => {
      doc['info'].version = '2026-09-01';
      delete doc['components'].schemas.SAMLConnection.anyOf;
    });
    const { specDir, paths } = tempWorkspace({ 'bapi/2026-09-01.yml': fixedUpstream });
    await expect(updatePin({ version: '2026-09-01', file: join(specDir, 'bapi/2026-09-01.yml'), paths })).rejects.toThrow(
      /BAPI 2026-09-01: overlay bapi-2025-11.overlay.yaml: target \$\.components\.schemas\.SAMLConnection\.anyOf matches nothing/,
    );
    expect(readFileSync(paths.pinPath, 'utf8')).toBe(realPin);
    expect(existsSync(paths.changelogPath)).toBe(false);
    expect(existsSync(join(paths.surfaceDir, 'bapi-2026-09-01.txt'))).toBe(false);
  }, 60_000);

  it('refuses a file that is not an OpenAPI document or says it is another version', async () => {
    const { specDir, paths } = tempWorkspace({ 'bapi/a.yml': 'just: text\n', 'bapi/b.yml': raw });
    await expect(updatePin({ version: '2026-09-01', file: join(specDir, 'bapi/a.yml'), paths })).rejects.toThrow(/not an OpenAPI document/);
    await expect(updatePin({ version: '2026-09-01', file: join(specDir, 'bapi/b.yml'), paths })).rejects.toThrow(
      /the spec file says it is BAPI 2026-05-12, not 2026-09-01/,
    );
    await expect(updatePin({ version: 'latest', file: join(specDir, 'bapi/b.yml'), paths })).rejects.toThrow(/version must look like/);
  });

  it('refuses to guess whether an overlay without x-applies-to covers a new version', () => {
    const { paths } = tempWorkspace();
    writeFileSync(join(paths.overlaysDir, 'undeclared.overlay.yaml'), 'overlay: 1.0.0\ninfo: { title: u, version: "1" }\nactions: []\n');
    expect(() => overlaysForVersion('2026-09-01', [], paths.overlaysDir)).toThrow(
      /overlay undeclared.overlay.yaml has no x-applies-to, so spec:update cannot tell whether it applies to 2026-09-01/,
    );
  });
});

describe('new spec files', () => {
  it('come from the mirror when --file is absent, else from a download, and the message lists every attempt', async () => {
    const { specDir } = tempWorkspace({ 'bapi/2026-09-01.yml': 'openapi: 3.0.3\n' });
    const mirrored = await fetchNewSpec('2026-09-01', { mirrorDir: specDir, baseUrl: 'https://specs.invalid/', fetch: false });
    expect(mirrored).toMatchObject({ source: 'mirror', sha256: sha256Hex('openapi: 3.0.3\n') });

    const urls: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      return new Response('openapi: 3.0.3\n', { status: 200 });
    }) as unknown as typeof fetch;
    const downloaded = await fetchNewSpec('2026-10-01', { mirrorDir: specDir, baseUrl: 'https://specs.invalid/base/', fetch: fakeFetch });
    expect(downloaded.source).toBe('download');
    expect(urls).toEqual(['https://specs.invalid/base/bapi/2026-10-01.yml']);

    const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(fetchNewSpec('2026-10-01', { mirrorDir: specDir, baseUrl: 'https://specs.invalid/', fetch: notFound })).rejects.toThrow(
      /Could not find bapi\/2026-10-01.yml; pass --file <path>\. Tried:\n {2}- mirror: .* \(not found\)\n {2}- download: https:\/\/specs.invalid\/bapi\/2026-10-01.yml \(HTTP 404\)/,
    );
  });
});

describe('pin.json layout', () => {
  it('is exactly what writePin writes, so spec:update never reformats the lines it does not change', () => {
    const { root } = tempWorkspace();
    writePin(join(root, 'rewritten.json'), readPin());
    expect(readFileSync(join(root, 'rewritten.json'), 'utf8')).toBe(realPin);
  });
});
