// Renders the CHANGELOG.md entry of a spec pin update from its diff report, and puts it at the top of the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DiffReport } from '../spec-diff/build-report.js';
import { breakingSection, methodsSection } from '../spec-diff/render-markdown.js';

/** Breaking changes listed in an entry; the rest is one `npm run spec:diff` away. */
const MAX_BREAKING_LINES = 40;

const HEADER = '# Changelog\n';

export interface ChangelogEntryInput {
  version: string;
  sha256: string;
  overlays: string[];
  date: string;
  report: DiffReport;
}

/**
 * Renders one entry: summary, then the report's breaking changes and SDK method lists.
 *
 * @example
 * renderChangelogEntry({ version: '2026-05-12', sha256, overlays, date: '2026-05-20', report });
 */
export function renderChangelogEntry(input: ChangelogEntryInput): string {
  const { report } = input;
  const s = report.summary;
  return [
    `## BAPI ${input.version} (spec pin, ${input.date})`,
    '',
    `Pinned \`bapi/${input.version}.yml\` (sha256 \`${input.sha256}\`), compared with ${report.from}: ` +
      `${s.breaking} breaking change${s.breaking === 1 ? '' : 's'}, ${s.addedMethods} methods added, ${s.removedMethods} removed, ` +
      `${s.changedMethods} changed; ${s.changedOperations} operations and ${s.changedSchemas} schemas changed. ` +
      `Overlays: ${input.overlays.length ? input.overlays.join(', ') : 'none'}. Full report: \`npm run spec:diff -- ${report.from} ${input.version}\`.`,
    '',
    ...breakingSection(report, '### Breaking', MAX_BREAKING_LINES),
    ...methodsSection(report),
  ].join('\n');
}

/**
 * Writes `entry` at the top of the changelog, replacing an earlier entry for the same version.
 *
 * @example
 * upsertChangelogEntry('CHANGELOG.md', '2026-05-12', entry);
 */
export function upsertChangelogEntry(path: string, version: string, entry: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  const sections = body.split(/^(?=## )/m).filter((section) => section.trim() !== '');
  const kept = sections.filter((section) => !section.startsWith(`## BAPI ${version} (`));
  writeFileSync(path, `${HEADER}\n${[entry, ...kept].map((section) => `${section.trimEnd()}\n`).join('\n')}`);
}
