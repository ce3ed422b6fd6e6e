// Why the surviving mutants of the `auth-key-sources` shard (scripts/mutation/shards.ts) survive.
import type { SurvivorReason } from '../reason.js';

export const reasons: SurvivorReason[] = [];
