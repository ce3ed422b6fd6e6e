import { isString } from '../../../kernel/guards.js';
import type { Result } from '../../../kernel/result.js';
import { checkHeaderType, checkRegisteredClaims } from '../../claim-checks.js';
import { decodePayload, type CompactJwt } from '../../decode-jwt.js';
import { fail, type TokenError } from '../../errors.js';
import { sharedKeySource } from '../../key-set-registry.js';
import { resolveVerifierOptions, type TokenVerifierOptions } from '../../options.js';
import { verifyCompact } from '../../verify-compact.js';

/** A handshake payload is a few Set-Cookie lines; more, or longer ones, are not Clerk's. */
const MAX_DIRECTIVES = 32;
const MAX_DIRECTIVE_LENGTH = 4096;
/** Categories (`cat`) a handshake token may carry: it is minted as a session token (Clerk's AISEC-85). */
const HANDSHAKE_CATEGORIES: ReadonlySet<unknown> = new Set([undefined, 'cl_B7d4PD111AAA', 'cl_I7d4PD111III']);

/**
 * Verifies `__clerk_handshake` tokens with the instance key of the session verifier (same key source, same
 * pinned algorithms) and its time and issuer rules; gives the `handshake` claim, a list of `Set-Cookie` lines.
 *
 * @example
 * const verify = createHandshakeVerifier({ jwtKey });
 * const { data: directives } = await verify(token);
 */
export type HandshakeVerifier = (token: string) => Promise<Result<readonly string[], TokenError>>;

/**
 * Builds a {@link HandshakeVerifier} from the session verifier's options; its keys are shared with the
 * convenience verifiers of the same key set, so a handshake return costs no extra key fetch.
 *
 * @example
 * const verify = createHandshakeVerifier({ secretKey: 'sk_live_…', publishableKey: 'pk_live_…' });
 */
export function createHandshakeVerifier(options: TokenVerifierOptions): HandshakeVerifier {
  const resolved = resolveVerifierOptions(options);
  if (resolved.errors) {
    const errors = resolved.errors;
    return () => Promise.resolve({ errors });
  }
  const settings = resolved.data;
  const keys = sharedKeySource(settings);
  return async (token) => {
    try {
      const nowMs = settings.now();
      const verified = await verifyCompact(token, settings.algorithms, keys, { ...settings, nowMs }, (compact) =>
        readHandshake(compact, settings.rules, nowMs),
      );
      return verified.errors ? verified : { data: verified.data.value };
    } catch {
      return fail('options_invalid', 'The handshake token could not be verified: an injected option failed.');
    }
  };
}

function readHandshake(
  compact: CompactJwt,
  rules: Parameters<typeof checkRegisteredClaims>[1],
  nowMs: number,
): Result<readonly string[], TokenError> {
  if (!HANDSHAKE_CATEGORIES.has(compact.header['cat']))
    return fail('token_type_mismatch', 'The handshake token has another category than a session token.');
  const payload = decodePayload(compact);
  if (payload.errors) return payload;
  // The time claims as for a session token (`exp` required); `iss` must be the instance's when present (the
  // signature already binds the token to the instance key); azp and aud are not part of a handshake token.
  const issuer = payload.data['iss'] === undefined ? undefined : rules.issuer;
  const own = { ...rules, authorizedParties: undefined, audience: undefined, issuer };
  const problem = checkHeaderType(compact.header, rules) ?? checkRegisteredClaims(payload.data, own, nowMs);
  if (problem) return { errors: [problem] };
  const directives = payload.data['handshake'];
  if (
    !Array.isArray(directives) ||
    directives.length > MAX_DIRECTIVES ||
    !directives.every((line): line is string => isString(line) && line.length <= MAX_DIRECTIVE_LENGTH)
  ) {
    return fail('token_invalid', 'The handshake claim must be a short list of Set-Cookie lines.');
  }
  return { data: Object.freeze([...directives]) };
}
