import { parse } from '@babel/parser';
import traverse from '@babel/traverse';

/**
 * The names an ES module reads but never declares: globals, or declarations that a
 * source patch removed while something still refers to them.
 */
export function freeNames(source: string): Set<string> {
  let names = new Set<string>();
  traverse(parse(source, { sourceType: 'module' }), {
    Program(path) {
      names = new Set(Object.keys((path.scope as unknown as { globals: Record<string, unknown> }).globals));
      path.stop();
    },
  });
  return names;
}
