import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes pdf.js's in-process worker available inside jest.
 *
 * The handler requires `pdfjs-dist/legacy/build/pdf.worker.mjs`, which esbuild
 * inlines into the Lambda bundle and Node ≥ 22.12 can require natively. Jest's
 * module loader refuses to `require` an .mjs file and cannot `import()` without
 * --experimental-vm-modules, so tests load a CJS build of the same file, which sets
 * the `globalThis.pdfjsWorker` that pdf.js (and the handler) look for first.
 * The bundle test (bundle.test.ts) covers the production path.
 */
export function installPdfjsWorker(): void {
  const g = globalThis as { pdfjsWorker?: unknown };
  if (g.pdfjsWorker) return;
  const source = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const { version } = require('pdfjs-dist/package.json') as { version: string };
  const dir = join(tmpdir(), 'paypulse-test-cache');
  const out = join(dir, `pdf.worker-${version}.cjs`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${out}.${process.pid}.tmp`;
    buildSync({ entryPoints: [source], outfile: partial, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' });
    renameSync(partial, out);
  }
  require(out);
}
