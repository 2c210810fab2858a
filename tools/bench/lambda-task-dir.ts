import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readManifest } from '../build/manifest';
import { BUNDLE_FILE, REPO_ROOT, SOURCE_MAP_FILE } from '../build/paths';

export interface TaskDirs {
  /** Each function's bundle, copied alone into its own directory. */
  readonly bundles: Record<string, string>;
  readonly remove: () => void;
}

/**
 * Copies each built bundle (and its map) out of the checkout, the way Lambda unpacks
 * the zip into /var/task: nothing beside it. From dist/, the bundle's optional
 * requires (pdf.js probes `@napi-rs/canvas`) would resolve to the checkout's
 * node_modules and load a native module Lambda never has, adding ~100 ms to
 * parse_invoice's first invocation.
 */
export function copyBundlesToTaskDirs(): TaskDirs {
  const root = mkdtempSync(join(tmpdir(), 'paypulse-var-task-'));
  const bundles: Record<string, string> = {};
  for (const [name, artifact] of Object.entries(readManifest().functions)) {
    const source = resolve(REPO_ROOT, artifact.bundle);
    const taskDir = join(root, name);
    mkdirSync(taskDir);
    copyFileSync(source, join(taskDir, BUNDLE_FILE));
    const map = join(dirname(source), SOURCE_MAP_FILE);
    if (existsSync(map)) copyFileSync(map, join(taskDir, SOURCE_MAP_FILE));
    bundles[name] = join(taskDir, BUNDLE_FILE);
  }
  return { bundles, remove: () => rmSync(root, { recursive: true, force: true }) };
}
