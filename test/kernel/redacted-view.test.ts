import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defineRedactedView } from '../../src/kernel/redacted-view.js';

describe('defineRedactedView', () => {
  it('shows only the summary through JSON, util.inspect and String, never what closures hold', () => {
    const secret = 'sk_live_closureSecret';
    const target = defineRedactedView({ use: () => secret, field: 'visible?' }, { type: 'Thing', kind: 'test' });
    for (const text of [JSON.stringify(target), inspect(target, { showHidden: true, depth: 5 }), String(target)]) {
      expect(text).toContain('test');
      expect(text).not.toContain('closureSecret');
      expect(text).not.toContain('visible?');
    }
    expect(Object.keys(target)).toEqual(['use', 'field']);
  });

  it('prints a given label before the summary instead of its type', () => {
    const target = defineRedactedView({}, { apiUrl: 'https://api.clerk.com' }, 'ClerkClient');
    expect(String(target)).toBe('ClerkClient {"apiUrl":"https://api.clerk.com"}');
    expect(inspect(target)).toBe('ClerkClient {"apiUrl":"https://api.clerk.com"}');
    expect(JSON.stringify(target)).toBe('{"apiUrl":"https://api.clerk.com"}');
  });

  it('prints the summary type as the label, or Object without one', () => {
    expect(String(defineRedactedView({}, { type: 'Thing', kind: 'test' }))).toBe('Thing {"type":"Thing","kind":"test"}');
    expect(String(defineRedactedView({}, { kind: 'test' }))).toBe('Object {"kind":"test"}');
  });

  it('adds no enumerable key, so a spread copy carries none of the view', () => {
    const target = defineRedactedView({ field: 1 }, { type: 'Thing' });
    const copy = { ...target };
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(Object.keys(copy)).toEqual(['field']);
  });
});
