import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Bundles a one-line entry, resolved from the repository root, the way the handler build does (CJS for node, ES module builds first); returns the code. */
export async function bundleSnippet(contents: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles[0]?.text ?? '';
}
