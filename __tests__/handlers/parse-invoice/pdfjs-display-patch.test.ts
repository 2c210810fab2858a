import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFJS_DISPLAY_MODULE, PDFJS_DISPLAY_PATCHES, patchPdfjsDisplaySource } from '../../../handlers/parse-invoice/core/pdfjs-display-patch';
import { applyPdfjsPatches } from '../../../handlers/parse-invoice/core/pdfjs-source-patch';
import { freeNames } from '../../support/free-names';
import { evaluatePdfjs, pdfjsTextOf } from '../../support/pdfjs-builds';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

const original = readFileSync(require.resolve(PDFJS_DISPLAY_MODULE), 'utf8');
const patched = patchPdfjsDisplaySource(original);
const LEFT_OUT = PDFJS_DISPLAY_PATCHES.regionPatches.flatMap((patch) => [...patch.replace.matchAll(/^class (\w+) \{$/gm)].map((m) => m[1]));

const sections = (source: string): string[] => source.match(/^;\/\/ \.\/src\/[\w/.-]+$/gm) ?? [];

describe("pdf.js display patches on pdfjs-dist's pdf.mjs", () => {
  it('leaves out the viewer (editor, canvas rendering, annotation/SVG/draw layers) and keeps the document API and text layer', () => {
    const removed = sections(original).filter((s) => !sections(patched).includes(s));
    expect(removed).toEqual(expect.arrayContaining([';// ./src/display/canvas.js', ';// ./src/display/annotation_layer.js', ';// ./src/display/editor/editor.js', ';// ./src/display/draw_layer.js']));
    for (const kept of ['api.js', 'text_layer.js', 'display_utils.js', 'node_utils.js', 'annotation_storage.js', 'font_loader.js']) {
      expect(sections(patched)).toContain(`;// ./src/display/${kept}`);
    }
    expect(patched.length).toBeLessThan(original.length * 0.5);
    expect(patched).not.toContain('import.meta');
  });

  it('refuses a source where a counted anchor occurs a different number of times', () => {
    const patches = { module: 'm.mjs', sourcePatches: [{ name: 'two', find: 'a', replace: 'b', count: 2 }], regionPatches: [] };
    expect(applyPdfjsPatches('a-a', patches)).toBe('b-b');
    expect(() => applyPdfjsPatches('a-a-a', patches)).toThrow(/'two' \(m\.mjs\): expected exactly 2 occurrences of "a", found 3; re-check/);
  });

  it('keeps the polyfill requires and the export list', () => {
    const requires = (source: string) => (source.match(/^var \w+ = __webpack_require__\(\d+\);$/gm) ?? []).sort();
    expect(requires(patched)).toEqual(requires(original));
    const exportList = (source: string) => source.match(/^export \{[^}]+\};$/m)?.[0];
    expect(exportList(patched)).toBe(exportList(original));
  });

  it('leaves no reference to a removed declaration: the only new free name is CommonJS `__filename`', () => {
    const before = freeNames(original);
    const added = [...freeNames(patched)].filter((name) => !before.has(name));
    expect(added).toEqual(['__filename']);
    expect(LEFT_OUT).toEqual(expect.arrayContaining(['CanvasGraphics', 'AnnotationEditor', 'AnnotationLayer']));
  });
});

describe('patched pdf.js display layer', () => {
  beforeAll(() => installPdfjsWorker());

  it('stands in throwing classes for the left-out viewer code', () => {
    const lib = evaluatePdfjs(patched);
    expect(typeof lib.getDocument).toBe('function');
    for (const name of ['AnnotationLayer', 'AnnotationEditorLayer', 'DrawLayer']) {
      expect(() => new (lib[name] as new () => unknown)()).toThrow(new RegExp(`pdf\\.js ${name} is left out of this build`));
    }
  });

  it.each(['writer-table.pdf', 'chromium-two-pages-linearized.pdf', 'ps-qpdf-rotate-270.pdf', 'groff-tbl-fake-bold.pdf'])(
    'extracts the same positioned text from %s as the unpatched pdf.mjs',
    async (file) => {
      const [unpatched, withPatches] = [evaluatePdfjs(original), evaluatePdfjs(patched)];
      const pdf = path.join(__dirname, '../../fixtures/hyresavi-corpus', file);
      const expected = await pdfjsTextOf(unpatched, pdf);
      expect(JSON.stringify(expected).length).toBeGreaterThan(500);
      expect(await pdfjsTextOf(withPatches, pdf)).toEqual(expected);
    },
    30_000,
  );
});
