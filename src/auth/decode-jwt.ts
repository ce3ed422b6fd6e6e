import { isString } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import { decodeBase64Url, decodeBase64UrlAlphabetJson, hasCanonicalEnd } from '../kernel/base64url.js';
import { copyClaims, freezeClaims } from './copy-claims.js';
import { invalidToken, refuseToken, type TokenError } from './errors.js';

/** Tokens longer than this are refused before any parsing (Clerk session tokens are about 1 KB). */
export const MAX_TOKEN_LENGTH = 8192;

/** Exactly three non-empty base64url segments: no padding, whitespace, JSON serialization or JWE. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * A decoded JOSE header; values are untrusted until the signature is verified.
 *
 * @example
 * const header: JwtHeader = { alg: 'RS256', kid: 'ins_1' };
 */
export type JwtHeader = Readonly<Record<string, unknown>>;

/**
 * A decoded JWT payload; values are untrusted until the signature is verified.
 *
 * @example
 * const payload: JwtPayload = { sub: 'user_1', exp: 1_700_000_000 };
 */
export type JwtPayload = Readonly<Record<string, unknown>>;

/**
 * The three parts of a compact JWT, decoded but not verified.
 *
 * @example
 * const decoded: DecodedJwt = { header: { alg: 'RS256' }, payload: {}, signature: new Uint8Array() };
 */
export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  signature: Uint8Array;
}

/** The structural split of a token, shared by the verifiers so each segment is decoded once. */
export interface CompactJwt {
  header: Record<string, unknown>;
  /** The base64url payload segment, decoded only after the signature checks out. */
  payloadSegment: string;
  /** The base64url signature segment, canonical; the signature check decodes it (natively where it can). */
  signatureSegment: string;
  /** The ASCII `header.payload` text that was signed. */
  signingInput: string;
}

/**
 * Checks a token's size and shape and decodes its header and signature; internal to the auth layer.
 *
 * @example
 * const { data } = splitCompactJwt('eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
 */
export function splitCompactJwt(token: unknown): Result<CompactJwt, TokenError> {
  if (!isString(token)) return invalidToken('must be a string');
  // Size first: nothing below (regex, JSON) should ever run on attacker-sized input.
  if (token.length > MAX_TOKEN_LENGTH) {
    return refuseToken('token_too_large', `is longer than ${MAX_TOKEN_LENGTH} characters`);
  }
  if (!COMPACT_JWS.test(token)) {
    return invalidToken('is not a compact JWS (three base64url segments)');
  }
  const firstDot = token.indexOf('.');
  const lastDot = token.lastIndexOf('.');
  const header = decodeHeader(token.slice(0, firstDot));
  if (header === undefined) return invalidToken('header is not a base64url JSON object');
  // The shape check above allowed only base64url characters: the length and the last character decide the rest.
  const signatureSegment = token.slice(lastDot + 1);
  if (!hasCanonicalEnd(signatureSegment)) return invalidToken('signature is not canonical base64url');
  return {
    data: { header, payloadSegment: token.slice(firstDot + 1, lastDot), signatureSegment, signingInput: token.slice(0, lastDot) },
  };
}

/**
 * The last header segment decoded, and its header: the tokens of one issuer share their header (`alg`, `kid`,
 * `typ`), so decoding it again for every token is wasted work. The header is frozen, since every token with that
 * segment gets the same object.
 */
let lastHeader: { segment: string; header: Record<string, unknown> } | undefined;

function decodeHeader(segment: string): Record<string, unknown> | undefined {
  if (lastHeader !== undefined && lastHeader.segment === segment) return lastHeader.header;
  // The token's shape check has already allowed only base64url characters.
  const parsed = decodeBase64UrlAlphabetJson(segment);
  if (parsed === undefined) return undefined;
  // A header nested too deeply is not memoised; decodeJwt refuses it, verification never reads that deep.
  const header = freezeClaims(parsed);
  if (header === undefined) return parsed;
  lastHeader = { segment, header };
  return header;
}

/**
 * Decodes the payload segment of a split token into a frozen, prototype-safe object. It takes the split token, not
 * any text: the split's shape check has allowed only base64url characters, so the alphabet is not scanned again.
 *
 * @example
 * const { data: payload } = decodePayload(compact);
 */
export function decodePayload(compact: CompactJwt): Result<Record<string, unknown>, TokenError> {
  const parsed = decodeBase64UrlAlphabetJson(compact.payloadSegment);
  // Frozen where `JSON.parse` built it: nothing else holds the parsed objects, so a copy would only cost time.
  const payload = parsed === undefined ? undefined : freezeClaims(parsed);
  if (payload === undefined) return invalidToken('payload is not a base64url JSON object');
  return { data: payload };
}

/**
 * Decodes a JWT without verifying it: never use the result for an authorization decision.
 *
 * @example
 * const { data, errors } = decodeJwt(token);
 * if (!errors) console.log(data.header.kid, data.payload.sub);
 */
export function decodeJwt(token: string): Result<DecodedJwt, TokenError> {
  const split = splitCompactJwt(token);
  if (split.errors) return split;
  const payload = decodePayload(split.data);
  if (payload.errors) return payload;
  const header = copyClaims(split.data.header);
  if (header === undefined) return invalidToken('header is nested too deeply');
  const signature = decodeBase64Url(split.data.signatureSegment);
  if (signature === undefined) return invalidToken('signature is not canonical base64url');
  return { data: { header, payload: payload.data, signature } };
}
