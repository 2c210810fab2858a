import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadingPdfjs } from '../../handlers/parse-invoice/core/pdf-runtime';
import { PDFJS_DISPLAY_MODULE, patchPdfjsDisplaySource } from '../../handlers/parse-invoice/core/pdfjs-display-patch';
import { PDFJS_WORKER_MODULE, patchPdfjsWorkerSource } from '../../handlers/parse-invoice/core/pdfjs-worker-patch';

/**
 * Makes the patched pdf.js (worker and display layer) available to handlers run from
 * source (jest, tsx tools: parse, fuzz, local, bench), where no esbuild bundle applied
 * the patches.
 *
 * Jest cannot `require` an .mjs file and tsx would load it unpatched, so each module is
 * written as a CommonJS build of the patched source to a cache file (keyed by the
 * patched content) and required; they set the `globalThis.pdfjsWorker` and
 * `globalThis.pdfjsLib` that `loadPdfjs` looks for first.
 */
export function installPatchedPdfjs(): void {
  const g = globalThis as { pdfjsWorker?: unknown; pdfjsLib?: unknown };
  loadingPdfjs(() => {
    if (!g.pdfjsWorker) requirePatched(PDFJS_WORKER_MODULE, patchPdfjsWorkerSource, 'pdf.worker');
    if (!g.pdfjsLib) requirePatched(PDFJS_DISPLAY_MODULE, patchPdfjsDisplaySource, 'pdf');
  });
}

function requirePatched(module: string, patch: (source: string) => string, name: string): void {
  const patched = patch(readFileSync(require.resolve(module), 'utf8'));
  const digest = createHash('sha256').update(patched).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'paypulse-pdfjs');
  const out = join(dir, `${name}-${digest}.cjs`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const { code } = transformSync(patched, { format: 'cjs', platform: 'node', target: 'node20', loader: 'js', logLevel: 'silent' });
    const partial = `${out}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, out);
  }
  require(out);
}
