// Moves the pin to a new (or re-published) BAPI version in one step: resolve, verify, repair, diff, write.
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildReport, type DiffReport } from '../spec-diff/build-report.js';
import { loadSide, sideFromDocument } from '../spec-diff/load-side.js';
import { appliesToVersion, parseAppliesTo } from './applies-to.js';
import { renderChangelogEntry, upsertChangelogEntry } from './changelog.js';
import { fetchNewSpec, type NewSpec } from './fetch-new-spec.js';
import { parseSpecText, readOverlay, repairSpec } from './load-spec.js';
import { readPin, writePin, type Pin } from './pin.js';

/** Every file spec:update reads or writes, so tests can point it at copies. */
export interface UpdatePaths {
  pinPath: string;
  overlaysDir: string;
  surfaceDir: string;
  changelogPath: string;
  mirrorDir: string;
  cacheDir: string;
}

export interface UpdateOptions {
  version: string;
  /** `--file`: the spec file to pin instead of the mirror's or upstream's. */
  file?: string | undefined;
  /** The version to diff against; default the pin's default version. */
  from?: string | undefined;
  /** Also make `version` the default. */
  makeDefault?: boolean;
  paths: UpdatePaths;
  fetch?: typeof fetch | false;
  /** The changelog date (YYYY-MM-DD); default today. */
  date?: string;
}

export interface UpdateResult {
  spec: NewSpec;
  overlays: string[];
  report: DiffReport;
  surfacePath: string;
}

/**
 * The overlays a new version gets: every overlay whose `x-applies-to` covers it, in the order the base version
 * lists them, then the others by name. An overlay without the field is refused rather than guessed about.
 *
 * @example
 * overlaysForVersion('2026-09-01', ['bapi-2025-11.overlay.yaml'], 'openapi/overlays'); // ['bapi-2025-11.overlay.yaml', …]
 */
export function overlaysForVersion(version: string, baseOrder: string[], overlaysDir: string): string[] {
  const files = readdirSync(overlaysDir)
    .filter((name) => name.endsWith('.overlay.yaml'))
    .sort();
  const ordered = [...baseOrder.filter((name) => files.includes(name)), ...files.filter((name) => !baseOrder.includes(name))];
  return ordered.filter((name) => {
    const appliesTo = parseAppliesTo(readOverlay(name, overlaysDir)['x-applies-to'], name);
    if (!appliesTo) {
      throw new Error(
        `overlay ${name} has no x-applies-to, so spec:update cannot tell whether it applies to ${version}; declare it (openapi/overlays/README.md)`,
      );
    }
    return appliesToVersion(appliesTo, version);
  });
}

/** Keeps a copy in the cache, where resolveSpec finds it by hash once the mirror no longer has it. */
function cacheSpec(spec: NewSpec, version: string, cacheDir: string): void {
  const path = join(cacheDir, spec.sha256, 'bapi', `${version}.yml`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, spec.bytes);
  renameSync(`${path}.tmp`, path);
}

function checkVersion(version: string, document: Record<string, any>): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw new Error(`version must look like 2026-05-12, got ${JSON.stringify(version)}`);
  const declared = document['info']?.version;
  if (typeof declared === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(declared) && declared !== version) {
    throw new Error(`the spec file says it is BAPI ${declared}, not ${version}`);
  }
}

/**
 * Pins `version`: records its sha256, applies its overlays (failing on an action that no longer matches), and
 * rewrites the pin, the API surface and the changelog entry from the diff against the base version.
 *
 * @example
 * await updatePin({ version: '2026-09-01', file: 'new.yml', paths: defaultUpdatePaths() });
 */
export async function updatePin(options: UpdateOptions): Promise<UpdateResult> {
  const { version, paths } = options;
  const pin: Pin = readPin(paths.pinPath);
  const spec = await fetchNewSpec(version, {
    file: options.file,
    mirrorDir: paths.mirrorDir,
    baseUrl: pin.upstream.baseUrl,
    fetch: options.fetch ?? false,
  });
  const text = new TextDecoder().decode(spec.bytes);
  checkVersion(version, parseSpecText(text));

  const from = options.from ?? pin.bapi.default;
  const overlays = overlaysForVersion(version, pin.bapi.versions[from]?.overlays ?? [], paths.overlaysDir);
  let document: Record<string, any>;
  try {
    document = repairSpec(text, overlays, { overlaysDir: paths.overlaysDir });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`BAPI ${version}: ${message}. Drop or fix that action, or end the overlay's x-applies-to before ${version}.`);
  }

  const after = sideFromDocument(version, document, spec.sha256);
  const before = await loadSide(from, {
    pin,
    overlaysDir: paths.overlaysDir,
    resolve: { mirrorDir: paths.mirrorDir, cacheDir: paths.cacheDir, fetch: options.fetch ?? false },
  });
  const report = buildReport(before, after);

  if (spec.source !== 'mirror') cacheSpec(spec, version, paths.cacheDir);
  pin.bapi.versions[version] = { path: `bapi/${version}.yml`, sha256: spec.sha256, overlays };
  if (options.makeDefault) pin.bapi.default = version;
  writePin(paths.pinPath, pin);
  mkdirSync(paths.surfaceDir, { recursive: true });
  const surfacePath = join(paths.surfaceDir, `bapi-${version}.txt`);
  writeFileSync(surfacePath, after.surfaceText);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  upsertChangelogEntry(paths.changelogPath, version, renderChangelogEntry({ version, sha256: spec.sha256, overlays, date, report }));
  return { spec, overlays, report, surfacePath };
}
