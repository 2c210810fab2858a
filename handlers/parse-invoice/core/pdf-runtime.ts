import { ConfigurationError } from '../../shared/errors';
import { installDomMatrix } from './dom-matrix-stub';
import { PDFJS_PATCH_MARKER } from './pdfjs-worker-patch';

/**
 * Loads pdf-parse so that it works both from node_modules and from the single-file
 * esbuild bundle of the Lambda (no node_modules next to it).
 *
 * - pdf-parse is loaded with `require`, so esbuild picks its CJS build, which carries
 *   its own copy of pdf.js. (An `import` picks the ESM build, whose pdf.js needs
 *   `import.meta.url` and breaks once converted to CJS.)
 * - In Node, pdf.js runs its "worker" in-process and looks for it on
 *   `globalThis.pdfjsWorker` before trying a dynamic `import()` of a sibling
 *   `pdf.worker.mjs`, a file the bundle does not have. Requiring the worker module
 *   first sets that global, and esbuild inlines it into the bundle. It must be the
 *   same pdf.js version as pdf-parse's (pdf-parse pins its pdfjs-dist dependency).
 * - Both are loaded on first use, not at cold start of every invocation path.
 * - The worker must be the patched one (`pdfjs-worker-patch.ts`): the esbuild bundle
 *   patches it at build time; tools and tests install a patched build first. An
 *   unpatched pdf.js can end the process on an unhandled rejection, so it is refused.
 */
export type PdfParseModule = typeof import('pdf-parse');

interface PdfjsGlobal {
  pdfjsWorker?: { WorkerMessageHandler?: unknown; [PDFJS_PATCH_MARKER]?: boolean };
}

let loaded: PdfParseModule | undefined;

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

export function loadPdfParse(): PdfParseModule {
  if (loaded) return loaded;
  installDomMatrix();
  const module = withoutConsoleWarnings(() => {
    if (!(globalThis as PdfjsGlobal).pdfjsWorker?.WorkerMessageHandler) {
      require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    }
    return require('pdf-parse') as PdfParseModule;
  });
  if ((globalThis as PdfjsGlobal).pdfjsWorker?.[PDFJS_PATCH_MARKER] !== true) {
    throw new ConfigurationError(
      'pdf.js worker is not the patched build (see handlers/parse-invoice/core/pdfjs-worker-patch.ts): bundle with npm run build:handlers, or call installPatchedPdfjsWorker() before loading the handler from source',
    );
  }
  loaded = module;
  return loaded;
}
