// Public entry `clerk-bapi/zod`: the generated zod (v4) schemas, named like the TypeScript types. Re-exports only.
// Only this entry imports `zod` (an optional peer dependency); the client validates with the shapes of the same
// schemas and never loads it.
/**
 * The zod schemas of every component (`User`, `Organization`…), every operation's params and success body
 * (`CreateUserParams`, `GetUserData`, `GetClientListPagedData`) and every webhook event (`UserCreatedEvent`).
 * They accept exactly what the client's validation accepts (objects open, response enums open, formats
 * unchecked; params closed and exact).
 *
 * @example
 * import { User } from 'clerk-bapi/zod';
 * const stored = User.safeParse(JSON.parse(row.clerk_user));
 * if (!stored.success) console.warn(stored.error.issues);
 */
export * from './generated/zod.js';
