// Moves the BAPI spec pin in one command.
// Usage: tsx scripts/spec-update.ts <version> [--file <path>] [--from <version>] [--default] [--offline]
//   --file      pin this file (else ../shared/openapi/bapi/<version>.yml, else a download from the pinned upstream)
//   --offline   never download
//   --from      the version to diff against (default: the pin's default)
//   --default   also make <version> the default the SDK is generated from
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderMarkdown } from './spec-diff/render-markdown.js';
import { openapiDir, projectRoot } from './spec/pin.js';
import { updatePin, type UpdatePaths } from './spec/update-pin.js';

/**
 * The real files of this checkout.
 *
 * @example
 * defaultUpdatePaths().pinPath; // …/openapi/pin.json
 */
export function defaultUpdatePaths(): UpdatePaths {
  return {
    pinPath: join(openapiDir, 'pin.json'),
    overlaysDir: join(openapiDir, 'overlays'),
    surfaceDir: join(openapiDir, 'api-surface'),
    changelogPath: join(projectRoot, 'CHANGELOG.md'),
    mirrorDir: process.env['CLERK_OPENAPI_DIR'] ?? resolve(projectRoot, '../shared/openapi'),
    cacheDir: join(projectRoot, '.cache/openapi'),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      from: { type: 'string' },
      default: { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
    },
  });
  const [version] = positionals;
  if (!version || positionals.length !== 1)
    throw new Error('usage: npm run spec:update -- <version> [--file <path>] [--from <version>] [--default] [--offline]');
  const result = await updatePin({
    version,
    file: values.file,
    from: values.from,
    makeDefault: values.default ?? false,
    paths: defaultUpdatePaths(),
    fetch: values.offline ? false : globalThis.fetch,
  });
  console.log(renderMarkdown(result.report));
  console.log(
    [
      `pinned BAPI ${version} from ${result.spec.source} ${result.spec.location} (sha256 ${result.spec.sha256})`,
      `overlays: ${result.overlays.join(', ') || 'none'}; wrote openapi/pin.json, ${result.surfacePath}, CHANGELOG.md`,
      `next: npm run generate -- --version ${version} && npm test, then open the pull request with the report above`,
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
