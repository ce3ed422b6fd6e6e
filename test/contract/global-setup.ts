// vitest globalSetup of the contract tests: one Prism mock (`--errors`: request and response
// validation on) on a free loopback port, serving the repaired spec the generator wrote. Static
// mode by default; the dynamic tests ask for generated responses per request (`Prefer: dynamic=true,
// seed=N`) and the error-path tests for a documented status (`Prefer: code=404`), so one instance
// serves every mode. It runs inside vitest's main process, so it ends with it.
import type { TestProject } from 'vitest/node';
import { repairedSpecPath, startPrism } from '../../scripts/prism/start-prism.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // CONTRACT_SPEC_PATH: try a candidate spec (e.g. the repaired spec plus a proposed overlay) before
  // adopting it; unset, Prism serves exactly the file the generator wrote.
  const specPath = process.env['CONTRACT_SPEC_PATH'] || repairedSpecPath();
  const prism = await startPrism({ specPath });
  if (process.env['CONTRACT_VERBOSE']) console.log(`[contract] Prism ${prism.url} ready in ${prism.startupMs} ms`);
  project.provide('prismUrl', prism.url);
  project.provide('prismSpecPath', specPath);
  return () => prism.stop();
}
