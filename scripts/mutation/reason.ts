// Why a mutant survives: one entry per surviving (or uncovered) mutant, or per group of them, kept beside the shard
// lists so that `npm run mutate:score` can print every survivor with its reason and name the ones without one.

/**
 * What kind of survivor a reason describes.
 * - `equivalent`: the mutated code gives the same result for every input.
 * - `unobservable`: results are the same, but something outside them differs (a timer or a listener left behind).
 * - `unreachable`: defensive code that no input can reach through the public API.
 * - `static`: code that runs only while its module loads (a table built once). Stryker switches mutants on per
 *   test, after the module has loaded, so it never activates these; `why` names the test that fails when the
 *   mutation is applied by hand.
 * - `gap`: a real difference that no test catches yet; `why` says why it is left.
 */
export type SurvivorKind = 'equivalent' | 'unobservable' | 'unreachable' | 'static' | 'gap';

export interface SurvivorReason {
  /** The mutated file, from the project root: `src/auth/rsa-key.ts`. */
  file: string;
  /**
   * Which mutants: matched against `Mutator: original -> replacement`, as `npm run mutate:score -- --survivors`
   * prints them after the location. A string matches as a substring; a RegExp as a pattern. Lines are left out on
   * purpose: they move with every edit, the mutated text rarely does.
   */
  mutant: string | RegExp;
  kind: SurvivorKind;
  why: string;
}

/** The reason that covers a survivor, or `undefined` when none does. */
export function findReason(reasons: readonly SurvivorReason[], file: string, mutant: string): SurvivorReason | undefined {
  return reasons.find(
    (reason) => reason.file === file && (typeof reason.mutant === 'string' ? mutant.includes(reason.mutant) : reason.mutant.test(mutant)),
  );
}
