/**
 * Waits `ms` milliseconds unless `signal` aborts first; resolves `false` when aborted, so that a
 * caller's abort cancels a backoff wait immediately instead of after it.
 *
 * @example
 * if (!(await sleep(500, signal))) return abortedResult();
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
