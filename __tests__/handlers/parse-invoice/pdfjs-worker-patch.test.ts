import { readFileSync } from 'node:fs';
import {
  PDFJS_PATCH_MARKER,
  PDFJS_WORKER_MODULE,
  PDFJS_WORKER_PATCHES,
  patchPdfjsWorkerSource,
  XFA_LEFT_OUT_MESSAGE,
} from '../../../handlers/parse-invoice/core/pdfjs-worker-patch';
import { freeNames } from '../../support/free-names';

const original = readFileSync(require.resolve(PDFJS_WORKER_MODULE), 'utf8');
const patched = patchPdfjsWorkerSource(original);

/** The anchors every patch needs, around a stand-in XFA region. */
function syntheticWorker(region: string): string {
  return [
    'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));',
    PDFJS_WORKER_PATCHES.regionPatches[0].from + region,
    `${PDFJS_WORKER_PATCHES.regionPatches[0].to}const annotationsUse = () => XFAFactory.getRichTextAsHtml("<body/>");`,
    'globalThis.pdfjsWorker = {',
    '};',
  ].join('\n');
}

describe("pdf.js worker patches on pdfjs-dist's worker", () => {
  it('leaves out every src/core/xfa module and nothing else', () => {
    const sections = (source: string): string[] => source.match(/^;\/\/ \.\/src\/[\w/.-]+$/gm) ?? [];
    const removed = sections(original).filter((s) => !sections(patched).includes(s));
    expect(removed.length).toBeGreaterThan(20);
    expect(removed.every((s) => s.startsWith(';// ./src/core/xfa/'))).toBe(true);
    expect(sections(patched).some((s) => s.includes('/xfa/'))).toBe(false);
    expect(patched.length).toBeLessThan(original.length * 0.9);
    expect(patched).toContain(`${PDFJS_PATCH_MARKER}: true`);
  });

  it('keeps the polyfill requires that were inside the region', () => {
    const requires = (source: string) => source.match(/^var \w+ = __webpack_require__\(\d+\);$/gm) ?? [];
    expect(requires(patched).sort()).toEqual(requires(original).sort());
  });

  it('leaves no reference to a removed declaration (no new free names)', () => {
    const before = freeNames(original);
    const after = freeNames(patched);
    expect([...after].filter((name) => !before.has(name))).toEqual([]);
    expect(after.has('XFAFactory')).toBe(false);
  });
});

describe('patchPdfjsWorkerSource', () => {
  const region = ['const $uid = Symbol("uid");', 'var es_iterator_flat_map = __webpack_require__(531);', 'class XFAFactory { static getRichTextAsHtml(rc) { return { html: rc }; } }', ''].join('\n');

  it('replaces the XFA region with a factory that refuses to be built and has no rich-text HTML', () => {
    const out = patchPdfjsWorkerSource(syntheticWorker(region));
    expect(out).not.toContain('$uid');
    expect(out).toContain('var es_iterator_flat_map = __webpack_require__(531);');
    const exported = new Function('__webpack_require__', 'globalThis', 'pageDictCache', 'xref', 'lastKid', `${out}\nreturn { XFAFactory, annotationsUse };`)(
      () => ({}),
      {},
      { put: () => undefined },
      { fetchAsync: () => Promise.resolve() },
      'kid',
    ) as { XFAFactory: new () => unknown; annotationsUse: () => unknown };
    expect(exported.annotationsUse()).toBeNull();
    expect(() => new exported.XFAFactory()).toThrow(XFA_LEFT_OUT_MESSAGE);
  });

  it('refuses a worker whose XFA region anchors are missing, repeated or out of order', () => {
    const { from, to } = PDFJS_WORKER_PATCHES.regionPatches[0];
    expect(() => patchPdfjsWorkerSource(syntheticWorker(region).replace(from, ''))).toThrow(/leave out the XFA layer.*exactly one occurrence/);
    expect(() => patchPdfjsWorkerSource(syntheticWorker(region + from))).toThrow(/exactly one occurrence/);
    const swapped = syntheticWorker(region).replace(from, '@@FROM@@').replace(to, from).replace('@@FROM@@', to);
    expect(() => patchPdfjsWorkerSource(swapped)).toThrow(/comes before/);
  });
});
