import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The repository's import graph (relative imports of .ts files) and the rules of the
 * layout: which top-level rooms may import which, and no cycles.
 */

/** Files by repo-relative path, each with the repo-relative files it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)|\brequire\(\s*'(\.{1,2}\/[^']+)'\s*\)|^import\s+'(\.{1,2}\/[^']+)'/gm;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'cdktf.out', 'coverage', '.git']);

function listTs(rootDir: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(path.join(rootDir, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) listTs(rootDir, rel, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
}

function resolveImport(rootDir: string, from: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    const abs = path.join(rootDir, candidate);
    if (candidate.endsWith('.ts') && existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  return undefined;
}

/** The graph of every .ts file under `dirs` (and top-level files such as main.ts) of `rootDir`. */
export function buildImportGraph(rootDir: string, dirs: readonly string[]): ImportGraph {
  const files: string[] = [];
  for (const dir of dirs) {
    if (dir.endsWith('.ts')) files.push(dir);
    else if (existsSync(path.join(rootDir, dir))) listTs(rootDir, dir, files);
  }
  const graph = new Map<string, string[]>();
  for (const file of files.sort()) {
    const source = readFileSync(path.join(rootDir, file), 'utf8');
    const targets = new Set<string>();
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      const target = resolveImport(rootDir, file, spec);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The room of a file: its top-level directory (`handlers/shared` counts as its own), or the file itself. */
export function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return file;
  return parts[0] === 'handlers' && parts[1] === 'shared' ? 'handlers/shared' : parts[0];
}

/** Which rooms each room may import (itself always allowed). */
const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  contract: [],
  'handlers/shared': ['contract'],
  handlers: ['handlers/shared', 'contract'],
  stacks: ['contract'],
  app: ['stacks', 'contract', 'tools'],
  'main.ts': ['app'],
  tools: ['app', 'stacks', 'handlers', 'handlers/shared', 'contract'],
};

export interface LayerViolation {
  readonly from: string;
  readonly to: string;
}

/** Imports from a room into one it may not use (anything into `__tests__/` included). */
export function layerViolations(graph: ImportGraph): LayerViolation[] {
  const out: LayerViolation[] = [];
  for (const [from, targets] of graph) {
    const room = roomOf(from);
    if (room === '__tests__') continue;
    const allowed = ALLOWED_IMPORTS[room] ?? [];
    for (const to of targets) {
      const target = roomOf(to);
      if (target !== room && !allowed.includes(target)) out.push({ from, to });
    }
  }
  return out;
}

/** Every import cycle (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(graph: ImportGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}
