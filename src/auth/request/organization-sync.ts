// Organization sync: which organization (or the personal account) a URL path asks to activate, from the
// path patterns of `organizationSyncOptions`. Clerk compiles these patterns with path-to-regexp 6; this is a
// small matcher for the part of that syntax Clerk documents (`:name` parameters, a trailing `(.*)`), linear
// in the path's length, so a hostile path cannot make a pattern backtrack (path-to-regexp's CVE-2024-45296).

/**
 * Path patterns that activate an organization or the personal account, as Clerk's `organizationSyncOptions`.
 *
 * @example
 * const options: OrganizationSyncOptions = {
 *   organizationPatterns: ['/orgs/:slug', '/orgs/:slug/(.*)'],
 *   personalAccountPatterns: ['/me', '/me/(.*)'],
 * };
 */
export interface OrganizationSyncOptions {
  /** Patterns with a `:id` (organization id) or `:slug` (organization slug) parameter; they win over the others. */
  organizationPatterns?: readonly string[] | undefined;
  /** Patterns of pages that belong to the personal account (no active organization). */
  personalAccountPatterns?: readonly string[] | undefined;
}

/**
 * What a URL asks to activate: an organization by id or slug, or the personal account.
 *
 * @example
 * const target: OrganizationSyncTarget = { type: 'organization', organizationSlug: 'acme' };
 */
export type OrganizationSyncTarget =
  | { type: 'organization'; organizationId: string; organizationSlug?: never }
  | { type: 'organization'; organizationSlug: string; organizationId?: never }
  | { type: 'personalAccount' };

/**
 * Finds what a URL's path asks to activate; `null` when no pattern matches (or the argument is not a `URL`).
 *
 * @example
 * const target = matcher(new URL('https://app.example/orgs/acme/settings'));
 */
export type OrganizationSyncMatcher = (url: URL) => OrganizationSyncTarget | null;

type Token = { kind: 'text'; text: string } | { kind: 'param'; name: string; noDot: boolean; suffix: string } | { kind: 'rest' };

interface CompiledPattern {
  readonly tokens: readonly Token[];
  readonly names: ReadonlySet<string>;
}

const MAX_PATTERNS = 100;
const MAX_PATTERN_LENGTH = 1000;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Compiles `organizationSyncOptions` into a matcher; an invalid pattern throws a `TypeError` naming it.
 *
 * Supported syntax (a subset of path-to-regexp 6, matched as Clerk matches it: case-insensitive literals, an
 * optional trailing `/`, parameter values not decoded): a pattern starts with `/`; `:name` matches one or more
 * characters up to the next `/` (after a `.`, up to the next `.` too), at most one parameter per segment;
 * `(.*)` matches the rest of the path and must end the pattern, in a segment without a parameter. Modifiers
 * (`?`, `*`, `+`), groups (`{…}`), escapes and custom parameter patterns (`:id(\\d+)`) are refused.
 *
 * @example
 * const matcher = createOrganizationSyncMatcher({ organizationPatterns: ['/orgs/:id', '/orgs/:id/(.*)'] });
 * matcher(new URL('https://app.example/orgs/org_123/members')); // { type: 'organization', organizationId: 'org_123' }
 */
export function createOrganizationSyncMatcher(options: OrganizationSyncOptions | undefined): OrganizationSyncMatcher {
  if (options === undefined || options === null) return () => null;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('The organizationSyncOptions option must be an object.');
  }
  for (const key of Object.keys(options)) {
    if (key !== 'organizationPatterns' && key !== 'personalAccountPatterns') {
      throw new TypeError(`The organizationSyncOptions option has an unknown key: ${JSON.stringify(key.slice(0, 64))}.`);
    }
  }
  const organization = compileList(options.organizationPatterns, 'organizationPatterns');
  const personal = compileList(options.personalAccountPatterns, 'personalAccountPatterns');
  for (const [index, pattern] of organization.entries()) {
    if (!pattern.names.has('id') && !pattern.names.has('slug')) {
      throw new TypeError(`The organizationSyncOptions.organizationPatterns[${index}] option must have an :id or :slug parameter.`);
    }
  }
  if (organization.length === 0 && personal.length === 0) return () => null;

  return (url) => {
    const path = pathnameOf(url);
    if (path === undefined) return null;
    // As path-to-regexp's alternation: the first pattern that matches decides; `:id` wins over `:slug`.
    for (const pattern of organization) {
      const params = matchPattern(pattern.tokens, path);
      if (params === undefined) continue;
      const id = params.get('id');
      if (id !== undefined) return { type: 'organization', organizationId: id };
      const slug = params.get('slug');
      if (slug !== undefined) return { type: 'organization', organizationSlug: slug };
    }
    for (const pattern of personal) {
      if (matchPattern(pattern.tokens, path) !== undefined) return { type: 'personalAccount' };
    }
    return null;
  };
}

/**
 * The handshake query parameters that ask the Frontend API to activate a target, as Clerk sends them:
 * `organization_id` holds the id or the slug, and is empty for the personal account.
 *
 * @example
 * organizationSyncQueryParams({ type: 'personalAccount' }); // [['organization_id', '']]
 */
export function organizationSyncQueryParams(target: OrganizationSyncTarget): [string, string][] {
  if (target.type === 'personalAccount') return [['organization_id', '']];
  return [['organization_id', target.organizationId ?? target.organizationSlug ?? '']];
}

/**
 * Whether a signed-in session must switch organization to match the target (Clerk's
 * `ActiveOrganizationMismatch`): another organization is asked for, or the personal account while one is active.
 *
 * @example
 * needsOrganizationActivation({ type: 'personalAccount' }, { orgId: 'org_1' }); // true
 */
export function needsOrganizationActivation(
  target: OrganizationSyncTarget | null,
  active: { orgId?: string | undefined; orgSlug?: string | undefined },
): boolean {
  if (target === null) return false;
  if (target.type === 'personalAccount') return active.orgId !== undefined && active.orgId !== '';
  if (target.organizationId !== undefined) return target.organizationId !== active.orgId;
  return target.organizationSlug !== active.orgSlug;
}

// A `URL`'s pathname: dot segments resolved, query and fragment apart, non-ASCII percent-encoded. A string is
// refused rather than parsed, since `new URL('//host/x', base)` would read a path as a host.
function pathnameOf(url: URL): string | undefined {
  return url instanceof URL ? url.pathname : undefined;
}

function compileList(list: unknown, option: string): CompiledPattern[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new TypeError(`The organizationSyncOptions.${option} option must be a list of strings.`);
  if (list.length > MAX_PATTERNS) {
    throw new TypeError(`The organizationSyncOptions.${option} option must have at most ${MAX_PATTERNS} patterns.`);
  }
  return list.map((pattern: unknown, index) => {
    const name = `organizationSyncOptions.${option}[${index}]`;
    if (typeof pattern !== 'string' || pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) {
      throw new TypeError(`The ${name} option must be a non-empty string of at most ${MAX_PATTERN_LENGTH} characters.`);
    }
    const refusal = compilePattern(pattern);
    if (typeof refusal === 'string') {
      throw new TypeError(`The ${name} option is not a supported path pattern: ${refusal}.`);
    }
    return refusal;
  });
}

/** Parses a pattern into tokens, or says why it is refused (the pattern itself is the caller's, safe to name). */
function compilePattern(pattern: string): CompiledPattern | string {
  if (!pattern.startsWith('/')) return 'it must start with "/"';
  const tokens: Token[] = [];
  const names = new Set<string>();
  let text = '';
  let segmentHasParam = false;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === ':') {
      let end = index + 1;
      while (end < pattern.length && NAME_CHAR.test(pattern[end] as string)) end++;
      const name = pattern.slice(index + 1, end);
      if (name === '') return `a parameter name is missing at ${index}`;
      if (names.has(name)) return `the parameter :${name} appears twice`;
      if (segmentHasParam) return `one parameter per path segment (at ${index})`;
      const next = pattern[end];
      if (next === '(') return `custom parameter patterns are not supported (at ${end})`;
      if (next === '?' || next === '*' || next === '+') return `modifiers are not supported (at ${end})`;
      // path-to-regexp 6.3: a parameter after a `.` prefix cannot contain `.`; after `/`, anything but `/`.
      const noDot = text.endsWith('.');
      if (text !== '') tokens.push({ kind: 'text', text });
      text = '';
      names.add(name);
      segmentHasParam = true;
      // The text after the parameter up to the next `/`: the value ends where that suffix ends the segment.
      let suffixEnd = end;
      while (suffixEnd < pattern.length && pattern[suffixEnd] !== '/') suffixEnd++;
      tokens.push({ kind: 'param', name, noDot, suffix: foldAscii(pattern.slice(end, suffixEnd)) });
      index = end;
      continue;
    }
    if (char === '(') {
      if (!pattern.startsWith('(.*)', index)) return `only (.*) is supported as a group (at ${index})`;
      if (index + 4 !== pattern.length) return '(.*) must end the pattern';
      if (segmentHasParam) return '(.*) cannot share a path segment with a parameter';
      if (text !== '') tokens.push({ kind: 'text', text });
      tokens.push({ kind: 'rest' });
      return { tokens, names };
    }
    if ('?*+{}()\\'.includes(char)) return `the character ${JSON.stringify(char)} is not supported (at ${index})`;
    if (char === '/') segmentHasParam = false;
    // Literals compare case-insensitively, as path-to-regexp's default `sensitive: false`.
    text += foldAscii(char);
    index++;
  }
  if (text !== '') tokens.push({ kind: 'text', text });
  return { tokens, names };
}

/**
 * Matches a path against compiled tokens in one left-to-right pass: a parameter's value is the rest of its
 * segment minus its suffix (the only split path-to-regexp's lazy match can end with), so nothing backtracks.
 */
function matchPattern(tokens: readonly Token[], path: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  let position = 0;
  for (const token of tokens) {
    if (token.kind === 'rest') return params;
    if (token.kind === 'text') {
      if (!equalsFolded(path, position, token.text)) return undefined;
      position += token.text.length;
      continue;
    }
    let segmentEnd = path.indexOf('/', position);
    if (segmentEnd === -1) segmentEnd = path.length;
    const valueEnd = segmentEnd - token.suffix.length;
    if (valueEnd <= position || !equalsFolded(path, valueEnd, token.suffix)) return undefined;
    const value = path.slice(position, valueEnd);
    if (token.noDot && value.includes('.')) return undefined;
    params.set(token.name, value);
    position = valueEnd;
  }
  // `strict: false`: one trailing `/` may follow.
  return position === path.length || (position === path.length - 1 && path[position] === '/') ? params : undefined;
}

/** Lower-cases ASCII letters only, so a literal keeps its length (`'İ'.toLowerCase()` has two code units). */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** Whether `path` holds `lowerText` at `position`, ASCII letters compared case-insensitively. */
function equalsFolded(path: string, position: number, lowerText: string): boolean {
  if (position + lowerText.length > path.length) return false;
  for (let offset = 0; offset < lowerText.length; offset++) {
    const code = path.charCodeAt(position + offset);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (folded !== lowerText.charCodeAt(offset)) return false;
  }
  return true;
}
