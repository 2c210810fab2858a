/**
 * Set on `globalThis.pdfjsWorker` by the patched worker (pdfjs-worker-patch.ts). A
 * module of its own, so the Lambda bundle's runtime check does not carry the patch
 * definitions, which only the build and the source installers apply.
 */
export const PDFJS_PATCH_MARKER = 'paypulsePatched';
