import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveSpec, sha256Hex, SpecResolutionError, type ResolveOptions } from '../../scripts/spec/resolve-spec.js';

const content = 'openapi: 3.0.3\ninfo: { title: synthetic, version: "1" }\npaths: {}\n';
const file = { path: 'bapi/1999-01-01.yml', sha256: sha256Hex(content) };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'clerk-bapi-spec-'));
}

function withFile(text: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'bapi'), { recursive: true });
  writeFileSync(join(dir, file.path), text);
  return dir;
}

function options(overrides: Partial<ResolveOptions> = {}): ResolveOptions {
  return { mirrorDir: tempDir(), cacheDir: tempDir(), baseUrl: 'https://example.invalid/specs/', fetch: false, ...overrides };
}

describe('resolveSpec', () => {
  it('reads the mirror directory when its file has the pinned hash', async () => {
    const resolved = await resolveSpec(file, options({ mirrorDir: withFile(content) }));
    expect(resolved.source).toBe('mirror');
    expect(resolved.text).toBe(content);
  });

  it('prefers the environment directory over the mirror', async () => {
    const envDir = withFile(content);
    const resolved = await resolveSpec(file, options({ envDir, mirrorDir: withFile(content) }));
    expect(resolved.source).toBe('env');
    expect(resolved.location).toBe(join(envDir, file.path));
  });

  it('skips a source whose hash differs and says so', async () => {
    const envDir = withFile(`${content}# tampered\n`);
    const resolved = await resolveSpec(file, options({ envDir, mirrorDir: withFile(content) }));
    expect(resolved.source).toBe('mirror');
  });

  it('fails with every attempt listed when no source has the pinned file', async () => {
    const envDir = withFile('tampered');
    const error = await resolveSpec(file, options({ envDir })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecResolutionError);
    const message = (error as Error).message;
    expect(message).toContain(file.sha256);
    expect(message).toMatch(/env: .*sha256 mismatch: got [0-9a-f]{64}/);
    expect(message).toMatch(/mirror: .*not found/);
    expect(message).toMatch(/cache: .*not found/);
    expect(message).toMatch(/download: https:\/\/example\.invalid\/specs\/bapi\/1999-01-01\.yml \(disabled\)/);
    // What a `prepare` without ../shared (a git install offline) prints: how to point it at the specs.
    expect(message).toContain('Set CLERK_OPENAPI_DIR to a checkout of clerk/openapi-specs');
  });

  it('downloads from the pinned URL, checks the hash and caches the file', async () => {
    const fetch = vi.fn(async () => new Response(content));
    const cacheDir = tempDir();
    const first = await resolveSpec(file, options({ cacheDir, fetch }));
    expect(first.source).toBe('download');
    expect(fetch).toHaveBeenCalledWith('https://example.invalid/specs/bapi/1999-01-01.yml', expect.anything());
    const cached = join(cacheDir, file.sha256, file.path);
    expect(readFileSync(cached, 'utf8')).toBe(content);
    const second = await resolveSpec(file, options({ cacheDir, fetch }));
    expect(second.source).toBe('cache');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('rejects a download whose hash differs and caches nothing', async () => {
    const cacheDir = tempDir();
    const fetch = vi.fn(async () => new Response('evil'));
    await expect(resolveSpec(file, options({ cacheDir, fetch }))).rejects.toThrow(/download: .*sha256 mismatch/);
    expect(existsSync(join(cacheDir, file.sha256, file.path))).toBe(false);
  });

  it('reports a failed download with its status', async () => {
    const fetch = vi.fn(async () => new Response('nope', { status: 404 }));
    await expect(resolveSpec(file, options({ fetch }))).rejects.toThrow(/download: .*\(HTTP 404\)/);
  });

  it('reports a network failure during download', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(resolveSpec(file, options({ fetch }))).rejects.toThrow(/download: .*\(fetch failed\)/);
  });
});
