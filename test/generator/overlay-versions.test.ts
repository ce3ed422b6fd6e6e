// Overlays declare the versions they are for (x-applies-to); one that does not apply is skipped whole.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appliesToVersion, parseAppliesTo } from '../../scripts/spec/applies-to.js';
import { applyOverlay } from '../../scripts/spec/apply-overlay.js';
import { chooseOverlays, defaultOverlaysDir, loadBapiSpec, parseSpecText, readOverlay, repairSpec } from '../../scripts/spec/load-spec.js';
import { readPin } from '../../scripts/spec/pin.js';
import { pinnedText } from './helpers/synthetic-spec.js';

const spec =
  'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    A: { type: object, required: [x] }\n';

/** A temp overlays directory holding the given overlays, by file name. */
function overlaysDir(files: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'overlays-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), stringify(body));
  return dir;
}

const twoActions = {
  overlay: '1.0.0',
  'x-applies-to': { from: '2025-11-10' },
  info: { title: 'two actions', version: '1' },
  actions: [
    { target: '$.components.schemas.A', description: 'give A a title', update: { title: 'A' } },
    { target: '$.components.schemas.B', description: 'B exists only in later specs', remove: true },
  ],
};

describe('x-applies-to', () => {
  it('accepts an inclusive range, open at either end', () => {
    const one = parseAppliesTo({ from: '2024-10-01', through: '2024-10-01' }, 'o');
    expect(['2024-09-30', '2024-10-01', '2024-10-02'].map((v) => appliesToVersion(one, v))).toEqual([false, true, false]);
    const range = parseAppliesTo({ from: '2025-04-10', through: '2025-11-10' }, 'o');
    expect(['2025-03-12', '2025-04-10', '2025-11-10', '2026-05-12'].map((v) => appliesToVersion(range, v))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(appliesToVersion(parseAppliesTo({ from: '2025-11-10' }, 'o'), '2099-01-01')).toBe(true);
    expect(appliesToVersion(parseAppliesTo({ through: '2021-02-05' }, 'o'), '2021-02-05')).toBe(true);
  });

  it('rejects malformed declarations, naming the overlay', () => {
    expect(() => parseAppliesTo(['2025-11-10'], 'fix.yaml')).toThrow(/overlay fix.yaml: x-applies-to must be/);
    expect(() => parseAppliesTo({ from: '2025-11' }, 'fix.yaml')).toThrow(/x-applies-to.from must be a BAPI version/);
    expect(() => parseAppliesTo(undefined, 'fix.yaml')).toThrow(/overlay fix.yaml: x-applies-to must be \{ from\?, through\? \}/);
    expect(() => parseAppliesTo({ versions: ['2025-11-10'] }, 'fix.yaml')).toThrow(/unknown keys versions/);
    expect(() => parseAppliesTo({ since: '2025-11-10' }, 'fix.yaml')).toThrow(/unknown keys since/);
    expect(() => parseAppliesTo({ from: '2026-01-01', through: '2025-01-01' }, 'fix.yaml')).toThrow(/is after/);
    expect(() => parseAppliesTo({ through: 20251110 }, 'fix.yaml')).toThrow(/x-applies-to.through must be a BAPI version/);
  });
});

describe('overlays across versions', () => {
  it('skip an overlay whole for a version it does not cover, even when some of its actions would match', () => {
    const dir = overlaysDir({ 'two.overlay.yaml': twoActions });
    const document = repairSpec(spec, ['two.overlay.yaml'], { version: '2025-04-10', overlaysDir: dir });
    expect(document['components'].schemas.A).toEqual({ type: 'object', required: ['x'] });
    expect(chooseOverlays(['two.overlay.yaml'], '2025-04-10', dir).skipped).toEqual([
      { name: 'two.overlay.yaml', reason: 'applies to 2025-11-10 and later' },
    ]);
  });

  it('fail, naming the action, for a covered version where an action no longer matches', () => {
    const dir = overlaysDir({ 'two.overlay.yaml': twoActions });
    expect(() => repairSpec(spec, ['two.overlay.yaml'], { version: '2026-05-12', overlaysDir: dir })).toThrow(
      'overlay two.overlay.yaml: target $.components.schemas.B matches nothing',
    );
  });

  it('refuse an overlay without x-applies-to, naming it', () => {
    const { 'x-applies-to': _omitted, ...undeclared } = twoActions;
    const dir = overlaysDir({ 'old.overlay.yaml': { ...undeclared, actions: [twoActions.actions[0]] } });
    expect(() => chooseOverlays(['old.overlay.yaml'], '2021-02-05', dir)).toThrow(/overlay old.overlay.yaml: x-applies-to must be/);
  });

  it('are each declared, and the pin lists for every version exactly the overlays that cover it', () => {
    const pin = readPin();
    const files = readdirSync(defaultOverlaysDir).filter((name) => name.endsWith('.overlay.yaml'));
    for (const name of files) {
      const declared = readOverlay(name)['x-applies-to'];
      expect(declared, `${name} has no x-applies-to: declare the versions it is for (openapi/overlays/README.md)`).toBeDefined();
      const appliesTo = parseAppliesTo(declared, name);
      for (const [version, entry] of Object.entries(pin.bapi.versions)) {
        expect(entry.overlays.includes(name), `${name} for ${version}`).toBe(appliesToVersion(appliesTo, version));
      }
    }
  });

  it('give 2025-11-10 the repairs it needs', async () => {
    const november = await loadBapiSpec('2025-11-10', { fetch: false });
    expect(november.overlays).toEqual(['bapi-2025-11.overlay.yaml', 'bapi-reality.overlay.yaml', 'bapi-mock-examples.overlay.yaml']);
    expect(november.document['components'].schemas.SAMLConnection.anyOf).toBeUndefined();
    // The reality overlay: verification objects without `attempts` or `expire_at` are what the API sends.
    expect(november.document['components'].schemas.verification_otp.required).toEqual(['status', 'strategy']);
  }, 30_000);

  it('never half-apply the repairs to 2025-03-12, where only some of their targets exist', async () => {
    const text = await pinnedText('2025-03-12');
    const raw = parseSpecText(text);
    const repairs = readOverlay('bapi-2025-11.overlay.yaml');
    const matching = repairs.actions.filter((action) => {
      try {
        applyOverlay(structuredClone(raw), { ...repairs, actions: [action] });
        return true;
      } catch {
        return false;
      }
    });
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(repairs.actions.length);
    // Even listed for 2025-03-12, the repairs would be skipped whole, not fail or apply the matching part.
    const listed = ['bapi-2025-11.overlay.yaml', 'bapi-mock-examples.overlay.yaml'];
    expect(chooseOverlays(listed, '2025-03-12').applied).toEqual([]);
    expect(repairSpec(text, listed, { version: '2025-03-12' })).toEqual(raw);
    expect((await loadBapiSpec('2025-03-12', { fetch: false })).document).toEqual(raw);
  }, 30_000);
});
