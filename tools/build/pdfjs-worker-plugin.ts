import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFJS_WORKER_PATCHES, PDFJS_WORKER_REGION_PATCHES, patchPdfjsWorkerSource } from '../../handlers/parse-invoice/core/pdfjs-worker-patch';

const PATCHES_ID = createHash('sha256').update(JSON.stringify([PDFJS_WORKER_PATCHES, PDFJS_WORKER_REGION_PATCHES])).digest('hex').slice(0, 12);

/**
 * Applies `pdfjs-worker-patch.ts` to pdf.js's worker as esbuild inlines it into the
 * parse_invoice bundle. The name carries a hash of the patches, so the build cache
 * (which hashes the options) rebuilds when they change.
 */
export function pdfjsWorkerPatchPlugin(): Plugin {
  return {
    name: `pdfjs-worker-patch-${PATCHES_ID}`,
    setup(build) {
      build.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => ({
        contents: patchPdfjsWorkerSource(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}
