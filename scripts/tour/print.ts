// Concise console output for the tour: one header per step, then a short summary of its result.
import { inspect } from 'node:util';

/** Prints a numbered step header. */
export function stepHeader(index: number, title: string): void {
  console.log(`\n${index}. ${title}`);
}

/** Prints one indented line per entry: `key: value` with values shown compactly. */
export function show(entries: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(entries)) {
    const text =
      typeof value === 'string'
        ? value
        : inspect(value, { depth: 3, breakLength: 120, compact: 4, maxArrayLength: 5, maxStringLength: 80 });
    console.log(`   ${key}: ${text.split('\n').join('\n   ')}`);
  }
}

/** The interesting fields of a User object (mock data can be random, so everything is optional). */
export function userSummary(user: unknown): Record<string, unknown> {
  const u = (user ?? {}) as Record<string, unknown>;
  const emails = Array.isArray(u['email_addresses']) ? (u['email_addresses'] as Array<Record<string, unknown>>) : [];
  return {
    id: u['id'],
    name: [u['first_name'], u['last_name']].filter((part) => typeof part === 'string' && part !== '').join(' ') || undefined,
    email: emails[0]?.['email_address'],
    public_metadata: u['public_metadata'],
  };
}
