// vitest globalSetup of the contract tests: one Prism mock (`--errors`: request and response
// validation on) on a free loopback port, serving the repaired spec the generator wrote. Static
// mode by default; the dynamic tests ask for generated responses per request (`Prefer: dynamic=true,
// seed=N`) and the error-path tests for a documented status (`Prefer: code=404`), so one instance
// serves every mode. Teardown always stops it; the launcher also kills it on exit and on signals.
import type { TestProject } from 'vitest/node';
import { repairedSpecPath, startPrism } from '../../scripts/prism/start-prism.js';

/** Generous: Prism parses the ~0.8 MB spec in 3–8 s on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // CONTRACT_SPEC_PATH: try a candidate spec (e.g. the repaired spec plus a proposed overlay) before
  // adopting it; unset, Prism serves exactly the file the generator wrote.
  const specPath = process.env['CONTRACT_SPEC_PATH'] || repairedSpecPath();
  const prism = await startPrism({ specPath, timeoutMs: STARTUP_TIMEOUT_MS });
  if (process.env['CONTRACT_VERBOSE']) console.log(`[contract] Prism ${prism.url} ready in ${prism.startupMs} ms (pid ${prism.pid})`);
  project.provide('prismUrl', prism.url);
  project.provide('prismSpecPath', specPath);
  return () => prism.stop();
}
