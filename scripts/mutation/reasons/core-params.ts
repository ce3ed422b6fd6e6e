// Why the surviving mutants of the `core-params` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [];
