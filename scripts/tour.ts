// `npm start`: a short tour of the SDK.
// - Without CLERK_SECRET_KEY: runs a Prism mock of the pinned spec in this process (the repaired file the generator
//   wrote), runs every step against it, and stops Prism whatever happens.
// - With CLERK_SECRET_KEY: runs only the read-only steps against the real Backend API
//   (CLERK_API_URL overrides https://api.clerk.com).
import { createClerkClient } from '../src/client/create-clerk-client.js';
import { SPEC_VERSION } from '../src/generated/operations.js';
import { repairedSpecPath, startPrism, type PrismServer } from './prism/start-prism.js';
import { runTour } from './tour/steps.js';

/** The whole tour must end well within a minute, whatever the network or Prism does. */
const TOUR_DEADLINE_MS = 50_000;

/**
 * Prism's static mock cannot invent values for some patterned strings (see
 * test/contract/FINDINGS.md), so the tour asks for generated, schema-valid data with a fixed seed.
 */
const MOCK_PREFER = 'dynamic=true, seed=7';

async function main(): Promise<number> {
  const secretKey = process.env['CLERK_SECRET_KEY'];
  if (secretKey) {
    console.log(`clerk-bapi tour: read-only steps against the real Backend API (BAPI ${SPEC_VERSION})`);
    const clerk = createClerkClient({ secretKey, apiUrl: process.env['CLERK_API_URL'] || undefined, maxRetries: 1, timeoutMs: 10_000 });
    return runTour(clerk, { mutating: false });
  }

  console.log(`clerk-bapi tour: CLERK_SECRET_KEY is not set, so against a Prism mock of BAPI ${SPEC_VERSION}`);
  let prism: PrismServer | undefined;
  try {
    prism = await startPrism({ specPath: repairedSpecPath(SPEC_VERSION) });
    console.log(
      `Prism is serving ${repairedSpecPath(SPEC_VERSION).replace(process.cwd() + '/', '')} on ${prism.url} (started in ${prism.startupMs} ms)`,
    );
    console.log('Its answers are generated from the schemas with a fixed seed: valid, but random words.');
    const clerk = createClerkClient({
      secretKey: 'sk_test_tour0mock0key0not0a0real0secret',
      // Prism serves the paths without /v1: point the client at it, no special case inside the SDK.
      apiUrl: prism.url,
      apiVersion: '',
      maxRetries: 0,
      timeoutMs: 10_000,
      // Every mock request asks for generated data, unless a step asks for something else (a 404).
      fetch: (request) => {
        if (!request.headers.has('prefer')) request.headers.set('Prefer', MOCK_PREFER);
        return fetch(request);
      },
    });
    return await runTour(clerk, { mutating: true, notFoundHeaders: { Prefer: 'code=404' } });
  } finally {
    await prism?.stop();
    if (prism) console.log('\nPrism stopped.');
  }
}

const deadline = setTimeout(() => {
  console.error(`\nThe tour did not finish within ${TOUR_DEADLINE_MS / 1000} s; giving up.`);
  // Prism runs in this process: it ends with it.
  process.exit(1);
}, TOUR_DEADLINE_MS);
deadline.unref();

main().then(
  (failures) => {
    clearTimeout(deadline);
    if (failures > 0) console.error(`\n${failures} step(s) did not go as expected.`);
    else console.log('\nTour complete.');
    process.exitCode = failures > 0 ? 1 : 0;
  },
  (error: unknown) => {
    clearTimeout(deadline);
    console.error('\nThe tour failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
