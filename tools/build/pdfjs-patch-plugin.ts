import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PDFJS_DISPLAY_PATCHES, patchPdfjsDisplaySource } from '../../handlers/parse-invoice/core/pdfjs-display-patch';
import { PDFJS_WORKER_PATCHES, patchPdfjsWorkerSource } from '../../handlers/parse-invoice/core/pdfjs-worker-patch';
import { REPO_ROOT } from './paths';

// The patch modules are not bundle inputs (the bundle only carries the marker), so their
// code is hashed as well; by path from the repository root (the synth app bundles this file).
const PATCH_MODULES = ['pdfjs-source-patch.ts', 'pdfjs-worker-patch.ts', 'pdfjs-display-patch.ts'].map((file) => path.join(REPO_ROOT, 'handlers', 'parse-invoice', 'core', file));
let patchesId: string | undefined;

function patchesHash(): string {
  patchesId ??= createHash('sha256')
    .update(JSON.stringify([PDFJS_WORKER_PATCHES, PDFJS_DISPLAY_PATCHES]))
    .update(PATCH_MODULES.map((file) => readFileSync(file, 'utf8')).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return patchesId;
}

/**
 * Applies `pdfjs-worker-patch.ts` and `pdfjs-display-patch.ts` to pdf.js's worker and
 * display layer as esbuild inlines them into the parse_invoice bundle. The name carries
 * a hash of the patches and of their modules' code, so the build cache (which hashes
 * the options) rebuilds when they change.
 */
export function pdfjsPatchPlugin(): Plugin {
  return {
    name: `pdfjs-patch-${patchesHash()}`,
    setup(build) {
      build.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => ({
        contents: patchPdfjsWorkerSource(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => ({
        contents: patchPdfjsDisplaySource(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}
