// One verdict for a body and its shape: fits, deviates in its fields (a warning under the default), or cannot be
// any documented shape at its root (an error whatever the mode but 'off'); and each deviation is logged once.
import { describe, expect, it, vi } from 'vitest';
import { describeFirst, judgeBody, reportOnce } from '../../src/kernel/judge-body.js';
import type { Shape } from '../../src/kernel/shape.js';

const user: Shape = ['object', { id: 'string', banned: 'boolean', tags: ['array', 'string'] }, ['id', 'banned'], 1];
const page: Shape = ['union', ['array', user], ['object', { data: ['array', user], total_count: 'number' }, 2, 1]];

describe('judgeBody', () => {
  it('passes a body that fits, and anything when off', () => {
    expect(judgeBody(user, { id: 'u', banned: false }, 'warn')).toEqual({ kind: 'ok' });
    expect(judgeBody(user, 'not even an object', 'off')).toEqual({ kind: 'ok' });
    expect(judgeBody(undefined, 42, 'error')).toEqual({ kind: 'ok' });
  });

  it('warns about deviating fields under warn, and fails under error, with the same mismatches', () => {
    const body = { id: 'u', tags: [1] };
    const warned = judgeBody(user, body, 'warn');
    expect(warned).toEqual({
      kind: 'warn',
      mismatches: [
        { path: '$.tags[0]', expected: 'string', received: 'number 1' },
        { path: '$.banned', expected: 'boolean', received: 'nothing (the property is absent)' },
      ],
    });
    expect(judgeBody(user, body, 'error')).toEqual({ ...warned, kind: 'fail' });
  });

  it('fails a root that no documented shape allows, even under warn', () => {
    expect(judgeBody(user, [{ id: 'u', banned: false }], 'warn')).toMatchObject({ kind: 'fail', mismatches: [{ path: '$' }] });
    expect(judgeBody(user, 'user_1', 'warn').kind).toBe('fail');
    expect(judgeBody(user, null, 'warn').kind).toBe('fail');
    // Either member of a union is a documented root: an envelope with a bad item is a field deviation.
    expect(judgeBody(page, { data: [{ id: 7, banned: true }], total_count: 1 }, 'warn').kind).toBe('warn');
    expect(judgeBody(page, [{ id: 'u' }], 'warn').kind).toBe('warn');
    expect(judgeBody(page, 'page', 'warn').kind).toBe('fail');
  });

  it('treats the given root path as the body: an event without usable data fails', () => {
    const event: Shape = ['object', { type: 'string', data: user, timestamp: 'number' }, 3, 1];
    expect(judgeBody(event, { type: 't', data: { id: 'u', banned: true } }, 'warn', ['data']).kind).toBe('warn');
    expect(judgeBody(event, { type: 't', data: 'u', timestamp: 1 }, 'warn', ['data']).kind).toBe('fail');
    expect(judgeBody(event, { type: 't', timestamp: 1 }, 'warn', ['data']).kind).toBe('fail');
    expect(judgeBody(event, { type: 't', data: { id: 'u' }, timestamp: 1 }, 'warn', ['data']).kind).toBe('warn');
  });

  it('names every deviation in warnings, beyond the ten strict mode explains', () => {
    const many = { id: 'u', banned: true, tags: Array.from({ length: 30 }, (_, index) => index) };
    const warned = judgeBody(user, many, 'warn');
    const failed = judgeBody(user, many, 'error');
    expect(warned.kind === 'warn' && warned.mismatches.length).toBe(30);
    expect(failed.kind === 'fail' && failed.mismatches.length).toBe(10);
  });
});

describe('reportOnce', () => {
  it('logs each scope and path once per logger, list indices folded', () => {
    const warn = vi.fn();
    const logger = { warn };
    const configured = {};
    const first = [{ path: '$.data[0].id', expected: 'string', received: 'number 1' }];
    reportOnce(configured, logger, 'ListThings', 'm1', first, { status: 200 });
    reportOnce(configured, logger, 'ListThings', 'm2', [{ path: '$.data[5].id', expected: 'string', received: 'null' }], {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('m1', { status: 200, mismatches: first });
    // Another operation, or a new path, is new; only the new paths are logged.
    const mixed = [...first, { path: '$.total_count', expected: 'number', received: 'string "7"' }];
    reportOnce(configured, logger, 'ListThings', 'm3', mixed, {});
    expect(warn).toHaveBeenLastCalledWith('m3', { mismatches: [mixed[1]] });
    reportOnce(configured, logger, 'OtherThings', 'm4', first, {});
    expect(warn).toHaveBeenCalledTimes(3);
    // A different configured logger has its own memory.
    reportOnce({}, logger, 'ListThings', 'm5', first, {});
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('describes the first mismatch in one sentence', () => {
    expect(describeFirst('The 200 response of GetUser', [{ path: '$.id', expected: 'string', received: 'number 7' }])).toBe(
      'The 200 response of GetUser does not match its schema at $.id: expected string, received number 7.',
    );
  });
});
