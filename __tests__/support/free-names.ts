import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../tools/build/paths';
import { writeFileAtomic } from '../../tools/build/write-file-atomic';

/** Where results are kept between runs: a scope analysis of pdf.js's worker takes ~2 s. */
export const FREE_NAMES_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'paypulse-free-names');

/** What the result depends on besides the source: the analyser's versions. */
const ANALYSER = JSON.stringify([require('@babel/parser/package.json').version, require('@babel/traverse/package.json').version, 'globals-of-program/1']);

function analyse(source: string): string[] {
  // Loaded only on a cache miss: babel takes longer to load than a cached answer to read.
  const { parse } = require('@babel/parser') as typeof import('@babel/parser');
  const traverse = (require('@babel/traverse') as typeof import('@babel/traverse')).default;
  let names: string[] = [];
  traverse(parse(source, { sourceType: 'module' }), {
    Program(path) {
      names = Object.keys((path.scope as unknown as { globals: Record<string, unknown> }).globals);
      path.stop();
    },
  });
  return names;
}

/**
 * The names an ES module reads but never declares: globals, or declarations that a
 * source patch removed while something still refers to them. Memoised on disk by a
 * hash of the source and the analyser, so an unchanged pdf.js is analysed once.
 */
export function freeNames(source: string, cacheDir: string = FREE_NAMES_CACHE_DIR): Set<string> {
  const key = createHash('sha256').update(ANALYSER).update('\0').update(source).digest('hex');
  const file = join(cacheDir, `${key}.json`);
  if (existsSync(file)) return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  const names = analyse(source);
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomic(file, JSON.stringify(names));
  return new Set(names);
}
