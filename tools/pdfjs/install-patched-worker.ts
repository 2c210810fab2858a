import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFJS_WORKER_MODULE, patchPdfjsWorkerSource } from '../../handlers/parse-invoice/core/pdfjs-worker-patch';

/**
 * Makes the patched pdf.js worker available to handlers run from source (jest, tsx
 * tools: parse, fuzz, local, bench), where no esbuild bundle applied the patch.
 *
 * Jest cannot `require` an .mjs file and tsx would load it unpatched, so this writes a
 * CommonJS build of the patched source to a cache file (keyed by the patched content)
 * and requires it; it sets the `globalThis.pdfjsWorker` that pdf.js and
 * `loadPdfParse` look for first.
 */
export function installPatchedPdfjsWorker(): void {
  const g = globalThis as { pdfjsWorker?: unknown };
  if (g.pdfjsWorker) return;
  const patched = patchPdfjsWorkerSource(readFileSync(require.resolve(PDFJS_WORKER_MODULE), 'utf8'));
  const digest = createHash('sha256').update(patched).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'paypulse-pdfjs');
  const out = join(dir, `pdf.worker-${digest}.cjs`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const { code } = transformSync(patched, { format: 'cjs', platform: 'node', target: 'node20', loader: 'js', logLevel: 'silent' });
    const partial = `${out}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, out);
  }
  require(out);
}
