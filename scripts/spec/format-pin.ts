// Writes openapi/pin.json in its reviewed layout: one line per pinned version, so a pin update is a one-line diff.
import { writeFileSync } from 'node:fs';
import type { Pin } from './pin.js';

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function block(value: unknown, indent: string, path: string): string {
  const oneLine = path.startsWith('bapi.versions.') || Array.isArray(value) || typeof value !== 'object' || value === null;
  if (oneLine) return inline(value);
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${block(item, inner, path ? `${path}.${key}` : key)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/**
 * Renders a pin as pin.json text (versions sorted, one per line).
 *
 * @example
 * formatPin(readPin()) === readFileSync('openapi/pin.json', 'utf8'); // true
 */
export function formatPin(pin: Pin): string {
  const versions = Object.fromEntries(Object.entries(pin.bapi.versions).sort(([a], [b]) => a.localeCompare(b)));
  return `${block({ ...pin, bapi: { ...pin.bapi, versions } }, '', '')}\n`;
}

/**
 * Writes a pin file.
 *
 * @example
 * writePin('openapi/pin.json', pin);
 */
export function writePin(path: string, pin: Pin): void {
  writeFileSync(path, formatPin(pin));
}
