import { CredentialsProviderError } from '@smithy/core/config';

type ProviderErrorOptions = Exclude<ConstructorParameters<typeof CredentialsProviderError>[1], boolean | undefined>;

/** The variables that point the SDK at shared config files. */
export const SHARED_CONFIG_FILE_VARIABLES: readonly string[] = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'];

/**
 * What the handler bundles use in place of @smithy/core's `fromSharedConfigFiles`
 * (see lambda-shared-config-plugin.ts), the link of the SDK's settings chain
 * (environment, then ~/.aws/config and ~/.aws/credentials, then the default) that reads
 * the files. Lambda has none, so there the real link fails "not found" for every
 * setting and the chain takes the default; this one does the same without loading
 * fs/promises, readline and the ini parser at every cold start, or trying to read both
 * files on the first call. A deployment that points the SDK at files anyway is told so
 * on its first call instead of having them ignored.
 */
export function fromSharedConfigFiles(_selector: unknown, init: Pick<ProviderErrorOptions, 'logger'> = {}): () => Promise<never> {
  return async () => {
    const set = SHARED_CONFIG_FILE_VARIABLES.filter((name) => process.env[name]);
    if (set.length > 0) {
      throw new Error(`${set.join(' and ')} set, but the handler bundle reads no shared config files: configure the AWS SDK through environment variables instead`);
    }
    throw new CredentialsProviderError('the handler bundle reads no shared config files (Lambda has none)', { logger: init.logger });
  };
}
