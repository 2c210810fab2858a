/**
 * Applying source patches to pdf.js's prebuilt files (pdfjs-worker-patch.ts,
 * pdfjs-display-patch.ts). Every anchor must be found exactly as expected, so a pdf.js
 * upgrade that moves one fails loudly instead of shipping unpatched code.
 */

/** Replaces `find` (exactly `count` occurrences, default 1) by `replace`. */
export interface SourcePatch {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
  readonly count?: number;
}

/** Replaces the source from `from` (included) up to `to` (excluded), except the lines that match `keep`. */
export interface RegionPatch {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly replace: string;
  /** A regular expression (source text, so the patches hash as JSON) for whole lines to carry over. */
  readonly keep: string;
}

export interface PdfjsPatches {
  /** The module the patches are for, e.g. `pdfjs-dist/legacy/build/pdf.worker.mjs`. */
  readonly module: string;
  readonly sourcePatches: readonly SourcePatch[];
  readonly regionPatches: readonly RegionPatch[];
}

/** webpack's `var x = __webpack_require__(n);` lines: polyfill requires that install globals. */
export const WEBPACK_REQUIRE_LINE = '^var \\w+ = __webpack_require__\\(\\d+\\);$';

function fail(patches: PdfjsPatches, patch: string, problem: string): never {
  throw new Error(`pdf.js patch '${patch}' (${patches.module}): ${problem}; re-check the patch against this pdf.js version`);
}

function indexOfOnly(source: string, anchor: string, patches: PdfjsPatches, patch: string): number {
  const first = source.indexOf(anchor);
  if (first < 0 || source.indexOf(anchor, first + 1) >= 0) fail(patches, patch, `expected exactly one occurrence of ${JSON.stringify(anchor)}`);
  return first;
}

function applySourcePatch(source: string, patch: SourcePatch, patches: PdfjsPatches): string {
  const parts = source.split(patch.find);
  const expected = patch.count ?? 1;
  if (parts.length - 1 !== expected) fail(patches, patch.name, `expected exactly ${expected === 1 ? 'one occurrence' : `${expected} occurrences`} of ${JSON.stringify(patch.find)}, found ${parts.length - 1}`);
  return parts.join(patch.replace);
}

function applyRegionPatch(source: string, patch: RegionPatch, patches: PdfjsPatches): string {
  const start = indexOfOnly(source, patch.from, patches, patch.name);
  const end = indexOfOnly(source, patch.to, patches, patch.name);
  if (end <= start) fail(patches, patch.name, `${JSON.stringify(patch.to)} comes before ${JSON.stringify(patch.from)}`);
  const keep = new RegExp(patch.keep);
  const kept = source
    .slice(start, end)
    .split('\n')
    .filter((line) => keep.test(line));
  return source.slice(0, start) + patch.replace + kept.map((line) => `${line}\n`).join('') + source.slice(end);
}

/** Every source patch, then every region patch, in order. */
export function applyPdfjsPatches(source: string, patches: PdfjsPatches): string {
  let patched = source;
  for (const patch of patches.sourcePatches) patched = applySourcePatch(patched, patch, patches);
  for (const patch of patches.regionPatches) patched = applyRegionPatch(patched, patch, patches);
  return patched;
}

/**
 * A class that stands for left-out pdf.js code: constructing it, or calling one of its
 * `throwing` static methods, throws (their callers are never reached by text
 * extraction); `members` are extra class members (source lines), e.g. no-op hooks.
 */
export function leftOutClass(name: string, reason: string, throwing: readonly string[] = [], members: readonly string[] = []): string {
  const thrower = (what: string) => `    throw new Error(${JSON.stringify(`pdf.js ${what} is left out of this build: ${reason}`)});`;
  return [
    `class ${name} {`,
    '  constructor() {',
    thrower(name),
    '  }',
    ...throwing.flatMap((method) => [`  static ${method}() {`, thrower(`${name}.${method}`), '  }']),
    ...members,
    '}',
  ].join('\n');
}
