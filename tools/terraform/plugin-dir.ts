import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MissingPluginDirError } from './errors';

/** Where these machines keep the provider mirror. */
export const DEFAULT_PLUGIN_DIR = '/opt/tf-plugins';
const AWS_PROVIDER_PATH = join('registry.terraform.io', 'hashicorp', 'aws');

/**
 * The provider mirror for offline `terraform init -plugin-dir`: the option, else env
 * TF_PLUGIN_DIR, else /opt/tf-plugins. Throws, naming TF_PLUGIN_DIR, when the chosen
 * directory holds no hashicorp/aws provider.
 */
export function resolvePluginDir(option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const dir = option ?? env.TF_PLUGIN_DIR ?? DEFAULT_PLUGIN_DIR;
  if (!existsSync(join(dir, AWS_PROVIDER_PATH))) {
    throw new MissingPluginDirError(
      `no hashicorp/aws provider mirror in ${dir}: set TF_PLUGIN_DIR (or --plugin-dir) to a directory holding ${AWS_PROVIDER_PATH}/<version>/<os_arch>`,
    );
  }
  return dir;
}
