// Child process of bench/size/size.ts: one cold start, timed inside a fresh Node process.
// argv: <package> <user JSON file>. Prints `{ importMs, firstCallMs }` as JSON.
// It lives inside the package, so `import('clerk-bapi')` resolves the built package by self-reference.
import { readFileSync } from 'node:fs';

const [specifier, userFile] = process.argv.slice(2);
const body = readFileSync(userFile, 'utf8');
// Both SDKs reach the network through the global fetch; it answers at once with a schema-valid user.
globalThis.fetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

const start = performance.now();
const sdk = await import(specifier);
const imported = performance.now();
const clerk = sdk.createClerkClient({ secretKey: 'sk_test_cold0000000000000000000000000000000' });
const result = await clerk.users.getUser('user_1');
const called = performance.now();
// clerk-bapi returns { data, errors } (validated); @clerk/backend returns the user or throws.
const user = result?.data ?? result;
if (result?.errors || (user.id ?? user?.data?.id) === undefined) throw new Error(`first call failed: ${JSON.stringify(result?.errors)}`);
console.log(JSON.stringify({ importMs: imported - start, firstCallMs: called - start }));
