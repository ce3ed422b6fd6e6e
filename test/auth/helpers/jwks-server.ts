/** A scripted, in-memory `fetch` for JWKS tests: no network, counts calls, records requests. */
export interface FakeFetch {
  fetch: typeof fetch;
  calls: () => number;
  requests: Array<{ url: string; init: RequestInit | undefined }>;
  /** Replace how the next calls are answered. */
  respond(handler: (url: string, init: RequestInit | undefined) => Response | Promise<Response>): void;
}

export function jwksResponse(keys: unknown[], status = 200): Response {
  return new Response(JSON.stringify({ keys }), { status, headers: { 'content-type': 'application/json' } });
}

export function fakeFetch(handler: (url: string, init: RequestInit | undefined) => Response | Promise<Response>): FakeFetch {
  let current = handler;
  const requests: FakeFetch['requests'] = [];
  const fake: FakeFetch = {
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requests.push({ url, init });
      // Yield once so concurrent callers really overlap, as with a real network.
      await new Promise((resolve) => setTimeout(resolve, 1));
      return current(url, init);
    }) as typeof fetch,
    calls: () => requests.length,
    requests,
    respond(next) {
      current = next;
    },
  };
  return fake;
}

/** A fetch that never answers until aborted, like a hung endpoint. */
export function hangingFetch(): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
}
