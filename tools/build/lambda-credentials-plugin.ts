import type { Plugin } from 'esbuild';
import * as path from 'node:path';

export const LAMBDA_CREDENTIAL_PROVIDER = path.join(__dirname, 'lambda-credential-provider.ts');

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
