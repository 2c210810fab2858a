import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * What the handler bundles use in place of `@aws-sdk/credential-provider-node`'s
 * `defaultProvider` (see lambda-credentials-plugin.ts). Lambda always hands the
 * execution role's credentials to the function in AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, the first link of the default chain;
 * the rest of the chain (shared ini files, SSO, login, process, web identity, IMDS,
 * with their STS/SSO clients) is about 100 KB the function would parse at every cold
 * start and never run. Without those variables the SDK's own error says so.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
