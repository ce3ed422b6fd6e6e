// Prints generated TypeScript through the project's formatter (Biome, biome.json), so generated code reads like
// the handwritten code instead of 3,000-character lines. Deterministic: same input, same output.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../spec/pin.js';

const biome = join(projectRoot, 'node_modules/.bin/biome');

/**
 * Formats one generated TypeScript module with the project's Biome settings; rejects when Biome refuses it,
 * since a generated file that does not parse is a generator bug.
 *
 * @example
 * const source = await formatSource('export const a = {b:1}\n'); // "export const a = { b: 1 };\n"
 */
export async function formatSource(source: string): Promise<string> {
  // Biome 2.6 is not always idempotent (a long `||` chain is re-wrapped on a second pass); format to a fixed
  // point so that the output is stable and `biome format` would leave it as it is.
  let formatted = await formatOnce(source);
  for (let pass = 0; pass < 2; pass++) {
    const again = await formatOnce(formatted);
    if (again === formatted) return formatted;
    formatted = again;
  }
  return formatted;
}

function formatOnce(source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // A path Biome formats (src/generated/ itself is ignored by biome.json, so that the check skips build output).
    const child = spawn(biome, ['format', '--stdin-file-path=scripts/generated-output.ts'], { cwd: projectRoot });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new Error(`biome could not format generated code: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`biome could not format generated code: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`));
    });
    child.stdin.end(source);
  });
}
