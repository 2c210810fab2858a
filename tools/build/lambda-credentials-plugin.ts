import type { Plugin } from 'esbuild';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** From the repository root, not `__dirname`: the synth app runs this code bundled into dist/launch/. */
const LAMBDA_CREDENTIAL_PROVIDER = path.join(REPO_ROOT, 'tools', 'build', 'lambda-credential-provider.ts');

/**
 * Points the SDK clients' `@aws-sdk/credential-provider-node` import at the
 * environment-only provider that Lambda needs (lambda-credential-provider.ts).
 */
export function lambdaCredentialsPlugin(): Plugin {
  return {
    name: 'lambda-credentials-from-env',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: LAMBDA_CREDENTIAL_PROVIDER }));
    },
  };
}
