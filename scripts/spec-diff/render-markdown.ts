// Renders a diff report as Markdown: breaking changes first, then SDK methods, operations and schemas.
import type { DiffReport } from './build-report.js';

/** Non-breaking details listed per operation before the rest is summarised as a count. */
const DETAILS_PER_OPERATION = 8;

const code = (text: string): string => `\`${text}\``;
const clerkCall = (call: string | undefined): string => (call ? code(`clerk.${call}`) : '—');
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function summaryLine(report: DiffReport): string {
  const s = report.summary;
  const breaking = s.breaking === 0 ? 'No breaking changes' : `**${s.breaking} breaking change${s.breaking === 1 ? '' : 's'}**`;
  return [
    breaking,
    `${s.addedMethods} methods added, ${s.removedMethods} removed, ${s.changedMethods} changed`,
    `${s.changedOperations} operations changed`,
    `${s.addedSchemas} schemas added, ${s.removedSchemas} removed, ${s.changedSchemas} changed`,
  ].join(' · ');
}

/**
 * The breaking changes as a table under `heading` (the first `limit` of them, then a count), or nothing.
 *
 * @example
 * breakingSection(report, '### Breaking', 40);
 */
export function breakingSection(report: DiffReport, heading = '## Breaking changes', limit = Number.POSITIVE_INFINITY): string[] {
  if (report.breaking.length === 0) return [];
  const more = report.breaking.length - limit;
  return [
    heading,
    '',
    '| SDK method | operation | class | change |',
    '| --- | --- | --- | --- |',
    ...report.breaking
      .slice(0, limit)
      .map((b) => `| ${clerkCall(b.call)} | ${b.operation ? code(b.operation) : '—'} | ${b.class} | ${cell(b.detail)} |`),
    ...(more > 0 ? ['', `… and ${more} more.`] : []),
    '',
  ];
}

/**
 * Added, removed and changed SDK methods, a `###` list each (breaking ones marked), or nothing.
 *
 * @example
 * methodsSection(report).join('\n');
 */
export function methodsSection(report: DiffReport): string[] {
  const lines: string[] = [];
  for (const [title, kinds] of [
    ['Added', ['added_method']],
    ['Removed', ['removed_method']],
    ['Changed', ['changed_path_or_method', 'changed_signature', 'changed_result_type', 'changed_pagination']],
  ] as const) {
    const changes = report.sdk.filter((c) => (kinds as readonly string[]).includes(c.kind));
    if (changes.length === 0) continue;
    lines.push(
      `### ${title}`,
      '',
      ...changes.map((c) => `- ${clerkCall(c.call)}: ${c.message}${c.severity === 'breaking' ? ' **(breaking)**' : ''}`),
      '',
    );
  }
  return lines;
}

function operationsSection(report: DiffReport): string[] {
  const changed = report.operations.filter((o) => o.changes.some((c) => c.kind !== 'added_operation' && c.kind !== 'removed_operation'));
  if (changed.length === 0) return [];
  const lines = ['## Operations changed', ''];
  for (const group of changed) {
    const shown = group.changes.filter((c) => c.severity !== 'annotation' && c.severity !== 'breaking');
    const annotations = group.changes.filter((c) => c.severity === 'annotation').length;
    const breaking = group.changes.filter((c) => c.severity === 'breaking').length;
    const counts = [
      breaking ? `${breaking} breaking` : '',
      shown.length ? `${shown.length} other` : '',
      annotations ? `${annotations} description changes` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`- ${clerkCall(group.call)} ${code(group.operation)}: ${counts}`);
    for (const change of shown.slice(0, DETAILS_PER_OPERATION)) lines.push(`  - ${change.severity}: ${cell(change.description)}`);
    if (shown.length > DETAILS_PER_OPERATION) lines.push(`  - … ${shown.length - DETAILS_PER_OPERATION} more (see --json)`);
  }
  return [...lines, ''];
}

function schemasSection(report: DiffReport): string[] {
  const { added, removed, changed } = report.schemas;
  if (added.length + removed.length + changed.length === 0) return [];
  const list = (names: string[]): string => names.map(code).join(', ');
  return [
    '## Schemas',
    '',
    ...(added.length ? [`- Added: ${list(added)}`] : []),
    ...(removed.length ? [`- Removed: ${list(removed)}`] : []),
    ...(changed.length
      ? [`- Changed: ${changed.map((c) => `${code(c.name)} (${c.changes}${c.breaking ? `, ${c.breaking} breaking` : ''})`).join(', ')}`]
      : []),
    '',
  ];
}

/**
 * Renders the human-readable report (the `npm run spec:diff` default output).
 *
 * @example
 * console.log(renderMarkdown(buildReport(from, to)));
 */
export function renderMarkdown(report: DiffReport): string {
  return [
    `# BAPI spec diff: ${report.from} → ${report.to}`,
    '',
    summaryLine(report),
    '',
    ...breakingSection(report),
    ...(report.sdk.length > 0 ? ['## SDK methods', '', ...methodsSection(report)] : []),
    ...operationsSection(report),
    ...schemasSection(report),
  ].join('\n');
}
