// A fake `fetch` that records every call (URL and init) and answers with what the test gives it.

export type RecordedCall = { url: string; init: RequestInit };

/**
 * A `fetch` that records its calls and answers each with `answer()`.
 *
 * @example
 * const { fetch, calls } = recordFetch(() => Response.json({ ok: true }));
 */
export function recordFetch(answer: () => Response | Promise<Response>): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = ((url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return Promise.resolve(answer());
  }) as typeof fetch;
  return { fetch: fake, calls };
}
