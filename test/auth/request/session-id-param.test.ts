import { describe, expect, it } from 'vitest';
import { authenticateRequest, type AuthenticateRequestOptions } from '../../../src/auth/index.js';
import { readSessionIdParam } from '../../../src/auth/request/session-id-param.js';
import { NOW_MS, sessionToken, testKey } from '../helpers/keys.js';

// Issue #22 item 1 (SECURITY G.43): the `_clerk_session_id` parameter is read as the application's
// framework reads it, so an encoded name cannot slip past the multi-session check.

const key = testKey();
const options: AuthenticateRequestOptions = { jwtKey: key.pem, now: () => NOW_MS };
const tokenOfA = sessionToken(key, { sid: 'sess_A' });

function stateFor(query: string) {
  return authenticateRequest(
    new Request(`https://api.example.com/things?${query}`, { headers: { authorization: `Bearer ${tokenOfA}` } }),
    options,
  );
}

describe('readSessionIdParam', () => {
  it.each([
    ['_clerk_session_id=sess_B', 'sess_B'],
    ['%5Fclerk_session_id=sess_B', 'sess_B'],
    ['%5fclerk_session_id=sess_B', 'sess_B'],
    ['_clerk_session_i%64=sess_B', 'sess_B'],
    ['%5F%63lerk%5Fsession%5Fid=sess%5FB', 'sess_B'],
    ['a=1&_clerk_session_id=sess_B#_clerk_session_id=x', 'sess_B'],
  ])('reads %s as URLSearchParams does', (query, expected) => {
    expect(readSessionIdParam(`/things?${query}`)).toBe(expected);
    expect(readSessionIdParam(`https://api.example.com/things?${query}`)).toBe(
      new URL(`https://x.example/?${query}`).searchParams.get('_clerk_session_id'),
    );
  });

  it('gives every value of a repeated parameter, whatever its spelling', () => {
    expect(readSessionIdParam('/?_clerk_session_id=a&%5Fclerk_session_id=b')).toEqual(['a', 'b']);
  });

  it('is undefined without the parameter, in a fragment only, or under another name', () => {
    for (const url of ['/things', '/things?a=%20', '/things#_clerk_session_id=x', '/?_clerk+session_id=x', '/?x_clerk_session_id=y'])
      expect(readSessionIdParam(url), url).toBeUndefined();
  });
});

describe('authenticateRequest and an encoded _clerk_session_id (issue #22 item 1)', () => {
  it.each(['%5Fclerk_session_id=sess_B', '_clerk_session_i%64=sess_B', '%5F%63lerk_session_id=sess_B'])(
    "refuses session A's token when %s names session B",
    async (query) => {
      const state = await stateFor(query);
      expect(state.status).toBe('signed-out');
      expect(state.reason).toBe('session_id_mismatch');
    },
  );

  it('refuses a repeated _clerk_session_id, even when one value matches', async () => {
    for (const query of ['_clerk_session_id=sess_A&_clerk_session_id=sess_B', '_clerk_session_id=sess_A&%5Fclerk_session_id=sess_A']) {
      const state = await stateFor(query);
      expect(state.reason, query).toBe('session_id_mismatch');
      expect(state.message).toBe('The _clerk_session_id parameter is repeated.');
    }
  });

  it('still serves the session the encoded parameter names', async () => {
    expect((await stateFor('%5Fclerk_session_id=sess_A')).status).toBe('signed-in');
  });
});
