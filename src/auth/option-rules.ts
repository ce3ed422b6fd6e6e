import {
  FUNCTION,
  findInvalidOption,
  findUnknownOption,
  LOGGER,
  orNull,
  range,
  type OptionProblem,
  type OptionRule,
  type OptionTable,
} from '../kernel/check-options.js';
import { isObject, isString } from '../kernel/guards.js';
import { isRsaAlgorithm } from './algorithms.js';
import { fail } from './errors.js';
import type { ClaimOptions, TokenVerifierOptions } from './verifier-options.js';

const isStringList = (value: unknown): boolean => {
  const list = isString(value) ? [value] : value;
  return Array.isArray(list) && list.every((item) => isString(item) && item !== '');
};
const STRINGS = 'a non-empty string or list of them';

/**
 * The callbacks one verification uses; `verifyToken` checks them on every call, since a cached verifier
 * was built with another call's callbacks.
 */
export const CALLBACK_RULES = { now: FUNCTION, fetch: FUNCTION, logger: LOGGER } as const satisfies OptionTable;

/** The claim options, in the order they are checked. */
export const CLAIM_RULES = {
  clockSkewInMs: range(0, 300_000),
  algorithms: orNull([
    (value) => Array.isArray(value) && value.length > 0 && value.every(isRsaAlgorithm),
    'a non-empty list of RS256, RS384, RS512',
  ]),
  authorizedParties: [isStringList, 'a list of non-empty strings'],
  audience: [isStringList, STRINGS],
  issuer: [isStringList, STRINGS],
  headerType: orNull([isStringList, STRINGS]),
  now: CALLBACK_RULES.now,
} as const satisfies Record<keyof ClaimOptions, OptionRule>;

/**
 * The other verifier options, in the order they are checked. The key source and `publishableKey` have no
 * rule here (`null`): they are checked where they are used (a key source only when it is the one picked).
 */
export const VERIFIER_RULES = {
  publishableKey: null,
  secretKey: null,
  jwtKey: null,
  apiUrl: null,
  apiVersion: [(value) => isString(value) && /^[A-Za-z0-9_-]+$/.test(value), 'a path segment such as v1'],
  jwksUrl: null,
  jwksCacheTtlInMs: range(1000, 86_400_000),
  jwksCooldownInMs: range(1000, 3_600_000),
  jwksStaleIfErrorInMs: range(0, 604_800_000),
  jwksTimeoutInMs: range(1, 60_000),
  jwksMaxBytes: range(1024, 10_485_760, 'bytes'),
  jwksMaxKeys: range(1, 1000, 'keys'),
  tokenCache: orNull([
    (value) =>
      typeof value === 'boolean' || (isObject(value) && (value['maxEntries'] === undefined || range(1, 100_000)[0](value['maxEntries']))),
    'a boolean or { maxEntries: 1–100000 }',
  ]),
  fetch: CALLBACK_RULES.fetch,
  logger: CALLBACK_RULES.logger,
  tokenType: orNull([(value) => value === 'session' || value === 'jwt_template', "'session' or 'jwt_template'"]),
} as const satisfies Record<Exclude<keyof TokenVerifierOptions, keyof ClaimOptions>, OptionRule | null>;

/**
 * Every option of a token verifier (`createTokenVerifier`, `verifyToken`): the table an options object is
 * checked against for unknown names.
 */
export const TOKEN_VERIFIER_OPTIONS = { ...CLAIM_RULES, ...VERIFIER_RULES } satisfies OptionTable;

/**
 * The refusal of the first present option that breaks its rule, in `table` order; `undefined` when none does.
 *
 * @example
 * firstInvalidOption({ clockSkewInMs: -1 }, CLAIM_RULES); // { errors: [{ code: 'options_invalid', … }] }
 */
export function firstInvalidOption(options: object, table: OptionTable): ReturnType<typeof fail> | undefined {
  return refusal(findInvalidOption(options, table));
}

/**
 * The refusal of an option a token verifier does not know, naming the closest known one.
 *
 * @example
 * unknownVerifierOption({ authorisedParties: [] }); // message: 'Unknown option `authorisedParties` — did you mean `authorizedParties`?'
 */
export function unknownVerifierOption(options: object): ReturnType<typeof fail> | undefined {
  return refusal(findUnknownOption(options, TOKEN_VERIFIER_OPTIONS));
}

function refusal(problem: OptionProblem | undefined): ReturnType<typeof fail> | undefined {
  return problem && fail('options_invalid', problem.message, { option: problem.option });
}

/**
 * `options_invalid` naming the option, never its value.
 *
 * @example
 * invalidOption('apiUrl', 'an https URL'); // message: 'The apiUrl option must be an https URL.'
 */
export function invalidOption(option: string, expected: string): ReturnType<typeof fail> {
  return fail('options_invalid', `The ${option} option must be ${expected}.`, { option });
}
