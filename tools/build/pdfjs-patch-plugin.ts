import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFJS_DISPLAY_PATCHES, patchPdfjsDisplaySource } from '../../handlers/parse-invoice/core/pdfjs-display-patch';
import { PDFJS_WORKER_PATCHES, patchPdfjsWorkerSource } from '../../handlers/parse-invoice/core/pdfjs-worker-patch';

const PATCHES_ID = createHash('sha256').update(JSON.stringify([PDFJS_WORKER_PATCHES, PDFJS_DISPLAY_PATCHES])).digest('hex').slice(0, 12);

/**
 * Applies `pdfjs-worker-patch.ts` and `pdfjs-display-patch.ts` to pdf.js's worker and
 * display layer as esbuild inlines them into the parse_invoice bundle. The name carries
 * a hash of the patches, so the build cache (which hashes the options) rebuilds when
 * they change.
 */
export function pdfjsPatchPlugin(): Plugin {
  return {
    name: `pdfjs-patch-${PATCHES_ID}`,
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
