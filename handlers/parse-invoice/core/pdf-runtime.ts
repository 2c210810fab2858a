import { ConfigurationError } from '../../shared/errors';
import { installDomMatrix } from './dom-matrix-stub';
import { PDFJS_PATCH_MARKER } from './pdfjs-patch-marker';

/**
 * Loads pdf.js so that it works both from node_modules and from the single-file
 * esbuild bundle of the Lambda (no node_modules next to it).
 *
 * - The display layer (`getDocument`) is pdfjs-dist's ES module build, patched
 *   (pdfjs-display-patch.ts): esbuild patches and inlines it into the bundle; jest and
 *   the tsx tools install a patched CommonJS build first (tools/pdfjs), which sets
 *   `globalThis.pdfjsLib` as pdf.js does when it loads.
 * - In Node, pdf.js runs its "worker" in-process and looks for it on
 *   `globalThis.pdfjsWorker` before trying a dynamic `import()` of a sibling
 *   `pdf.worker.mjs`, a file the bundle does not have. Requiring the worker module
 *   first sets that global, and esbuild inlines it into the bundle. It must be the
 *   same pdf.js version as the display layer's (one pdfjs-dist package).
 * - Both are loaded on first use, not at cold start of every invocation path.
 * - The worker must be the patched one (`pdfjs-worker-patch.ts`): the esbuild bundle
 *   patches it at build time; tools and tests install a patched build first. An
 *   unpatched pdf.js can end the process on an unhandled rejection, so it is refused.
 */

/** The options pdf-text.ts opens documents with (pdf.js's `DocumentInitParameters`, the part used). */
export interface PdfjsDocumentParams {
  readonly data: Uint8Array;
  readonly verbosity: number;
  readonly isEvalSupported: boolean;
  readonly useSystemFonts: boolean;
  readonly stopAtErrors: boolean;
}

/** The slice of pdf.js's display API this project uses (pdfjs-dist ships no types for the legacy build path). */
export interface PdfjsModule {
  getDocument(params: PdfjsDocumentParams): { readonly promise: Promise<unknown>; destroy(): Promise<void> };
}

interface PdfjsGlobal {
  pdfjsWorker?: { WorkerMessageHandler?: unknown; [PDFJS_PATCH_MARKER]?: boolean };
  pdfjsLib?: Partial<PdfjsModule>;
}

let loaded: PdfjsModule | undefined;

/** pdf.js reports missing optional polyfills (canvas, Path2D) with console.warn at load time; they are not needed for text. */
function withoutConsoleWarnings<T>(load: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return load();
  } finally {
    console.warn = warn;
  }
}

/** Runs `load` (a require of pdf.js) with the DOMMatrix it expects in place and its load-time warnings silenced. */
export function loadingPdfjs<T>(load: () => T): T {
  installDomMatrix();
  return withoutConsoleWarnings(load);
}

export function loadPdfjs(): PdfjsModule {
  if (loaded) return loaded;
  const g = globalThis as PdfjsGlobal;
  const module = loadingPdfjs(() => {
    // Literal specifiers (PDFJS_WORKER_MODULE, PDFJS_DISPLAY_MODULE): esbuild inlines only those.
    if (!g.pdfjsWorker?.WorkerMessageHandler) require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return g.pdfjsLib?.getDocument ? (g.pdfjsLib as PdfjsModule) : (require('pdfjs-dist/legacy/build/pdf.mjs') as PdfjsModule);
  });
  if (g.pdfjsWorker?.[PDFJS_PATCH_MARKER] !== true) {
    throw new ConfigurationError(
      'pdf.js worker is not the patched build (see handlers/parse-invoice/core/pdfjs-worker-patch.ts): bundle with npm run build:handlers, or call installPatchedPdfjs() before loading the handler from source',
    );
  }
  loaded = module;
  return loaded;
}
