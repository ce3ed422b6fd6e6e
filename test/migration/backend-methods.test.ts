// Every method of @clerk/backend 3.25 has a row in docs/migration.md, and the clerk-bapi call of that row sends the
// same HTTP request: both clients get a fetch that records method, path, query and body and answers `{}`.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_DOC, readMethodEntries, renderMethodTable, type MethodEntry } from '../../scripts/migration/method-table.js';
import { createClerkClient } from '../../src/index.js';

interface Recorded {
  host: string;
  method: string;
  path: string;
  query: [string, string][];
  body: unknown;
}

type AnyClient = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

const entries = readMethodEntries();
let recorded: Recorded[] = [];
let backend: AnyClient;
const realFetch = globalThis.fetch;

async function record(url: string, method: string, body: unknown): Promise<Recorded> {
  const parsed = new URL(url);
  let content: unknown;
  if (typeof body === 'string') content = body === '' ? undefined : JSON.parse(body);
  else if (body instanceof FormData) content = { $form: [...new Set(body.keys())].sort() };
  return {
    host: parsed.host,
    method,
    path: parsed.pathname.replace(/^\/v1(?=\/)/, ''),
    query: [...parsed.searchParams.entries()].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y)),
    body: content,
  };
}

/** `{ "$blob": text }` in the data stands for a Blob (JSON cannot hold one). */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  if ('$blob' in value) return new Blob([String((value as { $blob: unknown }).$blob)], { type: 'image/png' });
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]));
}

async function backendRequests(entry: MethodEntry): Promise<Recorded[]> {
  recorded = [];
  const [namespace, method] = entry.backend.split('.') as [string, string];
  try {
    await backend[namespace]![method]!(...(revive(entry.args) as unknown[]));
  } catch {
    // Only the request matters: a canned `{}` may not deserialise into every resource.
  }
  return recorded;
}

async function bapiRequests(entry: MethodEntry): Promise<Recorded[]> {
  const seen: Recorded[] = [];
  const clerk = createClerkClient({
    secretKey: 'sk_test_migration',
    responseValidation: 'off',
    maxRetries: 0,
    fetch: async (request) => {
      const body =
        request.body === null
          ? undefined
          : request.headers.get('content-type')?.startsWith('multipart/')
            ? await request.formData()
            : await request.text();
      seen.push(await record(request.url, request.method, body));
      return Response.json({});
    },
  }) as unknown as AnyClient & { request: (...args: unknown[]) => Promise<unknown> };
  const args = revive(entry.bapiArgs ?? []) as unknown[];
  const result = (
    entry.bapi === 'request' ? await clerk.request(...args) : await clerk[entry.bapi!.split('.')[0]!]![entry.bapi!.split('.')[1]!]!(...args)
  ) as {
    errors?: Array<{ code: string; message: string }>;
  };
  if (result.errors && seen.length === 0) throw new Error(`${entry.bapi}: ${result.errors[0]!.code}: ${result.errors[0]!.message}`);
  return seen;
}

/** Every public method of a @clerk/backend client (its endpoint classes' own helpers excluded). */
function backendMethodNames(client: AnyClient): string[] {
  const names: string[] = [];
  for (const [namespace, api] of Object.entries(client)) {
    if (typeof api !== 'object' || api === null) continue;
    const methods = new Set<string>();
    for (let proto = Object.getPrototypeOf(api); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) if (key !== 'constructor' && typeof api[key] === 'function') methods.add(key);
    }
    for (const key of Object.keys(api)) if (typeof api[key] === 'function') methods.add(key);
    for (const method of methods) if (method !== 'requireId' && method !== 'request') names.push(`${namespace}.${method}`);
  }
  return names.sort();
}

beforeAll(async () => {
  // @clerk/backend binds fetch when it is first imported: install the recorder before that.
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    recorded.push(await record(String(input instanceof Request ? input.url : input), init?.method ?? 'GET', init?.body ?? undefined));
    return Response.json({});
  }) as typeof fetch;
  const { createClerkClient: createBackendClient } = await import('@clerk/backend');
  backend = createBackendClient({ secretKey: 'sk_test_migration' }) as unknown as AnyClient;
});

afterAll(() => {
  globalThis.fetch = realFetch;
});

describe('@clerk/backend 3.25 → clerk-bapi, method by method', () => {
  it('lists every one of the 194 methods of @clerk/backend exactly once', () => {
    const names = backendMethodNames(backend);
    expect(names).toHaveLength(194);
    expect(entries.map((entry) => entry.backend).sort()).toEqual(names);
  });

  it.each(entries.filter((entry) => entry.bapi !== null).map((entry) => [entry.backend, entry] as const))(
    '%s sends the request of its clerk-bapi call',
    async (_name, entry) => {
      const theirs = await backendRequests(entry);
      const ours = await bapiRequests(entry);
      expect(theirs.length).toBeGreaterThan(0);
      // Some @clerk/backend methods send a second request (getUserList also counts): the first is the call itself.
      expect(ours).toEqual([theirs[0]]);
    },
  );

  it('maps nothing where @clerk/backend sends no Backend API request', async () => {
    for (const entry of entries.filter((e) => e.bapi === null)) {
      const requests = await backendRequests(entry);
      expect(
        requests.filter((r) => r.host === 'api.clerk.com'),
        entry.backend,
      ).toEqual([]);
      expect(entry.note, entry.backend).toBeTruthy();
    }
  });

  it('docs/migration.md shows the table generated from docs/migration/methods.json', () => {
    expect(readFileSync(MIGRATION_DOC, 'utf8')).toContain(renderMethodTable(entries));
  });
});
