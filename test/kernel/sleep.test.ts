import { afterEach, describe, expect, it, vi } from 'vitest';
import { raceAbort } from '../../src/kernel/race-abort.js';
import { sleep } from '../../src/kernel/sleep.js';

// The two abort-aware waits of the transport, on their own (fake timers: no test here waits for real time).

describe('sleep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves true once the time has passed, and not before', async () => {
    vi.useFakeTimers();
    let done: boolean | undefined;
    void sleep(100, new AbortController().signal).then((value) => {
      done = value;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('resolves false at once for an aborted signal, and when the signal aborts while waiting', async () => {
    vi.useFakeTimers();
    expect(await sleep(100, AbortSignal.abort())).toBe(false);
    const controller = new AbortController();
    const waiting = sleep(100, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits without a signal, and stops listening once the time has passed', async () => {
    vi.useFakeTimers();
    const waiting = sleep(10, undefined);
    await vi.advanceTimersByTimeAsync(10);
    expect(await waiting).toBe(true);
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const second = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    expect(await second).toBe(true);
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('raceAbort', () => {
  it('passes the promise through without a signal, and its value or error with one', async () => {
    const promise = Promise.resolve(1);
    expect(raceAbort(promise, undefined)).toBe(promise);
    expect(await raceAbort(Promise.resolve(2), new AbortController().signal)).toBe(2);
    const error = new Error('failed');
    await expect(raceAbort(Promise.reject(error), new AbortController().signal)).rejects.toBe(error);
  });

  it('rejects with the abort reason, at once for an aborted signal, or when it aborts first', async () => {
    const reason = new Error('stop');
    await expect(raceAbort(new Promise(() => {}), AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const raced = raceAbort(new Promise(() => {}), controller.signal);
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
  });

  it('stops listening once the promise settles', async () => {
    for (const settle of [Promise.resolve('v'), Promise.reject(new Error('e'))]) {
      const controller = new AbortController();
      const remove = vi.spyOn(controller.signal, 'removeEventListener');
      await raceAbort(settle, controller.signal).catch(() => undefined);
      expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    }
  });
});
