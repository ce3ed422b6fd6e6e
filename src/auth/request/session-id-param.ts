const NAME = '_clerk_session_id';

/**
 * Reads the `_clerk_session_id` query parameter of a request URL (absolute, or a path with a query as
 * Node gives it) the way frameworks decode it for the application: `URLSearchParams` semantics, so an
 * encoded name (`%5Fclerk_session_id`, `_clerk_session_i%64`) is the same parameter (SECURITY G.43).
 * A repeated parameter comes back as a list, which authentication refuses: Express hands the
 * application an array there, and the first value must not win on one side and another on the other.
 *
 * @example
 * readSessionIdParam('/things?%5Fclerk_session_id=sess_B'); // 'sess_B'
 * readSessionIdParam('/things?_clerk_session_id=a&_clerk_session_id=b'); // ['a', 'b']
 */
export function readSessionIdParam(url: string): string | readonly string[] | undefined {
  const question = url.indexOf('?');
  if (question === -1) return undefined;
  const hash = url.indexOf('#', question);
  const query = hash === -1 ? url.slice(question + 1) : url.slice(question + 1, hash);
  // Parsing costs more than the rest of a cached verification: only when the name can be there, spelled
  // out or with any of its characters percent-encoded.
  if (!query.includes(NAME) && !query.includes('%')) return undefined;
  const values = new URLSearchParams(query).getAll(NAME);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}
