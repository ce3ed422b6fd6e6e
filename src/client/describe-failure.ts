/**
 * What a thrown or rejected value said (its message and its cause's), read defensively: an odd
 * value (no prototype, a throwing getter, a number) gives `fallback` instead of throwing here.
 *
 * @example
 * describeFailure(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })); // 'fetch failed (ECONNREFUSED)'
 * describeFailure(42, 'unreadable params'); // 'unreadable params'
 */
export function describeFailure(error: unknown, fallback = 'fetch failed'): string {
  try {
    const record = error as { message?: unknown; cause?: { message?: unknown } } | undefined;
    const message = typeof record?.message === 'string' ? record.message : fallback;
    const cause = record?.cause?.message;
    return typeof cause === 'string' ? `${message} (${cause})` : message;
  } catch {
    return fallback;
  }
}
