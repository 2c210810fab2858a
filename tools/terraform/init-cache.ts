import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import { runTerraform } from './run-terraform';

/** Where initialised `.terraform` directories are kept between runs. */
export const INIT_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'paypulse-terraform-init');

function listing(dir: string, depth: number): string[] {
  if (depth === 0 || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => [join(dir, e.name), ...(e.isDirectory() ? listing(join(dir, e.name), depth - 1) : [])]);
}

/**
 * `terraform init -plugin-dir` in `workDir`, once per provider mirror: the initialised
 * `.terraform` and lock file are cached under node_modules/.cache, keyed by the mirror's
 * provider versions and the Terraform version, and copied into later work dirs. Only
 * for configurations without modules on a local backend at the offline path (the cache
 * holds no module installs).
 */
export async function initFromMirror(
  workDir: string,
  pluginDir: string,
  onLine?: (line: string) => void,
): Promise<{ cached: boolean; cacheDir: string }> {
  const { stdout: version } = await runTerraform(['version', '-json'], { cwd: workDir });
  const key = createHash('sha256')
    .update(JSON.stringify([JSON.parse(version).terraform_version, pluginDir, listing(pluginDir, 5)]))
    .digest('hex')
    .slice(0, 16);
  const cached = join(INIT_CACHE_DIR, key);
  if (existsSync(join(cached, '.terraform.lock.hcl'))) {
    cpSync(join(cached, '.terraform'), join(workDir, '.terraform'), { recursive: true, verbatimSymlinks: true });
    cpSync(join(cached, '.terraform.lock.hcl'), join(workDir, '.terraform.lock.hcl'));
    return { cached: true, cacheDir: cached };
  }
  await runTerraform(['init', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`], { cwd: workDir, onLine });
  const staging = `${cached}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  cpSync(join(workDir, '.terraform'), join(staging, '.terraform'), { recursive: true, verbatimSymlinks: true });
  cpSync(join(workDir, '.terraform.lock.hcl'), join(staging, '.terraform.lock.hcl'));
  try {
    renameSync(staging, cached);
  } catch {
    // Another process cached the same key first; theirs is as good.
    rmSync(staging, { recursive: true, force: true });
  }
  return { cached: false, cacheDir: cached };
}
