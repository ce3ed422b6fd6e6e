import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitAuthEvent, type AuthEvent } from '../../../src/auth/request/security-events.js';

// emitAuthEvent on its own: the hook sees each outcome once, frozen, and nothing it does (throw, reject, return
// odd values) reaches the request. Complements request-helpers.test.ts.

const event = (): AuthEvent => ({
  type: 'request_rejected',
  reason: 'session-token-expired-refresh-non-eligible-no-refresh-cookie',
  tokenType: 'session_token',
  tokenSource: 'cookie',
  subject: undefined,
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

describe('emitAuthEvent', () => {
  it('calls the hook once, synchronously, with the event frozen', () => {
    const seen: AuthEvent[] = [];
    const original = event();
    emitAuthEvent((received) => void seen.push(received), original);
    expect(seen).toEqual([event()]);
    expect(seen[0]).toBe(original);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(() => {
      (seen[0] as { subject: string | undefined }).subject = 'user_forged';
    }).toThrow(TypeError);
  });

  it('does nothing without a hook', () => {
    const original = event();
    expect(emitAuthEvent(undefined, original)).toBeUndefined();
    expect(Object.isFrozen(original)).toBe(false);
  });

  it('attaches a rejection handler to what the hook returns, and that handler swallows the reason', () => {
    const then = vi.fn();
    emitAuthEvent(() => ({ then }) as unknown as Promise<void>, event());
    expect(then).toHaveBeenCalledTimes(1);
    const [onFulfilled, onRejected] = then.mock.calls[0] as [unknown, (reason: unknown) => unknown];
    expect(onFulfilled).toBeUndefined();
    expect(typeof onRejected).toBe('function');
    expect(onRejected(new Error('hook failed'))).toBeUndefined();
  });

  it('leaves no unhandled rejection when an async hook fails', async () => {
    process.on('unhandledRejection', onUnhandled);
    emitAuthEvent(async () => {
      await Promise.resolve();
      throw new Error('audit store down');
    }, event());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });

  it('swallows a throwing hook and ignores odd return values', () => {
    const returns: unknown[] = [null, 0, 'text', { then: 'not a function' }, Symbol('x')];
    for (const value of returns) {
      expect(() => emitAuthEvent(() => value as void, event()), String(value)).not.toThrow();
    }
    expect(() =>
      emitAuthEvent(() => {
        throw new Error('sync hook failed');
      }, event()),
    ).not.toThrow();
  });
});
