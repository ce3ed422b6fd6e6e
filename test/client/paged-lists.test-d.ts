// Type-level proof that a list's return type follows its `paginated` switch (issue 16).
import { describe, expectTypeOf, it } from 'vitest';
import type { ClerkClient } from '../../src/client/create-clerk-client.js';
import type { components } from '../../src/generated/types.js';

declare const clerk: ClerkClient;
type Invitation = components['schemas']['Invitation'];

describe('lists with a paginated switch', () => {
  it('type { data, total_count } with paginated: true and the bare list without it', async () => {
    const paged = await clerk.invitations.listInvitations({ paginated: true, limit: 10 });
    if (!paged.errors) {
      expectTypeOf(paged.data).toEqualTypeOf<{ data: Invitation[]; total_count: number }>();
      expectTypeOf(paged.data.total_count).toEqualTypeOf<number>();
    }
    const bare = await clerk.invitations.listInvitations({ limit: 10 });
    if (!bare.errors) expectTypeOf(bare.data).toEqualTypeOf<Invitation[]>();
    const none = await clerk.invitations.listInvitations();
    if (!none.errors) expectTypeOf(none.data).toEqualTypeOf<Invitation[]>();
    const off = await clerk.invitations.listInvitations({ paginated: false });
    if (!off.errors) expectTypeOf(off.data).toEqualTypeOf<Invitation[]>();
  });

  it('type either shape when the switch is only known at run time', async () => {
    const flag = Math.random() > 0.5;
    const result = await clerk.invitations.listInvitations({ paginated: flag });
    if (!result.errors) expectTypeOf(result.data).toEqualTypeOf<Invitation[] | { data: Invitation[]; total_count: number }>();
  });

  it('follow the switch after path parameters too', async () => {
    const result = await clerk.emailSmsTemplates.getTemplateList('email', { paginated: true });
    if (!result.errors) expectTypeOf(result.data.total_count).toEqualTypeOf<number>();
    // @ts-expect-error the template type comes first
    void clerk.emailSmsTemplates.getTemplateList({ paginated: true });
  });

  it('keep .all() yielding items, and lists without the switch unchanged', () => {
    expectTypeOf(clerk.invitations.listInvitations.all({ limit: 5 })).toExtend<AsyncIterable<Invitation>>();
    // @ts-expect-error getUserList has no paginated switch
    void clerk.users.getUserList({ paginated: true });
  });
});
