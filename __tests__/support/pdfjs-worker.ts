import { installPatchedPdfjsWorker } from '../../tools/pdfjs/install-patched-worker';

/**
 * Makes pdf.js's in-process worker available inside jest: the patched CJS build that
 * the tsx tools use too (jest cannot `require` the .mjs). The bundle test
 * (bundle.test.ts) covers the production path, patched by esbuild.
 */
export function installPdfjsWorker(): void {
  installPatchedPdfjsWorker();
}
