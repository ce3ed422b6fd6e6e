// Bundle-size regressions: each bundle of ours (bench/size/bundle-sizes.ts) may grow up to 10% over the size the
// size bench recorded in bench/size/recorded.json. The goals against @clerk/backend are the bench's to report.
import { describe, expect, it } from 'vitest';
import { BUNDLES, measureBundle, readRecordedSizes } from '../../bench/size/bundle-sizes.js';

const HEADROOM = 1.1;

describe('bundle sizes against the sizes recorded in the repo', () => {
  const recorded = readRecordedSizes();

  it('has a recorded size for every bundle the bench measures, and none for a bundle it no longer does', () => {
    expect(Object.keys(recorded).sort()).toEqual(BUNDLES.map((bundle) => bundle.name).sort());
  });

  it.each(BUNDLES)(
    '$name grows at most 10% over its recorded size',
    async (bundle) => {
      const { name } = bundle;
      const bytes = (await measureBundle(bundle.ours, { splitting: bundle.splitting === true }))[bundle.metric];
      const limit = Math.floor(recorded[name]! * HEADROOM);
      // After an intended growth, `npx tsx bench/size/size.ts` records the new sizes (and commit recorded.json).
      expect(bytes, `${name}: ${bytes} bytes (${bundle.metric}), recorded ${recorded[name]}, limit ${limit}`).toBeLessThanOrEqual(limit);
    },
    60_000,
  );
});
