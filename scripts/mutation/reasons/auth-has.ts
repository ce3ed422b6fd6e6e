// Why the surviving mutants of the `auth-has` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

const HAS = 'src/auth/request/has.ts';
const AUTH_OBJECT = 'src/auth/request/auth-object.ts';

export const reasons: SurvivorReason[] = [
  // has.ts
  {
    file: HAS,
    mutant: 'ConditionalExpression: params === null -> false',
    kind: 'equivalent',
    why: 'a null condition then reaches checkOrg, whose destructuring of null throws, and createHas catches that and returns false',
  },
  {
    file: HAS,
    mutant: 'Regex: /^(org:)*/ -> /(org:)*/',
    kind: 'equivalent',
    why: '(org:)* can match the empty string, so the unanchored pattern always matches at index 0, greedily, exactly as the anchored one; replace() is not global',
  },
  {
    file: HAS,
    mutant: `StringLiteral: 'skip' -> ""`,
    kind: 'equivalent',
    why: "createHas only looks for 'pass' and 'fail' among the outcomes, so '' and 'skip' act alike",
  },
  {
    file: HAS,
    mutant: 'ArrayDeclaration: [] -> ["Stryker was here"]',
    kind: 'gap',
    why: "left because only a condition naming the literal 'Stryker was here' tells them apart: on line 97 withOrgPrefix() always adds the 'org:' the literal lacks (equivalent), on line 115 a scope-mismatched entry would grant that one name",
  },
  {
    file: HAS,
    mutant: `ConditionalExpression: claim === '' -> false`,
    kind: 'equivalent',
    why: "an empty claim splits into [''], which has no colon, so SCOPED_ENTRY rejects it and claimGrants returns false on the next line anyway",
  },
  {
    file: HAS,
    mutant: `StringLiteral: '' -> "Stryker was here!"`,
    kind: 'equivalent',
    why: 'line 111: a claim equal to either string has no colon and is rejected as malformed either way; line 119: split() without a limit always returns at least one element, so the default of first is never used',
  },
  {
    file: HAS,
    mutant: 'ConditionalExpression: entry !== null -> true',
    kind: 'equivalent',
    why: 'line 113 already returned false when any entry is null, so every entry reaching granted() is non-null',
  },
  {
    file: HAS,
    mutant: 'ConditionalExpression: config === null -> false',
    kind: 'equivalent',
    why: 'a null config then reaches the destructuring on line 133, which throws, and createHas catches that and returns false',
  },
  {
    file: HAS,
    mutant: /^(ConditionalExpression|EqualityOperator): afterMinutes > 0 -> (true|afterMinutes >= 0)$/,
    kind: 'equivalent',
    why: 'with afterMinutes <= 0 no factor is fresh (afterMinutes > age is false for every accepted age >= 0, and -1 never counts), so every later branch fails too',
  },
  {
    file: HAS,
    mutant: 'ConditionalExpression: first === -1 && second === -1 -> false',
    kind: 'equivalent',
    why: 'with both ages -1 neither firstFresh nor secondFresh can hold, and every later branch needs one of them',
  },
  {
    file: HAS,
    mutant: 'ConditionalExpression: second !== -1 -> true',
    kind: 'equivalent',
    why: 'secondFresh is read only after line 141 has returned for second === -1',
  },
  {
    file: HAS,
    mutant: 'ConditionalExpression: first === -1 -> false',
    kind: 'equivalent',
    why: 'with first === -1, firstFresh is false, so the final multi-factor return fails as the early return does',
  },
  {
    file: HAS,
    mutant: `ConditionalExpression: typeof value === 'number' -> true`,
    kind: 'equivalent',
    why: 'Number.isFinite() does not coerce: it is false for every non-number, so the typeof test adds nothing',
  },
  // auth-object.ts
  {
    file: AUTH_OBJECT,
    mutant: 'ConditionalExpression: options.client === undefined -> false',
    kind: 'equivalent',
    why: 'without a client, options.client.sessions throws inside the try, whose catch returns the same undefined',
  },
  {
    file: AUTH_OBJECT,
    mutant: 'OptionalChaining: result.data?.jwt -> result.data.jwt',
    kind: 'equivalent',
    why: 'without data, result.data.jwt throws inside the try, whose catch returns the same undefined',
  },
  {
    file: AUTH_OBJECT,
    mutant: /^BlockStatement: \{ return undefined; \} -> \{\}$/,
    kind: 'equivalent',
    why: 'an async function that falls off the end of its catch resolves to undefined, as the explicit return does',
  },
  {
    file: AUTH_OBJECT,
    mutant: `ConditionalExpression: typeof n === 'number' -> true`,
    kind: 'equivalent',
    why: 'Number.isFinite() does not coerce: it is false for every non-number, so the typeof test adds nothing',
  },
];
