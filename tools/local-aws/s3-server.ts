import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { guardLocalKeys, type UnsafeLocalKeyError } from './s3-key-guard';

/** A running s3rver on 127.0.0.1. */
export interface LocalS3Server {
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  /**
   * s3rver itself: emits `event` with an S3 notification record for every write, and
   * `refused` with an `UnsafeLocalKeyError` for every request the key guard turned away.
   */
  readonly server: S3rver;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  /** Where objects are kept. @default a fresh temp dir, removed on stop */
  readonly directory?: string;
  /** @default 0 (any free port) */
  readonly port?: number;
}

/** The event a LocalS3Server's `server` emits for a refused request. */
export const REFUSED_EVENT = 'refused';

export async function startLocalS3(options: LocalS3Options = {}): Promise<LocalS3Server> {
  const ownDir = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'paypulse-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    // The AWS SDK signs for the real service; s3rver only needs to accept it.
    allowMismatchedSignatures: true,
    vhostBuckets: false,
  });
  guardLocalKeys(server, directory, (refused: UnsafeLocalKeyError) => server.emit(REFUSED_EVENT, refused));
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    directory,
    server,
    async stop() {
      await server.close();
      if (ownDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
