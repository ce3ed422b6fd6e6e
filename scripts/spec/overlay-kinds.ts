// What an overlay action does to the validators, declared on the action itself (`x-kind`, an Overlay 1.0
// extension), and the rule that keeps overlays from being stricter than the API: a tightening needs a source.
import type { OverlayAction, OverlayDocument } from './apply-overlay.js';

/**
 * `loosens`: accepts more than the raw spec; `tightens`: accepts less; `renames`: changes names or types only;
 * `annotates`: changes neither (examples for the mock).
 */
export const OVERLAY_KINDS = ['loosens', 'tightens', 'renames', 'annotates'] as const;

/** The kind of one action. */
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

/** An overlay action with the project's extensions: its kind and, where required, the public source behind it. */
export type KindedOverlayAction = OverlayAction & { 'x-kind'?: OverlayKind; 'x-source'?: string };

function hasSource(action: KindedOverlayAction): boolean {
  return /^https:\/\/\S+$/.test(String(action['x-source'] ?? ''));
}

/**
 * Every action of `overlay` that breaks the rules: no valid `x-kind`, or a tightening (or, when `sourceAll`, any
 * action) without an `https://` `x-source`. Returns `"<target>: <why>"` lines; empty when the overlay is fine.
 *
 * @example
 * expect(overlayRuleViolations(readOverlay('bapi-reality.overlay.yaml'), { sourceAll: true })).toEqual([]);
 */
export function overlayRuleViolations(overlay: OverlayDocument, options: { sourceAll?: boolean } = {}): string[] {
  return (overlay.actions as KindedOverlayAction[]).flatMap((action) => {
    const kind = action['x-kind'];
    if (!kind || !OVERLAY_KINDS.includes(kind)) return [`${action.target}: x-kind must be one of ${OVERLAY_KINDS.join(', ')}`];
    if ((kind === 'tightens' || options.sourceAll) && !hasSource(action)) return [`${action.target}: ${kind} without an https x-source`];
    return [];
  });
}
