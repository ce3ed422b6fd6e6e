// Clerk's cookie and query parameter names for cookie sessions and the handshake, as @clerk/backend spells them.

/** Cookies the browser holds for a Clerk instance; most also exist with the `_<suffix>` of the instance. */
export const COOKIE = {
  session: '__session',
  refresh: '__refresh',
  clientUat: '__client_uat',
  handshake: '__clerk_handshake',
  handshakeNonce: '__clerk_handshake_nonce',
  devBrowser: '__clerk_db_jwt',
  redirectCount: '__clerk_redirect_count',
} as const;

/** Query parameters of the handshake and multi-domain flows. */
export const PARAM = {
  handshake: '__clerk_handshake',
  handshakeNonce: '__clerk_handshake_nonce',
  handshakeHelp: '__clerk_help',
  handshakeReason: '__clerk_hs_reason',
  devBrowser: '__clerk_db_jwt',
  legacyDevBrowser: '__dev_session',
  synced: '__clerk_synced',
  redirectUrl: '__clerk_redirect_url',
  suffixedCookies: 'suffixed_cookies',
  format: 'format',
  apiVersion: '__clerk_api_version',
  session: '__session',
} as const;

/** The Backend API version the handshake asks the Frontend API to answer for (the pinned spec's). */
export const HANDSHAKE_API_VERSION = '2026-05-12';

/** After this many handshake redirects in a row (counted in a 2-second cookie), the request is signed out. */
export const MAX_HANDSHAKE_REDIRECTS = 3;

/**
 * Why a request needs a handshake (or, where none can be done, why it is signed out): the strings of
 * `@clerk/backend`'s `AuthErrorReason`, so the two can be compared.
 *
 * @example
 * const reason: HandshakeReason = HANDSHAKE_REASON.clientUatWithoutSessionToken;
 */
export const HANDSHAKE_REASON = {
  clientUatWithoutSessionToken: 'client-uat-but-no-session-token',
  devBrowserMissing: 'dev-browser-missing',
  devBrowserSync: 'dev-browser-sync',
  primaryRespondsToSyncing: 'primary-responds-to-syncing',
  primaryDomainCrossOriginSync: 'primary-domain-cross-origin-sync',
  satelliteNeedsSyncing: 'satellite-needs-syncing',
  sessionTokenAndUatMissing: 'session-token-and-uat-missing',
  sessionTokenMissing: 'session-token-missing',
  sessionTokenIatBeforeClientUat: 'session-token-iat-before-client-uat',
  sessionTokenNbf: 'session-token-nbf',
  sessionTokenIatInTheFuture: 'session-token-iat-in-the-future',
  sessionTokenWithoutClientUat: 'session-token-but-no-client-uat',
  activeOrganizationMismatch: 'active-organization-mismatch',
  /** Ours: the handshake's cookies are set and the page is reloaded without the handshake parameters. */
  handshakeApplied: 'handshake-applied',
} as const;

/**
 * Why a refresh from the `__refresh` cookie was not done or failed: `@clerk/backend`'s `RefreshTokenErrorReason`.
 * The handshake reason of an expired token is `session-token-expired-refresh-<this>`.
 *
 * @example
 * const reason: RefreshFailure = 'non-eligible-no-refresh-cookie';
 */
export type RefreshFailure =
  | 'non-eligible-no-refresh-cookie'
  | 'non-eligible-non-get'
  | 'invalid-session-token'
  | 'missing-api-client'
  | 'expired-session-token-decode-failed'
  | 'expired-session-token-missing-sid-claim'
  | 'fetch-error'
  | 'unexpected-sdk-error'
  | 'unexpected-bapi-error';

/**
 * A handshake reason: one of {@link HANDSHAKE_REASON} or `session-token-expired-refresh-<RefreshFailure>`.
 *
 * @example
 * const reason: HandshakeReason = 'session-token-expired-refresh-non-eligible-no-refresh-cookie';
 */
export type HandshakeReason = (typeof HANDSHAKE_REASON)[keyof typeof HANDSHAKE_REASON] | `session-token-expired-refresh-${RefreshFailure}`;

/**
 * Refusals of a handshake's return trip (our own codes: Clerk throws instead).
 *
 * - `handshake-token-invalid`: the `__clerk_handshake` token is malformed, forged, expired or of another instance.
 * - `handshake-nonce-unresolved`: the Backend API did not give the payload of `__clerk_handshake_nonce`.
 * - `handshake-payload-invalid`: the payload holds no usable session cookie, or one that does not verify.
 * - `redirect-url-refused`: a redirect target taken from the request is not an allowed origin.
 *
 * @example
 * const reason: HandshakeRefusal = 'handshake-token-invalid';
 */
export type HandshakeRefusal =
  | 'handshake-token-invalid'
  | 'handshake-nonce-unresolved'
  | 'handshake-payload-invalid'
  | 'redirect-url-refused';
