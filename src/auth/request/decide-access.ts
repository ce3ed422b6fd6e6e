import type { HasParams } from './has.js';
import type { AuthObject, RequestState } from './request-state.js';

/**
 * A refusal for the adapters to send: the status, a JSON body in the SDK's `{ errors }` shape, and the
 * `x-clerk-auth-*` headers. There is never a redirect: APIs answer 401/403.
 *
 * @example
 * const denial: AccessDenial = { status: 401, body: { errors: [{ code: 'session-token-and-uat-missing', message: '…' }] }, headers: state.headers };
 */
export interface AccessDenial {
  status: 401 | 403;
  body: { errors: [{ code: string; message: string }] };
  headers: Headers;
}

/**
 * Decides whether a request may go on: signed out (or a pending session) gives 401, a `has()` condition
 * that does not hold gives 403, otherwise `undefined`.
 *
 * @example
 * const denial = decideAccess(state, auth, { role: 'org:admin' });
 * if (denial) return Response.json(denial.body, { status: denial.status, headers: denial.headers });
 */
export function decideAccess(state: RequestState, auth: AuthObject, has?: HasParams): AccessDenial | undefined {
  if (!state.isAuthenticated || !auth.isAuthenticated) {
    const code = state.reason ?? 'session_pending';
    const message = state.message ?? 'The session is pending: it has tasks to complete before it can be used.';
    return { status: 401, body: { errors: [{ code, message }] }, headers: state.headers };
  }
  if (has !== undefined && !auth.has(has)) {
    return {
      status: 403,
      body: { errors: [{ code: 'forbidden', message: 'The session lacks a required role, permission, feature, plan or reverification.' }] },
      headers: state.headers,
    };
  }
  return undefined;
}
