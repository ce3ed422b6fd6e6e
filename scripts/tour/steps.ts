// The tour's steps, written as application code would use the SDK. `mutating` is false against the
// real API: then only read-only calls are made.
import type { ClerkClient } from '../../src/client/create-clerk-client.js';
import { verifyToken } from '../../src/auth/index.js';
import { show, stepHeader, userSummary } from './print.js';
import { signLocalSessionToken, TOUR_AUTHORIZED_PARTY } from './session-token.js';

export interface TourOptions {
  /** Create and update a user (mock only); false runs the read-only steps. */
  mutating: boolean;
  /** Extra request options for the "error result" step (the mock is asked for a 404). */
  notFoundHeaders?: Record<string, string>;
}

/** The most items the pagination step reads (a mock can repeat the same page forever). */
const MAX_LISTED = 5;

/**
 * Runs the steps and returns how many failed unexpectedly (0 = success).
 *
 * @example
 * const failures = await runTour(createClerkClient({ secretKey }), { mutating: false });
 */
export async function runTour(clerk: ClerkClient, options: TourOptions): Promise<number> {
  let failures = 0;
  let step = 0;
  const unexpected = (what: string, errors: unknown) => {
    failures++;
    show({ unexpected: what, errors });
  };
  let userId: string | undefined;

  if (options.mutating) {
    stepHeader(++step, 'Create a user: clerk.users.createUser({ email_address, first_name, last_name })');
    const created = await clerk.users.createUser({
      email_address: ['ada@example.com'],
      first_name: 'Ada',
      last_name: 'Lovelace',
      skip_password_requirement: true,
    });
    if (created.errors) unexpected('createUser failed', created.errors);
    else {
      userId = created.data.id;
      show({ status: created.status, ...userSummary(created.data) });
    }
  }

  stepHeader(++step, `List users with the pagination iterator: for await (const user of clerk.users.getUserList.all({ limit: 2 }))`);
  const users = clerk.users.getUserList.all({ limit: 2, order_by: '-created_at' });
  const listed: string[] = [];
  for await (const user of users) {
    listed.push(user.id);
    if (listed.length >= MAX_LISTED) break;
  }
  if (users.errors) unexpected('getUserList failed', users.errors);
  else show({ items: listed.length, ids: listed, note: listed.length >= MAX_LISTED ? `stopped after ${MAX_LISTED} items` : 'end of list' });
  userId ??= listed[0];

  if (userId !== undefined) {
    stepHeader(++step, `Get it: clerk.users.getUser(${JSON.stringify(userId)})`);
    const fetched = await clerk.users.getUser(userId);
    if (fetched.errors) unexpected('getUser failed', fetched.errors);
    else show({ status: fetched.status, ...userSummary(fetched.data) });
  } else {
    stepHeader(++step, `Get a user: skipped, ${users.errors ? 'listing failed' : 'the instance has no users'}`);
  }

  if (options.mutating && userId !== undefined) {
    stepHeader(++step, 'Update metadata: clerk.users.updateUserMetadata(id, { public_metadata: { plan: "pro" } })');
    const updated = await clerk.users.updateUserMetadata(userId, { public_metadata: { plan: 'pro' } });
    if (updated.errors) unexpected('updateUserMetadata failed', updated.errors);
    else
      show({
        status: updated.status,
        public_metadata: updated.data.public_metadata,
        note: 'a mock answers with generated data, not the merge',
      });
  }

  stepHeader(++step, 'Verify a locally signed session token: verifyToken(token, { jwtKey, authorizedParties })');
  const { token, publicKeyPem } = await signLocalSessionToken(userId ?? 'user_tour0local');
  const verified = await verifyToken(token, { jwtKey: publicKeyPem, authorizedParties: [TOUR_AUTHORIZED_PARTY] });
  if (verified.errors) unexpected('verifyToken rejected a valid token', verified.errors);
  else
    show({
      userId: verified.data.userId,
      sessionId: verified.data.sessionId,
      expiresAt: new Date(verified.data.claims.exp * 1000).toISOString(),
    });
  const wrongParty = await verifyToken(token, { jwtKey: publicKeyPem, authorizedParties: ['https://evil.example.com'] });
  if (wrongParty.errors)
    show({ 'same token, other authorizedParties': { code: wrongParty.errors[0].code, message: wrongParty.errors[0].message } });
  else unexpected('verifyToken accepted a token for another party', wrongParty.data);

  stepHeader(++step, 'An error result: clerk.users.getUser("user_does_not_exist") — results, never throws');
  const missing = await clerk.users.getUser('user_does_not_exist', { headers: options.notFoundHeaders ?? {} });
  if (missing.errors) {
    const [first] = missing.errors;
    show({ status: missing.status, code: first.code, message: first.message, traceId: missing.traceId });
    if (missing.status === undefined) unexpected('no HTTP response at all', first.code);
  } else unexpected('getUser of a missing user succeeded', missing.data);
  const invalid = await clerk.users.getUser('../admin');
  if (invalid.errors) show({ 'getUser("../admin") (nothing sent)': { code: invalid.errors[0].code, message: invalid.errors[0].message } });
  else unexpected('a path-traversal id was sent', invalid.data);

  return failures;
}
