// Renders the CHANGELOG.md entry of a spec pin update from its diff report, and puts it at the top of the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DiffReport } from '../spec-diff/build-report.js';

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
 * Renders one entry: summary, breaking changes, then added, removed and changed SDK methods.
 *
 * @example
 * renderChangelogEntry({ version: '2026-05-12', sha256, overlays, date: '2026-05-20', report });
 */
export function renderChangelogEntry(input: ChangelogEntryInput): string {
  const { report } = input;
  const s = report.summary;
  const lines = [
    `## BAPI ${input.version} (spec pin, ${input.date})`,
    '',
    `Pinned \`bapi/${input.version}.yml\` (sha256 \`${input.sha256}\`), compared with ${report.from}: ` +
      `${s.breaking} breaking change${s.breaking === 1 ? '' : 's'}, ${s.addedMethods} methods added, ${s.removedMethods} removed, ` +
      `${s.changedMethods} changed; ${s.changedOperations} operations and ${s.changedSchemas} schemas changed. ` +
      `Overlays: ${input.overlays.length ? input.overlays.join(', ') : 'none'}. Full report: \`npm run spec:diff -- ${report.from} ${input.version}\`.`,
    '',
  ];
  if (report.breaking.length > 0) {
    lines.push('### Breaking', '');
    for (const change of report.breaking.slice(0, MAX_BREAKING_LINES)) {
      const where = [change.call ? `\`clerk.${change.call}\`` : '', change.operation ? `(\`${change.operation}\`)` : '']
        .filter(Boolean)
        .join(' ');
      lines.push(`- ${where}: ${change.detail.replaceAll('\n', ' ')}`);
    }
    if (report.breaking.length > MAX_BREAKING_LINES) lines.push(`- … and ${report.breaking.length - MAX_BREAKING_LINES} more.`);
    lines.push('');
  }
  for (const [title, kind] of [
    ['Added', 'added_method'],
    ['Removed', 'removed_method'],
  ] as const) {
    const changes = report.sdk.filter((c) => c.kind === kind);
    if (changes.length > 0) lines.push(`### ${title}`, '', ...changes.map((c) => `- \`clerk.${c.call}\` (\`${c.after ?? c.before}\`)`), '');
  }
  const changed = report.sdk.filter((c) => c.kind !== 'added_method' && c.kind !== 'removed_method');
  if (changed.length > 0) lines.push('### Changed', '', ...changed.map((c) => `- \`clerk.${c.call}\`: ${c.message}`), '');
  return lines.join('\n');
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
