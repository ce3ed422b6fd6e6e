// Builds modified copies of a pinned spec in a temp directory: the inputs of the regeneration tests.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultResolveOptions } from '../../../scripts/spec/load-spec.js';
import { openapiDir, readPin, type Pin } from '../../../scripts/spec/pin.js';
import { resolveSpec, sha256Hex } from '../../../scripts/spec/resolve-spec.js';

type Doc = Record<string, any>;

/** The raw (unrepaired) text of a pinned version, from the mirror, never the network. */
export async function pinnedText(version: string): Promise<string> {
  const pin = readPin();
  return (await resolveSpec(pin.bapi.versions[version]!, { ...defaultResolveOptions(pin), fetch: false })).text;
}

/** Clerk's 2026-05-12 spec with DELETE /users/{user_id} removed and `first_name` required in the PATCH /users/{user_id} body. */
export function withSyntheticChange(text: string, edit: (doc: Doc) => void = () => {}): string {
  const doc = parse(text) as Doc;
  delete doc['paths']['/users/{user_id}'].delete;
  doc['paths']['/users/{user_id}'].patch.requestBody.content['application/json'].schema.required = ['first_name'];
  edit(doc);
  return stringify(doc);
}

/** A temp copy of everything spec:update touches, laid out like the repo, with `text` as `bapi/<version>.yml`. */
export function tempWorkspace(files: Record<string, string> = {}): {
  root: string;
  specDir: string;
  paths: import('../../../scripts/spec/update-pin.js').UpdatePaths;
} {
  const root = mkdtempSync(join(tmpdir(), 'spec-update-'));
  const specDir = join(root, 'specs');
  mkdirSync(join(specDir, 'bapi'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(specDir, name), text);
  cpSync(join(openapiDir, 'overlays'), join(root, 'overlays'), { recursive: true });
  cpSync(join(openapiDir, 'api-surface'), join(root, 'api-surface'), { recursive: true });
  cpSync(join(openapiDir, 'pin.json'), join(root, 'pin.json'));
  return {
    root,
    specDir,
    paths: {
      pinPath: join(root, 'pin.json'),
      overlaysDir: join(root, 'overlays'),
      surfaceDir: join(root, 'api-surface'),
      changelogPath: join(root, 'CHANGELOG.md'),
      // The real mirror is only read: it serves the base version the diff compares against.
      mirrorDir: defaultResolveOptions(readPin()).mirrorDir,
      cacheDir: join(root, 'cache'),
    },
  };
}

/** The real pin with `version` re-pinned to `text`'s hash (for a modified copy served from another directory). */
export function pinFor(version: string, text: string): Pin {
  const pin = readPin();
  pin.bapi.versions[version] = { ...pin.bapi.versions[version]!, sha256: sha256Hex(text) };
  return pin;
}
