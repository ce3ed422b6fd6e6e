import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** Bundles a virtual entry importing `names` from `from` (tree-shaken, minified) and reports size and inputs. */
async function bundle(names: string, from: string): Promise<{ bytes: number; inputs: string[] }> {
  const result = await build({
    stdin: { contents: `export { ${names} } from '${from}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0]?.contents.length ?? 0, inputs: Object.keys(result.metafile.inputs) };
}

describe('the auth entry stays small', () => {
  it('authenticateRequest for session tokens pulls in neither the generated client nor zod', async () => {
    const { bytes, inputs } = await bundle('authenticateRequest', './src/auth/index.ts');
    expect(
      inputs.filter((input) => input.includes('src/generated') || input.includes('src/client/') || input.includes('node_modules/zod')),
    ).toEqual([]);
    // A guard against pulling in the generated client (~750 KB alone), with headroom: the session verifier plus the
    // request layer (handshake, option tables) is about 64 KB minified. The size budgets live in test/package/.
    expect(bytes).toBeLessThan(80 * 1024);
  });

  it('clerk-bapi/web pulls in neither the generated client nor anything Node-only', async () => {
    const { inputs } = await bundle('createWebAuth', './src/web/index.ts');
    expect(inputs.filter((input) => input.includes('src/generated') || input.includes('src/node/') || input.startsWith('node:'))).toEqual(
      [],
    );
  });
});
