import { installPatchedPdfjs } from '../../tools/pdfjs/install-patched-pdfjs';

/**
 * Makes pdf.js (its in-process worker and display layer) available inside jest: the
 * patched CJS builds that the tsx tools use too (jest cannot `require` the .mjs). The bundle test
 * (bundle.test.ts) covers the production path, patched by esbuild.
 */
export function installPdfjsWorker(): void {
  installPatchedPdfjs();
}
