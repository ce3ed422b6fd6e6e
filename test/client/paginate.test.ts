// The paginator on its own, over a fetchPage stub: which pages it asks for, when it stops, and what it reports
// for a page that is not one (test/client/pagination.test.ts drives it through the client and a stub server).
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/client/api-result.js';
import { paginate } from '../../src/client/paginate.js';

/** A fetchPage that answers `pages` in order (then an error, so that a paginator that never stops still ends). */
function pagesOf(...pages: unknown[]) {
  const asked: Array<Record<string, unknown>> = [];
  const fetchPage = (params: Record<string, unknown>): Promise<ApiResult<unknown>> => {
    asked.push(params);
    const data = pages[asked.length - 1];
    if (asked.length > pages.length) {
      return Promise.resolve({
        errors: [{ code: 'no_more_pages', message: 'asked once too often' }],
        response: undefined,
        status: undefined,
        traceId: undefined,
      });
    }
    return Promise.resolve({ data, response: new Response(), status: 200, traceId: undefined });
  };
  return { asked, fetchPage };
}

describe('paginate', () => {
  it('stops on a short page when the caller set the limit, even if the server caps its pages lower', async () => {
    const { asked, fetchPage } = pagesOf([1, 2], [3, 4]);
    expect(await paginate('array', { limit: 5 }, undefined, fetchPage).toArray()).toEqual({ data: [1, 2] });
    expect(asked).toEqual([{ limit: 5, offset: 0 }]);
  });

  it('stops on an empty first page when no limit was set', async () => {
    const { asked, fetchPage } = pagesOf([]);
    expect(await paginate('array', undefined, undefined, fetchPage).toArray()).toEqual({ data: [] });
    expect(asked).toHaveLength(1);
  });

  it('refuses null params before asking for a page', async () => {
    const { asked, fetchPage } = pagesOf([1]);
    const result = await paginate('array', null as never, undefined, fetchPage).toArray();
    expect(result.errors).toEqual([{ code: 'params_invalid', message: 'Invalid params for a paginated list: params must be an object.' }]);
    expect(asked).toHaveLength(0);
  });

  it('asks for no page once the signal is aborted', async () => {
    const { asked, fetchPage } = pagesOf([1]);
    const result = await paginate('array', undefined, AbortSignal.abort(), fetchPage).toArray();
    expect(result.errors).toEqual([{ code: 'aborted', message: 'The request was aborted by the caller.' }]);
    expect(asked).toHaveLength(0);
  });

  it.each<[string, 'array' | 'envelope', unknown, string]>([
    ['an object for an array list', 'array', { data: [] }, 'Expected a JSON array page.'],
    ['null for an envelope list', 'envelope', null, 'Expected a { data, total_count } page.'],
    ['nothing for an envelope list', 'envelope', undefined, 'Expected a { data, total_count } page.'],
    ['an array for an envelope list', 'envelope', [1], 'Expected a { data, total_count } page.'],
    ['an envelope without a data list', 'envelope', { total_count: 1 }, 'Expected a { data, total_count } page.'],
  ])('reports %s as response_validation_failed', async (_name, shape, page, message) => {
    const { fetchPage } = pagesOf(page);
    const result = await paginate(shape, undefined, undefined, fetchPage).toArray();
    expect(result.errors).toEqual([{ code: 'response_validation_failed', message, status: 200 }]);
  });

  it('keeps a total_count only when it is a number', async () => {
    const counted = paginate('envelope', { limit: 2 }, undefined, pagesOf({ data: [1], total_count: 1 }).fetchPage);
    await counted.toArray();
    expect(counted.totalCount).toBe(1);
    const odd = paginate('envelope', { limit: 2 }, undefined, pagesOf({ data: [1], total_count: '1' }).fetchPage);
    expect(await odd.toArray()).toEqual({ data: [1] });
    expect(odd.totalCount).toBeUndefined();
  });
});
