import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadingPdfjs, type PdfjsModule } from '../../handlers/parse-invoice/core/pdf-runtime';

/**
 * Evaluates a build of a pdf.js module (pdf.mjs or pdf.worker.mjs, patched or not) as
 * CommonJS, what the installer and the bundle do, and returns its exports. The worker
 * sets `globalThis.pdfjsWorker`; a display layer evaluated afterwards uses that worker.
 */
export function evaluatePdfjs<T = PdfjsModule & Record<string, unknown>>(source: string): T {
  const { code } = transformSync(source, { format: 'cjs', platform: 'node', target: 'node20', loader: 'js', logLevel: 'silent' });
  const module = { exports: {} as T };
  loadingPdfjs(() => new Function('module', 'exports', 'require', '__filename', code)(module, module.exports, require, path.join(__dirname, 'pdfjs-build.cjs')));
  return module.exports;
}

interface TextPage {
  getViewport(p: { scale: number }): { transform: number[] };
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
}
interface TextDocument {
  numPages: number;
  getPage(n: number): Promise<TextPage>;
  destroy(): Promise<void>;
}

/** Every page's viewport transform and positioned text items (what pdf-text.ts reads), or the error pdf.js refused the file with. */
export async function pdfjsTextOf(pdfjs: PdfjsModule, file: string): Promise<unknown[]> {
  const data = new Uint8Array(readFileSync(file));
  const pages: unknown[] = [];
  let doc: TextDocument | undefined;
  try {
    doc = (await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise) as TextDocument;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      pages.push(page.getViewport({ scale: 1 }).transform, items.map((i) => [i.str, i.transform, i.width, i.height]));
    }
  } catch (err) {
    pages.push(`${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    await doc?.destroy();
  }
  return pages;
}
