import { isObject, isString } from '../kernel/guards.js';
import { isRsaAlgorithm } from './algorithms.js';
import { fail } from './errors.js';
import type { ClaimOptions, TokenVerifierOptions } from './options.js';

/**
 * What a present option must be: a check of its value, and the words the refusal uses
 * (`The <option> option must be <expected>.`).
 *
 * @example
 * const rule: OptionRule = [(value) => typeof value === 'function', 'a function'];
 */
export type OptionRule = readonly [check: (value: unknown) => boolean, expected: string];

/** A finite number within [min, max]; NaN and ±Infinity fail both comparisons. */
function range(min: number, max: number, unit = 'milliseconds'): OptionRule {
  return [(value) => typeof value === 'number' && value >= min && value <= max, `a number of ${unit} from ${min} to ${max}`];
}

/** `null` takes the default, as the `??` that applies it does. */
function orNull(rule: OptionRule): OptionRule {
  return [(value) => value === null || rule[0](value), rule[1]];
}

const isFunction = (value: unknown): boolean => typeof value === 'function';
const isStringList = (value: unknown): boolean => {
  const list = isString(value) ? [value] : value;
  return Array.isArray(list) && list.every((item) => isString(item) && item !== '');
};
const STRINGS = 'a non-empty string or list of them';
const FUNCTION: OptionRule = [isFunction, 'a function'];

/**
 * The callbacks one verification uses; `verifyToken` checks them on every call, since a cached verifier
 * was built with another call's callbacks.
 */
export const CALLBACK_RULES = {
  now: FUNCTION,
  fetch: FUNCTION,
  logger: [(value) => isObject(value) && isFunction(value['warn']), 'an object with a warn method'],
} as const satisfies Record<string, OptionRule>;

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
 * rule here: they are checked where they are used (a key source only when it is the one picked).
 */
export const VERIFIER_RULES = {
  publishableKey: undefined,
  secretKey: undefined,
  jwtKey: undefined,
  apiUrl: undefined,
  jwksUrl: undefined,
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
} as const satisfies Record<Exclude<keyof TokenVerifierOptions, keyof ClaimOptions>, OptionRule | undefined>;

/**
 * The refusal of the first present option, in `rules` order, that breaks its rule; `undefined` when none does.
 *
 * @example
 * firstInvalidOption({ clockSkewInMs: -1 }, CLAIM_RULES); // { errors: [{ code: 'options_invalid', … }] }
 */
export function firstInvalidOption(
  options: object,
  rules: Readonly<Record<string, OptionRule | undefined>>,
): ReturnType<typeof invalidOption> | undefined {
  for (const [name, rule] of Object.entries(rules)) {
    const value = (options as Record<string, unknown>)[name];
    if (rule && value !== undefined && !rule[0](value)) return invalidOption(name, rule[1]);
  }
  return undefined;
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
