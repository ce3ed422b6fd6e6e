// Why the surviving mutants of the `auth-request` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const AUTHENTICATE = 'src/auth/request/authenticate-request.ts';
const RUN = 'src/auth/request/run-authentication.ts';
const PARSE = 'src/auth/request/parse-cookies.ts';

/** findToken's header-only shortcut: the same token either way, the full path only costs a digest and a parse. */
const SHORTCUT_WHY =
  'Only a shortcut: readToken takes a present Authorization header before any cookie, parseCookies(undefined) is empty and cookieSuffix never throws, so the full path finds the same token.';

export const reasons: SurvivorReason[] = [
  // authenticate-request.ts
  {
    file: AUTHENTICATE,
    mutant: 'ConditionalExpression: client === undefined -> false',
    kind: 'equivalent',
    why: 'machineCaches.get(undefined) is undefined (a WeakMap answers undefined for a non-object key), and the cache is stored only when client !== undefined.',
  },
  {
    file: AUTHENTICATE,
    mutant: `StringLiteral: '_clerk_session_id' -> ""`,
    kind: 'equivalent',
    why: "Parsing every URL only costs time: Request.url is always an absolute URL, and an absent parameter reads as null, which authenticateSession ignores like undefined (typeof wanted === 'string').",
  },
  {
    file: AUTHENTICATE,
    mutant: 'ConditionalExpression: value !== undefined -> true',
    kind: 'equivalent',
    why: 'Both consumers read options by name and treat an undefined value as unset: snapshotOptions skips undefined (verifyToken), resolveVerifierOptions uses ?? and !== undefined (createTokenVerifier).',
  },
  // cookie-suffix.ts
  {
    file: 'src/auth/request/cookie-suffix.ts',
    mutant: 'BlockStatement: { return undefined; } -> {}',
    kind: 'equivalent',
    why: 'computeSuffix is async: an empty catch block also resolves to undefined.',
  },
  // parse-cookies.ts
  {
    file: PARSE,
    mutant: /header === '' -> false|StringLiteral: '' -> "Stryker was here!"/,
    kind: 'equivalent',
    why: "Only a shortcut: ''.split(';') is [''], a pair without '=' is skipped, so an empty header still gives an empty map.",
  },
  {
    file: PARSE,
    mutant: /!value\.includes\('%'\) -> false|StringLiteral: '%' -> ""/,
    kind: 'equivalent',
    why: "Only a shortcut: decodeURIComponent returns a string without '%' unchanged and only throws on a malformed % escape.",
  },
  // run-authentication.ts
  {
    file: RUN,
    mutant:
      /header === undefined \|\| \(parts\.authorization !== undefined && parts\.authorization !== null\) -> (false|header === undefined &&)/,
    kind: 'equivalent',
    why: SHORTCUT_WHY,
  },
  { file: RUN, mutant: 'ConditionalExpression: header === undefined -> false', kind: 'equivalent', why: SHORTCUT_WHY },
  {
    file: RUN,
    mutant: 'ConditionalExpression: parts.authorization !== undefined && parts.authorization !== null -> false',
    kind: 'equivalent',
    why: SHORTCUT_WHY,
  },
  { file: RUN, mutant: 'BlockStatement: { return readToken(parts, new Map(), []); } -> {}', kind: 'equivalent', why: SHORTCUT_WHY },
  {
    file: RUN,
    mutant: 'ArrayDeclaration: [] -> ["Stryker was here"]',
    kind: 'equivalent',
    why: 'The shortcut reads cookies from an empty map: no cookie name can match, whatever the list.',
  },
  {
    file: RUN,
    mutant: /ConditionalExpression: accepts !== 'any' -> true|StringLiteral: 'any' -> ""/,
    kind: 'equivalent',
    why: "For accepts 'any' the next test, accepts.length === 1, is false already ('any'.length is 3); accepts is never ''.",
  },
  {
    file: RUN,
    mutant: `StringLiteral: 'jwt' -> ""`,
    kind: 'equivalent',
    why: 'The form of a session_token kind is never read: authenticateSession takes the token, and only kind.type is used on the session path.',
  },
  {
    file: RUN,
    mutant: 'ConditionalExpression: context.client?.sessions === undefined -> false',
    kind: 'equivalent',
    why: "getToken's try/catch turns a client without sessions (a TypeError) into undefined, as it answers for no client; nothing else reads the client.",
  },
];
