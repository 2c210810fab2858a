import type { Plugin } from 'esbuild';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** From the repository root, not `__dirname`: the synth app runs this code bundled into dist/launch/. */
const LAMBDA_SHARED_CONFIG = path.join(REPO_ROOT, 'tools', 'build', 'lambda-shared-config.ts');

/** The one module that imports the shared-config link of the SDK's settings chain. */
const CONFIG_LOADER = /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]node-config-provider[\\/]configLoader\.js$/;

/**
 * Points @smithy/core's settings chain at lambda-shared-config.ts instead of the link
 * that reads ~/.aws/config and ~/.aws/credentials. If an SDK update moves that import,
 * nothing is redirected and __tests__/tools/build/bundle-loading.test.ts fails (the
 * handler bundles would require node:fs/promises again).
 */
export function lambdaSharedConfigPlugin(): Plugin {
  return {
    name: 'lambda-shared-config-from-env',
    setup(build) {
      build.onResolve({ filter: /^\.\/fromSharedConfigFiles$/ }, (args) => (CONFIG_LOADER.test(args.importer) ? { path: LAMBDA_SHARED_CONFIG } : undefined));
    },
  };
}
