import { describe, expect, it } from 'vitest';
import { REPORT_WINDOW_MS, reportPerWindow } from '../../src/kernel/report-per-window.js';

function recorder() {
  const calls: Array<[string, Record<string, unknown> | undefined]> = [];
  return { calls, logger: { warn: (message: string, details?: Record<string, unknown>) => void calls.push([message, details]) } };
}

describe('reportPerWindow', () => {
  it('tells a logger about a cause once per window of 60 s, and again once the window has passed', () => {
    const { calls, logger } = recorder();
    const t0 = 1_000_000;
    expect(REPORT_WINDOW_MS).toBe(60_000);
    for (let at = t0; at < t0 + REPORT_WINDOW_MS; at += 5_000) reportPerWindow(logger, 'jwks down', at, 'JWKS down.', {});
    expect(calls).toHaveLength(1);
    expect(reportPerWindow(logger, 'jwks down', t0 + REPORT_WINDOW_MS, 'JWKS down.', {})).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('keeps causes apart, and loggers apart', () => {
    const first = recorder();
    const second = recorder();
    reportPerWindow(first.logger, 'a', 0, 'A.', {});
    reportPerWindow(first.logger, 'b', 1, 'B.', {});
    reportPerWindow(first.logger, 'a', 2, 'A.', {});
    reportPerWindow(second.logger, 'a', 3, 'A.', {});
    expect(first.calls.map(([message]) => message)).toEqual(['A.', 'B.']);
    expect(second.calls.map(([message]) => message)).toEqual(['A.']);
  });

  it('stays bounded: past 64 causes the oldest is forgotten, never kept forever', () => {
    const { calls, logger } = recorder();
    for (let i = 0; i < 65; i++) reportPerWindow(logger, `cause ${i}`, 10, 'x', {});
    reportPerWindow(logger, 'cause 64', 11, 'x', {});
    expect(calls).toHaveLength(65);
    // `cause 0` was evicted, so it is reported again within the window; `cause 64` was not.
    reportPerWindow(logger, 'cause 0', 12, 'x', {});
    expect(calls).toHaveLength(66);
  });

  it('redacts secret-key shapes from the message and details, drops undefined details, survives a throwing logger', () => {
    const { calls, logger } = recorder();
    reportPerWindow(logger, 'c', 0, 'refused sk_live_abc123', { url: 'https://x.example/?k=sk_test_zzz', status: 401, gone: undefined });
    expect(calls[0]).toEqual(['refused [redacted]', { url: 'https://x.example/?k=[redacted]', status: 401 }]);
    const broken = {
      warn: () => {
        throw new Error('down');
      },
    };
    expect(() => reportPerWindow(broken, 'c', 0, 'x', {})).not.toThrow();
  });

  it('a clock that is not a number falls back on the wall clock; a clock stepped back over a window reports again', () => {
    const { calls, logger } = recorder();
    reportPerWindow(logger, 'nan', Number.NaN, 'x', {});
    reportPerWindow(logger, 'nan', Number.NaN, 'x', {});
    expect(calls).toHaveLength(1);
    reportPerWindow(logger, 'back', 500_000, 'y', {});
    reportPerWindow(logger, 'back', 500_000 - REPORT_WINDOW_MS, 'y', {});
    expect(calls).toHaveLength(3);
  });
});
