import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeNames } from '../../support/free-names';

const cacheDir = join(mkdtempSync(join(tmpdir(), 'free-names-')), 'cache');
afterAll(() => rmSync(join(cacheDir, '..'), { recursive: true, force: true }));

describe('freeNames (the patch tests’ check for dangling references)', () => {
  it('names what a module reads but never declares', () => {
    const source = 'import { a } from "m"; const b = a + missing; function f(c) { return c + b + alsoMissing; } export { f };';
    expect(freeNames(source, cacheDir)).toEqual(new Set(['missing', 'alsoMissing']));
  });

  it('gives the same answer from its cache, keyed by the source', () => {
    const removed = 'const kept = 1; use(kept, removedDeclaration);';
    const declared = 'const kept = 1, removedDeclaration = 2; use(kept, removedDeclaration);';
    const first = freeNames(removed, cacheDir);
    const entries = readdirSync(cacheDir).length;
    expect(freeNames(removed, cacheDir)).toEqual(first);
    expect(readdirSync(cacheDir)).toHaveLength(entries);
    expect(first).toEqual(new Set(['use', 'removedDeclaration']));
    expect(freeNames(declared, cacheDir)).toEqual(new Set(['use']));
    expect(readdirSync(cacheDir)).toHaveLength(entries + 1);
  });
});
