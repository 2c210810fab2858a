import type { AwsClients } from './clients';
import type { Envelope } from './envelope';
import type { Logger } from './logger';

/**
 * What every S3-triggered handler is built from. The Lambda entry builds it once
 * from `process.env`; tests and the local pipeline pass loopback clients and the
 * environment of the synthesized function definition.
 */
export interface HandlerDeps {
  readonly clients: AwsClients;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** @default a JSON logger named after the function */
  readonly logger?: Logger;
}

export type S3EventHandler = (event: unknown) => Promise<Envelope>;
