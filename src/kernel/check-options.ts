// The one way options are checked, by the client, the token verifier, the request authenticator, webhooks and
// the adapters: a table per component (option name → rule), one error shape. A name missing from the table is
// an unknown option and is refused with the closest known name, so that a typo (`authorisedParties`) can never
// silently switch a check off.

/**
 * What a present option must be: a check of its value, and the words the refusal uses
 * (`The <option> option must be <expected>.`).
 *
 * @example
 * const rule: OptionRule = [(value) => typeof value === 'function', 'a function'];
 */
export type OptionRule = readonly [check: (value: unknown) => boolean, expected: string];

/**
 * Every option a component knows, in the order they are checked. `null` marks a known option checked where it
 * is used (a key source, say) or accepted as a documented no-op.
 *
 * @example
 * const table: OptionTable = { timeoutMs: range(1, 60_000), apiUrl: null };
 */
export type OptionTable = Readonly<Record<string, OptionRule | null>>;

/**
 * Why an options object is refused: the option, and a message that names it (never its value).
 *
 * @example
 * const problem: OptionProblem = { option: 'clockSkewInMs', message: 'The clockSkewInMs option must be …' };
 */
export interface OptionProblem {
  readonly option: string;
  readonly message: string;
}

/**
 * A finite number within [min, max] (NaN and ±Infinity fail both comparisons), optionally an integer.
 *
 * @example
 * const rule = range(0, 300_000); // 'a number of milliseconds from 0 to 300000'
 */
export function range(min: number, max: number, unit = 'milliseconds', integer = false): OptionRule {
  return [
    (value) => typeof value === 'number' && value >= min && value <= max && (!integer || Number.isInteger(value)),
    `${integer ? 'a whole number' : 'a number'} of ${unit} from ${min} to ${max}`,
  ];
}

/**
 * One of a fixed list of values.
 *
 * @example
 * const rule = oneOf(['error', 'warn', 'off']); // "'error', 'warn' or 'off'"
 */
export function oneOf(values: readonly unknown[]): OptionRule {
  const words = values.map((value) => JSON.stringify(value).replace(/"/g, "'"));
  return [(value) => values.includes(value), words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : `${words[0]}`];
}

/**
 * `null` takes the default, as the `??` that applies it does.
 *
 * @example
 * const rule = orNull(range(0, 10));
 */
export function orNull(rule: OptionRule): OptionRule {
  return [(value) => value === null || rule[0](value), rule[1]];
}

/** A function (`now`, `fetch`, hooks). */
export const FUNCTION: OptionRule = [(value) => typeof value === 'function', 'a function'];

/** A logger: an object with a `warn(message, details)` method. */
export const LOGGER: OptionRule = [
  (value) => typeof value === 'object' && value !== null && typeof (value as { warn?: unknown }).warn === 'function',
  'an object with a warn method',
];

/**
 * The first problem of an options object: an own key the table does not know (with the closest known name),
 * else the first present option, in table order, that breaks its rule; `undefined` when there is none.
 *
 * @example
 * findOptionProblem({ authorisedParties: [] }, table);
 * // { option: 'authorisedParties', message: 'Unknown option `authorisedParties` — did you mean `authorizedParties`?' }
 */
export function findOptionProblem(options: object, table: OptionTable, prefix = ''): OptionProblem | undefined {
  return findUnknownOption(options, table, prefix) ?? findInvalidOption(options, table, prefix);
}

/**
 * The first own key of `options` that `table` does not know, refused with the closest known name. Only plain
 * objects (an object literal, a spread copy) are checked: a class instance's own fields are its implementation,
 * and its options are read through its getters.
 *
 * @example
 * findUnknownOption({ secretkey: 'sk_test_…' }, { secretKey: null })?.message; // 'Unknown option `secretkey` — did you mean `secretKey`?'
 */
export function findUnknownOption(options: object, table: OptionTable, prefix = ''): OptionProblem | undefined {
  const proto: unknown = Object.getPrototypeOf(options);
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const name of Object.keys(options)) {
    if (!Object.hasOwn(table, name)) return unknownOption(name, Object.keys(table), prefix);
  }
  return undefined;
}

/**
 * The first present option, in table order, that breaks its rule. Options are read by property access, so
 * options given through getters or a prototype (a class instance) are checked too.
 *
 * @example
 * findInvalidOption({ clockSkewInMs: -1 }, { clockSkewInMs: range(0, 300_000) })?.option; // 'clockSkewInMs'
 */
export function findInvalidOption(options: object, table: OptionTable, prefix = ''): OptionProblem | undefined {
  for (const name in table) {
    const rule = table[name];
    const value = (options as Record<string, unknown>)[name];
    const option = prefix + name;
    if (rule && value !== undefined && !rule[0](value)) return { option, message: `The ${option} option must be ${rule[1]}.` };
  }
  return undefined;
}

/**
 * Checks an options object against its table and throws the one construction-time error shape: a `TypeError`
 * `<component>: <message>` naming the option. `undefined` options count as `{}`; `prefix` names a nested
 * object (`backoff.`).
 *
 * @example
 * checkOptions('createClerkClient', options, CLIENT_OPTIONS);
 */
export function checkOptions(component: string, options: unknown, table: OptionTable, prefix = ''): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) {
    throw optionError(component, prefix ? `The ${prefix.slice(0, -1)} option must be an object.` : 'The options must be an object.');
  }
  const problem = findOptionProblem(options, table, prefix);
  if (problem) throw optionError(component, problem.message);
}

/**
 * The construction-time error: a `TypeError` prefixed with the component that refused the option.
 *
 * @example
 * throw optionError('clerkMiddleware', 'The jwtKey option must be a PEM public key.');
 */
export function optionError(component: string, message: string): TypeError {
  return new TypeError(`${component}: ${message}`);
}

/**
 * The refusal of an unknown option, with the closest known name when one is close enough to be a typo.
 *
 * @example
 * unknownOption('secretkey', ['secretKey']).message; // 'Unknown option `secretkey` — did you mean `secretKey`?'
 */
export function unknownOption(name: string, known: readonly string[], prefix = ''): OptionProblem {
  const closest = closestName(name, known);
  const option = prefix + name.slice(0, 64);
  const hint = closest === undefined ? '.' : ` — did you mean \`${prefix}${closest}\`?`;
  return { option, message: `Unknown option \`${option}\`${hint}` };
}

/**
 * The known name closest to `name` (case-insensitive edit distance), if it is within a third of the name's
 * length (at least 2 edits); `undefined` otherwise.
 *
 * @example
 * closestName('authorisedParties', ['audience', 'authorizedParties']); // 'authorizedParties'
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Levenshtein distance, one row at a time, for "did you mean" hints on option and param names (short): a name
 * over 100 characters is infinitely far, so that a hostile key cannot make the hint quadratic.
 *
 * @example
 * editDistance('ofset', 'offset'); // 1
 */
export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
